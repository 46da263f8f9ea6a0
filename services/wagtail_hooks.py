from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import Agency, CampaignPage, ProcedureField, ProcedurePage


class ProcedureFieldViewSet(SnippetViewSet):
    model = ProcedureField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    list_export = ["name", "slug"]
    export_filename = "linh-vuc"


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Cơ quan thực hiện")
    list_display = ["name", "phone"]
    search_fields = ["name"]
    list_export = ["name", "address", "phone"]
    export_filename = "co-quan-thuc-hien"


class ProcedureListingViewSet(PageListingViewSet):
    name = "procedures"
    url_prefix = "thu-tuc"
    model = ProcedurePage
    icon = "list-ul"
    menu_label = _("Tất cả thủ tục")


class CampaignListingViewSet(PageListingViewSet):
    name = "campaigns"
    url_prefix = "chien-dich"
    model = CampaignPage
    icon = "pick"
    menu_label = _("Chiến dịch tuyên truyền")


class ServicesViewSetGroup(SnippetViewSetGroup):
    items = (ProcedureListingViewSet, ProcedureFieldViewSet, AgencyViewSet, CampaignListingViewSet)
    menu_icon = "list-ul"
    menu_label = _("Thủ tục hành chính")
    menu_name = "services"


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
