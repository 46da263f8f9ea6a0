"""Admin registrations of the sub-portals app: the portals and the kinds of unit, as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SubPortal, UnitKind


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
