from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import views
from .viewsets import ServicesViewSetGroup

register_snippet(ServicesViewSetGroup)


@hooks.register("register_admin_urls")
def register_results_urls():
    return [
        path("ket-qua-tuyen-truyen/", views.CampaignResultsIndexView.as_view(), name="services_campaign_results"),
        path(
            "ket-qua-tuyen-truyen/<int:campaign_id>/",
            views.CampaignResultsView.as_view(),
            name="services_campaign_result",
        ),
    ]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.RESULTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_results_menu_item():
    return ResultsMenuItem(_("Kết quả tuyên truyền"), reverse("services_campaign_results"), icon_name="pick")
