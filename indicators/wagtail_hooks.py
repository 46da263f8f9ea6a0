from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .dashboard import IndicatorsBehindPanel
from .models import Indicator, Measurement, Objective, Plan


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "doc-full"
    menu_label = _("Kế hoạch")
    list_display = ["number", "name", "start_year", "end_year"]
    search_fields = ["name", "number"]
    list_export = ["number", "name", "start_year", "end_year"]
    export_filename = "ke-hoach"


class ObjectiveViewSet(SnippetViewSet):
    model = Objective
    icon = "list-ol"
    menu_label = _("Mục tiêu")
    list_display = ["code", "name", "plan"]
    list_filter = ["plan"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "order"
    menu_label = _("Chỉ tiêu")
    list_display = [
        "code",
        "name",
        "plan",
        Column("target_display", label=_("Chỉ tiêu")),
        Column("current_display", label=_("Hiện tại")),
        Column("status_label", label=_("Tình trạng")),
        "automatic_source",
    ]
    list_filter = ["plan", "unit", "automatic_source", "reporting_status"]
    search_fields = ["name", "code"]
    list_export = [
        "code",
        "name",
        "plan",
        "unit",
        "direction",
        "baseline",
        "baseline_year",
        "target",
        "target_year",
        "data_source",
        "responsible_agency",
        "reporting_status",
        "automatic_source",
    ]
    export_filename = "chi-tieu"


class MeasurementViewSet(SnippetViewSet):
    model = Measurement
    icon = "table"
    menu_label = _("Số liệu")
    list_display = [
        "indicator",
        Column("period_label", label=_("Kỳ")),
        Column("value_display", label=_("Giá trị")),
        "breakdown_label",
        "source",
        "entered_at",
    ]
    list_filter = ["indicator", "source", "live"]
    list_export = [
        "indicator",
        "period_start",
        "period_end",
        "value",
        "breakdown_kind",
        "breakdown_label",
        "source",
        "live",
        "entered_by",
        "entered_at",
        "note",
    ]
    export_filename = "so-lieu-chi-tieu"
    ordering = ["-entered_at"]


class IndicatorsViewSetGroup(SnippetViewSetGroup):
    items = (PlanViewSet, ObjectiveViewSet, IndicatorViewSet, MeasurementViewSet)
    menu_icon = "order"
    menu_label = _("Chỉ tiêu kế hoạch")
    menu_name = "indicators"


register_snippet(IndicatorsViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_indicators_panel(request, panels):
    if request.user.has_perm("indicators.view_indicator") or request.user.has_perm("indicators.change_measurement"):
        panels.append(IndicatorsBehindPanel())
