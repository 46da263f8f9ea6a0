"""Admin screens of the procedure catalogue: fields, agencies, and page listings of procedures and campaigns."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
