"""Staff reports: the Decree 42 compliance map per site, and the broken links per page and owner.
Sub-portal editors see their own site; portal-wide administrators see every site."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from . import status
from .models import CheckedLink

COMPLIANCE_COLUMNS = {
    "site_name": _("Cổng"),
    "category_name": _("Nhóm thông tin bắt buộc"),
    "state_label": _("Tình trạng"),
    "owner": _("Phụ trách"),
    "newest": _("Cập nhật gần nhất"),
    "max_age_days": _("Thời hạn (ngày)"),
    "reason": _("Ghi chú"),
}

LINK_COLUMNS = {
    "page.title": _("Trang"),
    "site.hostname": _("Tên miền"),
    "source": _("Vị trí"),
    "url": _("Địa chỉ"),
    "get_kind_display": _("Loại liên kết"),
    "error": _("Lỗi"),
    "page_owner": _("Chủ sở hữu trang"),
    "checked_at": _("Kiểm tra lúc"),
}


class SiteScopedReportView(ReportView):
    """A report over the sites the user answers for; refused to those who answer for none."""

    def dispatch(self, request, *args, **kwargs):
        self.sites = status.visible_sites(request.user)
        if not self.sites:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ComplianceReportView(SiteScopedReportView):
    page_title = _("Tuân thủ Nghị định 42")
    header_icon = "tasks"
    index_url_name = "compliance:report"
    index_results_url_name = "compliance:report_results"
    export_filename = "tuan-thu-nghi-dinh-42"
    paginate_by = 100
    columns = [
        Column("site_name", label=COMPLIANCE_COLUMNS["site_name"]),
        Column("category_name", label=COMPLIANCE_COLUMNS["category_name"]),
        Column("state_label", label=COMPLIANCE_COLUMNS["state_label"]),
        Column("owner", label=COMPLIANCE_COLUMNS["owner"]),
        DateColumn("newest", label=COMPLIANCE_COLUMNS["newest"]),
        Column("max_age_days", label=COMPLIANCE_COLUMNS["max_age_days"]),
        Column("reason", label=COMPLIANCE_COLUMNS["reason"]),
    ]
    list_export = list(COMPLIANCE_COLUMNS)
    export_headings = COMPLIANCE_COLUMNS

    def get_queryset(self):
        return status.compliance(self.sites)


class BrokenLinksReportView(SiteScopedReportView):
    page_title = _("Liên kết hỏng")
    header_icon = "link"
    index_url_name = "compliance:broken_links"
    index_results_url_name = "compliance:broken_links_results"
    export_filename = "lien-ket-hong"
    columns = [
        TitleColumn(
            "page",
            label=LINK_COLUMNS["page.title"],
            accessor=lambda link: link.page.title if link.page_id else _("Cài đặt cổng"),
            get_url=lambda link: reverse("wagtailadmin_pages:edit", args=[link.page_id]) if link.page_id else None,
        ),
        Column("site", label=LINK_COLUMNS["site.hostname"], accessor="site.hostname"),
        Column("source", label=LINK_COLUMNS["source"]),
        Column("url", label=LINK_COLUMNS["url"]),
        Column("kind", label=LINK_COLUMNS["get_kind_display"], accessor="get_kind_display"),
        Column("error", label=LINK_COLUMNS["error"]),
        Column("page_owner", label=LINK_COLUMNS["page_owner"]),
        DateColumn("checked_at", label=LINK_COLUMNS["checked_at"]),
    ]
    list_export = list(LINK_COLUMNS)
    export_headings = LINK_COLUMNS

    def get_queryset(self):
        return (
            CheckedLink.objects.broken()
            .for_sites(self.sites)
            .select_related("page", "page__owner", "site")
            .order_by("site__hostname", "page__title", "url")
        )


class CompliancePanel(Component):
    """Home of the admin: what each site the user answers for lacks or lets go stale."""

    name = "compliance"
    order = 90
    template_name = "compliance/admin/dashboard_panel.html"

    def __init__(self, sites):
        self.sites = sites

    def get_context_data(self, parent_context=None):
        statuses = status.compliance(self.sites)
        return {
            "problems": [item for item in statuses if item.state != status.OK],
            "site_count": len(self.sites),
            "broken_links": CheckedLink.objects.broken().for_sites(self.sites).count(),
        }
