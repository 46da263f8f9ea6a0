"""The staff overview of sub-portals: which sites publish, which are going stale."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import activity

# Portal-wide administrators (superusers, "Quản trị cổng") hold it; a sub-portal's own groups do not.
OVERVIEW_PERMISSION = "subportals.view_subportal"


def can_see_overview(user):
    return user.has_perm(OVERVIEW_PERMISSION)


class OverviewView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Tình hình các cổng thành phần")
    header_icon = "site"
    template_name = "subportals/admin/overview.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_overview(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=activity.overview(), recent_days=activity.RECENT_DAYS, **kwargs)
