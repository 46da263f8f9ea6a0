"""Component portals (cổng thành phần): each agency's own Wagtail site on the one installation.

A sub-portal is a Wagtail ``Site`` with its own tree; this model says which agency runs it, of
which kind, and under which issuing body its directives appear. Kinds are rows, not code: a
province adds its own (a new tier after a reform) in the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.models import PortalPage
from portal import vietnamese
from search.facets import SearchFacet


class UnitKind(models.Model):
    """Loại đơn vị: sở, ban, ngành; huyện (before the 2025 reform); xã, phường."""

    name = models.CharField(_("Tên loại đơn vị"), max_length=100, unique=True)
    slug = models.SlugField(_("Mã"), max_length=100, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Loại đơn vị")
        verbose_name_plural = _("Loại đơn vị")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or vietnamese.slugify(self.name)[:100]
        super().save(*args, **kwargs)


class SubPortalQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site).first() if site is not None else None


class SubPortal(models.Model):
    """One agency's component portal: its site, its kind and its issuing body."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("Trang (tên miền)"), on_delete=models.CASCADE, related_name="subportal"
    )
    name = models.CharField(_("Tên đơn vị"), max_length=200, unique=True)
    short_name = models.CharField(_("Tên viết tắt"), max_length=60)
    kind = models.ForeignKey(
        UnitKind, verbose_name=_("Loại đơn vị"), on_delete=models.PROTECT, related_name="subportals"
    )
    issuing_body = models.ForeignKey(
        "directives.IssuingBody",
        verbose_name=_("Cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="subportals",
    )

    objects = SubPortalQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("kind"), FieldPanel("issuing_body")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Cổng thành phần")
        verbose_name_plural = _("Cổng thành phần")

    def __str__(self):
        return self.name


class AgencyProcedureIndexPage(PortalPage):
    """A sub-portal's procedures: those of the province catalogue its agency handles, never copies."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)
    agency = models.ForeignKey(
        "services.Agency", verbose_name=_("Cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )

    search_facets = [SearchFacet("agency", "agency")]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("agency")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "services/procedure_index_page.html"

    class Meta:
        verbose_name = _("Thủ tục hành chính của đơn vị")
        verbose_name_plural = _("Thủ tục hành chính của đơn vị")

    def procedures(self):
        from services.models import ProcedurePage

        return ProcedurePage.objects.live().public().filter(agency=self.agency)

    def get_context(self, request, *args, **kwargs):
        from services.browse import browse

        context = super().get_context(request, *args, **kwargs)
        context.update(browse(self.procedures(), request.GET))
        return context
