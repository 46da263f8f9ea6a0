"""The admin dashboard panel: indicators behind target (or without data) and what staff can do."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from .models import AutomaticSource, Indicator
from .status import Status

OUTSTANDING_SHOWN = 5

ACTIONS = {
    AutomaticSource.DIRECTIVE_PUBLICATION_RATE: _(
        "Đăng lên cổng các văn bản trong sổ theo dõi còn thiếu (cũ nhất trước); chỉ tiêu tự tính lại khi trang "
        "được xuất bản."
    ),
    AutomaticSource.ONLINE_SERVICES_LEVEL_3: _(
        "Rà soát danh mục thủ tục: cập nhật mức độ và địa chỉ dịch vụ công trực tuyến của các thủ tục đã "
        "cung cấp trực tuyến."
    ),
    AutomaticSource.ONLINE_SERVICES_LEVEL_2: _(
        "Đăng mẫu đơn, tờ khai tải về cho các thủ tục còn thiếu trong danh mục."
    ),
    AutomaticSource.CAMPAIGN_FOLLOW_THROUGHS: _(
        "Mở chiến dịch tuyên truyền, in áp phích có mã QR cho bộ phận một cửa và theo dõi lượt chuyển tiếp."
    ),
}
MANUAL_ACTION = _("Nhập số liệu mới kèm tài liệu minh chứng và gửi duyệt.")
NO_DATA_ACTION = _("Chưa có số liệu: yêu cầu cơ quan chịu trách nhiệm báo cáo rồi nhập số liệu.")


@dataclass
class ActionItem:
    indicator: Indicator
    actions: list = field(default_factory=list)
    outstanding: list = field(default_factory=list)
    outstanding_total: int = 0
    add_url: str = ""


def _outstanding_entries(indicator):
    try:
        from directives.metrics import publication_summary
    except ImportError:
        return []
    plan = indicator.plan
    end = min(plan.ends_on, timezone.localdate())
    return publication_summary(plan.starts_on, end).outstanding


def _create_page_url(entry):
    """The directives admin's "create the page from this register entry" screen, when it exists."""
    try:
        return reverse("directives_create_from_register", args=[entry.pk])
    except NoReverseMatch:
        return ""


def needing_action():
    """Indicators behind target or without data, each with what staff can do about it."""
    items = []
    finder = AdminURLFinder()
    try:
        add_url = reverse("wagtailsnippets_indicators_measurement:add")
    except NoReverseMatch:
        add_url = ""
    for indicator in Indicator.objects.for_tracker():
        status = indicator.status
        if status not in (Status.BEHIND, Status.NO_DATA):
            continue
        item = ActionItem(indicator)
        if indicator.is_automatic:
            item.actions.append(ACTIONS.get(indicator.automatic_source, ""))
        else:
            item.actions.append(NO_DATA_ACTION if status == Status.NO_DATA else MANUAL_ACTION)
            item.add_url = add_url
        if indicator.automatic_source == AutomaticSource.DIRECTIVE_PUBLICATION_RATE:
            entries = _outstanding_entries(indicator)
            item.outstanding_total = len(entries)
            item.outstanding = [
                (entry, finder.get_edit_url(entry), _create_page_url(entry)) for entry in entries[:OUTSTANDING_SHOWN]
            ]
        items.append(item)
    return items


class IndicatorsBehindPanel(Component):
    name = "indicators_behind"
    template_name = "indicators/admin/dashboard_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = needing_action()
        return context
