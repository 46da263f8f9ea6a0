"""Admin registrations of the sub-portals app: the portals and the kinds of unit, as snippets, and
the staff overview under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SubPortal, UnitKind
from .views import OverviewView, can_see_overview


class SubPortalViewSet(SnippetViewSet):
    model = SubPortal
    icon = "site"
    list_display = ["name", "short_name", "kind", "site"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class UnitKindViewSet(SnippetViewSet):
    model = UnitKind
    icon = "tag"
    list_display = ["name", "slug"]


class SubPortalsGroup(SnippetViewSetGroup):
    menu_label = _("Cổng thành phần")
    menu_icon = "site"
    menu_order = 260
    items = (SubPortalViewSet, UnitKindViewSet)


register_snippet(SubPortalsGroup)


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_overview(request.user)


@hooks.register("register_admin_urls")
def register_overview_url():
    return [path("cong-thanh-phan/tinh-hinh/", OverviewView.as_view(), name="subportals_overview")]


@hooks.register("register_reports_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        _("Tình hình các cổng thành phần"), reverse("subportals_overview"), icon_name="site", order=900
    )
