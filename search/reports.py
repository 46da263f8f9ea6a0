"""Staff report: the queries citizens typed that found nothing, to add promotions or content."""

from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

PROMOTION_PERMISSIONS = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
]


def can_see_search_reports(user):
    return user.is_superuser or any(user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)


class ZeroResultFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(label=_("Ngày"), field_name="zero_result_hits__date", widget=DateRangePickerWidget)

    class Meta:
        model = Query
        fields = []


class ZeroResultQueriesReportView(ReportView):
    page_title = _("Từ khóa tìm không có kết quả")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = ZeroResultFilterSet
    default_ordering = "-_zero_hits"
    index_url_name = "search_reports:zero_results"
    index_results_url_name = "search_reports:zero_results_results"
    columns = [
        Column("query_string", label=_("Từ khóa"), sort_key="query_string"),
        NumberColumn("_zero_hits", label=_("Số lần không có kết quả"), sort_key="_zero_hits"),
        DateColumn("_last_seen", label=_("Lần gần nhất"), sort_key="_last_seen"),
    ]
    list_export = ["query_string", "_zero_hits", "_last_seen"]
    export_headings = {
        "query_string": _("Từ khóa"),
        "_zero_hits": _("Số lần không có kết quả"),
        "_last_seen": _("Lần gần nhất"),
    }

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        return (
            Query.objects.filter(zero_result_hits__isnull=False)
            .annotate(_zero_hits=Sum("zero_result_hits__hits"), _last_seen=Max("zero_result_hits__date"))
            .filter(_zero_hits__gt=0)
        )

    def dispatch(self, request, *args, **kwargs):
        if not can_see_search_reports(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
