"""Staff report: the queries citizens typed that found nothing, to add promotions or content."""

from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

from . import suggestions

PROMOTION_PERMISSIONS = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
]


def can_see_search_reports(user):
    return user.is_superuser or any(user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)


def synonym_expansions(query):
    """``query`` with each synonym or i/y spelling that search also looks for in place of the
    words typed ("chich ngua" → "tiêm chủng"), one rewritten query per alternative."""
    from .expansion import expansions_for

    rewritten = []
    for expansion in expansions_for(query):
        if expansion.typed in query:
            rewritten += [query.replace(expansion.typed, alternative, 1) for alternative in expansion.alternatives]
    return rewritten


def later_fix(query):
    """How a query that once found nothing is answered now, as a line for staff ("" if it still is not)."""
    from .expansion import as_typed
    from .results import run_search

    with as_typed():
        typed = run_search(query, {suggestions.EXACT_PARAM: "1"})
        if typed.total:
            return str(_("Nay có kết quả"))
        for rewritten in synonym_expansions(query):
            if run_search(rewritten, {suggestions.EXACT_PARAM: "1"}).total:
                return str(_("Từ đồng nghĩa: %(query)s") % {"query": rewritten})
    if typed.suggestion:
        return str(_("Sửa lỗi gõ: %(query)s") % {"query": typed.suggestion})
    return ""


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
        # Answered since by content, a synonym or a typo correction: nothing left to do for staff.
        Column("later_fix", label=_("Nay tìm được nhờ"), accessor=lambda query: later_fix(query.query_string)),
    ]
    list_export = ["query_string", "_zero_hits", "_last_seen", "later_fix"]
    export_headings = {
        "query_string": _("Từ khóa"),
        "_zero_hits": _("Số lần không có kết quả"),
        "_last_seen": _("Lần gần nhất"),
        "later_fix": _("Nay tìm được nhờ"),
    }

    def to_row_dict(self, item):
        # The spreadsheet carries what the screen shows, so staff can share the list of what is fixed.
        return {
            field: later_fix(item.query_string) if field == "later_fix" else getattr(item, field)
            for field in self.list_export
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
