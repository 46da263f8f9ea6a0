"""The fields and agencies procedures are filed under, each browsed by its slug."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal import vietnamese


class SluggedSnippet(models.Model):
    """A named snippet whose slug (folded from the name) is the browsing parameter."""

    name = models.CharField(_("Tên"), max_length=255, unique=True)
    slug = models.SlugField(_("Mã đường dẫn"), max_length=255, unique=True, blank=True)

    panels = [FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vietnamese.slugify(self.name)[:255] or "khac"
        super().save(*args, **kwargs)


class ProcedureField(index.Indexed, SluggedSnippet):
    """A field of procedures (lĩnh vực), as in the national procedure database."""

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("Lĩnh vực")
        verbose_name_plural = _("Lĩnh vực")


class Agency(index.Indexed, SluggedSnippet):
    """The agency that receives and settles a procedure (cơ quan thực hiện)."""

    address = models.CharField(_("Địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("phone")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("Cơ quan thực hiện")
        verbose_name_plural = _("Cơ quan thực hiện")
