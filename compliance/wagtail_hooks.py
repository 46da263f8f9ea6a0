"""Admin registrations of the compliance app: the compliance map as snippets, the two reports,
the home panel, and the broken-link warnings on a page's edit view and on publishing."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls, links, status
from .models import CheckedLink, ComplianceEntry
from .views import CompliancePanel


class ComplianceEntryViewSet(SnippetViewSet):
    model = ComplianceEntry
    icon = "tasks"
    menu_label = gettext_lazy("Bản đồ tuân thủ Nghị định 42")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["category_label", "site", "owner_label", "max_age_days"]
    list_filter = ["site", "category"]
    list_export = ["site", "category_label", "owner_label", "max_age_days"]


register_snippet(ComplianceEntryViewSet)


class SiteScopedMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(status.visible_sites(request.user))


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("tuan-thu/", include(admin_urls, namespace="compliance"))]


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return SiteScopedMenuItem(
        gettext_lazy("Tuân thủ Nghị định 42"), reverse("compliance:report"), icon_name="tasks", order=950
    )


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return SiteScopedMenuItem(
        gettext_lazy("Liên kết hỏng"), reverse("compliance:broken_links"), icon_name="link", order=960
    )


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    sites = status.visible_sites(request.user)
    if sites:
        panels.append(CompliancePanel(sites))


def _describe(broken):
    return "; ".join(f"{link.url} ({link.error})" for link in broken[:5])


@hooks.register("before_edit_page")
def warn_of_broken_links(request, page):
    """The last check's broken links, shown above the editor; opening the page is never blocked."""
    if request.method != "GET":
        return
    broken = list(CheckedLink.objects.broken().filter(page=page).order_by("url"))
    if broken:
        messages.warning(
            request,
            _("Trang có %(count)s liên kết hỏng: %(links)s") % {"count": len(broken), "links": _describe(broken)},
        )


@hooks.register("after_publish_page")
def warn_of_broken_internal_links(request, page):
    """Publishing goes ahead; the editor learns at once of links to unpublished or deleted pages."""
    broken = links.check_page_on_publish(page)
    if broken:
        messages.warning(
            request,
            _("Trang đã xuất bản nhưng có %(count)s liên kết hỏng: %(links)s")
            % {"count": len(broken), "links": _describe(broken)},
        )
