"""The compliance map (which pages or finders fulfil each Decree 42 category on each site, who owns
it, how fresh it must be) and the stored results of the link checker."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from . import categories


def finder_choices():
    # The finders citizens can subscribe to (alerts.finders): one registry of the portal's listings.
    from alerts import finders

    return finders.choices()


class ComplianceEntryQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)


class ComplianceEntry(ClusterableModel):
    """One mandatory category on one site: what fulfils it, who answers for it, how old it may get."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Trang (tên miền)"), on_delete=models.CASCADE, related_name="+"
    )
    category = models.CharField(_("Nhóm thông tin bắt buộc"), max_length=60, choices=categories.choices)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_group = models.ForeignKey(
        Group,
        verbose_name=_("Nhóm phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    max_age_days = models.PositiveIntegerField(
        _("Thời hạn cập nhật (ngày)"),
        null=True,
        blank=True,
        help_text=_("Để trống để dùng thời hạn mặc định của nhóm thông tin."),
    )

    objects = ComplianceEntryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("site"), FieldPanel("category")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("owner_user"), FieldPanel("owner_group")]), FieldPanel("max_age_days")],
            heading=_("Phụ trách và thời hạn"),
        ),
        InlinePanel("sources", heading=_("Trang hoặc bộ tra cứu đáp ứng"), label=_("Nguồn")),
    ]

    class Meta:
        ordering = ["site", "category"]
        constraints = [models.UniqueConstraint(fields=["site", "category"], name="compliance_one_entry_per_category")]
        verbose_name = _("Mục tuân thủ Nghị định 42")
        verbose_name_plural = _("Bản đồ tuân thủ Nghị định 42")

    def __str__(self):
        return f"{self.category_label} – {self.site}"

    @property
    def category_label(self):
        category = categories.by_code(self.category)
        return category.name if category else self.category

    @property
    def owner_label(self):
        if self.owner_user:
            return self.owner_user.get_full_name() or self.owner_user.get_username()
        return self.owner_group.name if self.owner_group else ""

    def effective_max_age_days(self):
        if self.max_age_days:
            return self.max_age_days
        category = categories.by_code(self.category)
        return category.max_age_days if category else None


class ComplianceSource(Orderable):
    """A page (an article, or an index whose newest live child counts) or a finder fulfilling a category."""

    entry = ParentalKey(ComplianceEntry, on_delete=models.CASCADE, related_name="sources")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang"),
        null=True,
        blank=True,
        # A deleted page leaves an empty source, so the category shows as missing rather than vanishing.
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finder = models.CharField(_("Hoặc bộ tra cứu"), max_length=40, blank=True, choices=finder_choices)

    panels = [PageChooserPanel("page"), FieldPanel("finder")]

    def clean(self):
        super().clean()
        if not self.page_id and not self.finder:
            raise ValidationError(_("Chọn một trang hoặc một bộ tra cứu."))


class CheckedLinkQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(status=CheckedLink.Status.BROKEN)

    def for_sites(self, sites):
        return self.filter(site__in=sites)


class CheckedLink(models.Model):
    """One link found by ``check_links`` (or on publishing) and what checking it gave."""

    class Kind(models.TextChoices):
        PAGE = "page", _("Trang trên cổng")
        DOCUMENT = "document", _("Tài liệu")
        INTERNAL = "internal", _("Đường dẫn trên cổng")
        EXTERNAL = "external", _("Liên kết ngoài")

    class Status(models.TextChoices):
        OK = "ok", _("Hoạt động")
        BROKEN = "broken", _("Hỏng")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Trang (tên miền)"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang chứa liên kết"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    source = models.CharField(_("Vị trí"), max_length=200, blank=True)
    url = models.CharField(_("Địa chỉ"), max_length=2000)
    kind = models.CharField(_("Loại liên kết"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("Tình trạng"), max_length=20, choices=Status.choices)
    http_status = models.PositiveSmallIntegerField(_("Mã HTTP"), null=True, blank=True)
    error = models.CharField(_("Lỗi"), max_length=500, blank=True)
    checked_at = models.DateTimeField(_("Kiểm tra lúc"))

    objects = CheckedLinkQuerySet.as_manager()

    class Meta:
        ordering = ["site", "page", "url"]
        indexes = [models.Index(fields=["page", "status"], name="compliance_link_page_status")]
        verbose_name = _("Liên kết đã kiểm tra")
        verbose_name_plural = _("Liên kết đã kiểm tra")

    def __str__(self):
        return self.url

    @property
    def page_owner(self):
        owner = self.page.owner if self.page_id else None
        return (owner.get_full_name() or owner.get_username()) if owner else ""
