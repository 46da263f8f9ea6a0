"""Reference lists edited in the admin as snippets: issuing bodies, document types, fields."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.vietnamese import fold, slugify


class FoldedNameQuerySet(models.QuerySet):
    """Look a row up by any of its names, ignoring case and accents."""

    folded_fields = ("name",)

    def matching(self, text):
        key = fold(str(text or "").strip())
        if not key:
            return self.none()
        condition = Q()
        for field in self.folded_fields:
            condition |= Q(**{f"{field}_folded": key})
        return self.filter(condition)

    def find(self, text):
        return self.matching(text).first()


class IssuingBodyQuerySet(FoldedNameQuerySet):
    folded_fields = ("name", "short_name")


class DocumentTypeQuerySet(FoldedNameQuerySet):
    folded_fields = ("name", "code")


class IssuingBody(index.Indexed, models.Model):
    """Cơ quan ban hành, e.g. Ủy ban nhân dân tỉnh Hậu Giang ("UBND tỉnh")."""

    name = models.CharField(_("Tên cơ quan"), max_length=200, unique=True)
    short_name = models.CharField(_("Tên viết tắt"), max_length=60, help_text=_("Ví dụ: UBND tỉnh."))
    slug = models.SlugField(_("Đường dẫn"), max_length=80, unique=True, blank=True)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    short_name_folded = models.CharField(max_length=60, editable=False, db_index=True)

    objects = IssuingBodyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("short_name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Cơ quan ban hành")
        verbose_name_plural = _("Cơ quan ban hành")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.short_name or self.name)[:80]
        self.name_folded = fold(self.name.strip())
        self.short_name_folded = fold(self.short_name.strip())
        super().save(*args, **kwargs)


class DocumentType(index.Indexed, models.Model):
    """Loại văn bản: Kế hoạch (KH), Quyết định (QĐ), Chỉ thị (CT)…"""

    name = models.CharField(_("Tên loại văn bản"), max_length=100, unique=True)
    code = models.CharField(_("Chữ viết tắt"), max_length=20, unique=True, help_text=_("Ví dụ: KH, QĐ, CT."))
    slug = models.SlugField(_("Đường dẫn"), max_length=100, unique=True, blank=True)
    name_folded = models.CharField(max_length=100, editable=False, db_index=True)
    code_folded = models.CharField(max_length=20, editable=False, db_index=True)

    objects = DocumentTypeQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("code")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Loại văn bản")
        verbose_name_plural = _("Loại văn bản")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)[:100]
        self.name_folded = fold(self.name.strip())
        self.code_folded = fold(self.code.strip())
        super().save(*args, **kwargs)


class Field(index.Indexed, models.Model):
    """Lĩnh vực: công nghệ thông tin, đất đai, y tế…"""

    name = models.CharField(_("Tên lĩnh vực"), max_length=100, unique=True)
    slug = models.SlugField(_("Đường dẫn"), max_length=100, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Lĩnh vực")
        verbose_name_plural = _("Lĩnh vực")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)[:100]
        super().save(*args, **kwargs)
