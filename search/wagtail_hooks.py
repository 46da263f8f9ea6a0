from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_urls
from .reports import can_see_search_reports
from .viewsets import SynonymViewSet

register_snippet(SynonymViewSet)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_search_reports(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("search-reports/", include(admin_urls, namespace="search_reports"))]


@hooks.register("register_reports_menu_item")
def register_zero_results_report():
    return SearchReportMenuItem(
        _("Từ khóa tìm không có kết quả"),
        reverse("search_reports:zero_results"),
        name="search-zero-results",
        icon_name="search",
        order=1310,
    )
