"""Admin registrations of the directives app: snippets, register screens, dashboard panel."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, metrics
from .forms import RegisterEntryForm
from .models import DirectivePage, DocumentType, Field, IssuingBody, RegisterEntry


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegisterEntryViewSet(SnippetViewSet):
    model = RegisterEntry
    icon = "list-ul"
    menu_label = _("Sổ theo dõi văn bản")
    list_display = ["number", "title", "issuer", "issued_on", "directive"]
    list_filter = ["issuer", "doc_type", "year", "linked_by_hand"]
    list_export = ["number", "doc_type", "title", "issuer", "signer", "issued_on", "directive"]
    export_filename = "so-theo-doi-van-ban"
    # No search_fields: the admin then autocompletes over the model's own AutocompleteFields (number,
    # title). Naming fields makes the PostgreSQL backend autocomplete over none of them.
    ordering = ["-issued_on", "number"]
    edit_handler = ObjectList(RegisterEntry.panels, base_form_class=RegisterEntryForm)


class DirectivesSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Văn bản chỉ đạo")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (RegisterEntryViewSet, IssuingBodyViewSet, DocumentTypeViewSet, FieldViewSet)


register_snippet(DirectivesSnippetGroup)


class DirectivePageListingViewSet(PageListingViewSet):
    """A flat list of every directive page, filterable, for staff who look for one by its metadata."""

    model = DirectivePage
    name = "directive_pages"
    icon = "doc-full"
    menu_label = _("Trang văn bản")
    add_to_admin_menu = True
    menu_order = 249
    list_filter = ["doc_type", "issuing_body", "legal_status", "live"]


@hooks.register("register_admin_viewset")
def register_directive_page_listing():
    return DirectivePageListingViewSet()


@hooks.register("register_admin_urls")
def register_directives_admin_urls():
    return [
        path("van-ban/so-theo-doi/nhap/", admin_views.RegisterImportView.as_view(), name="directives_register_import"),
        path("van-ban/bao-cao/", admin_views.PublicationReportView.as_view(), name="directives_publication_report"),
        path(
            "van-ban/so-theo-doi/<int:pk>/tao-trang/",
            admin_views.CreatePageFromRegisterView.as_view(),
            name="directives_create_from_register",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return PermissionMenuItem(
        _("Báo cáo đăng tải văn bản"),
        reverse("directives_publication_report"),
        icon_name="table",
        order=260,
        permission="directives.view_registerentry",
    )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Nhập sổ theo dõi văn bản"),
        reverse("directives_register_import"),
        icon_name="upload",
        order=261,
        permission="directives.import_registerentry",
    )


class PublicationPanel(Component):
    """Dashboard: this quarter's share of register entries on the portal, against the 80% target."""

    name = "directives_publication"
    order = 90
    outstanding_shown = 5

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        summary = metrics.summary_for_period(metrics.current_quarter())
        context = {
            "summary": summary,
            "target": metrics.TARGET_RATE,
            "outstanding": summary.outstanding[: self.outstanding_shown],
            "report_url": reverse("directives_publication_report"),
            "request": request,
        }
        if not summary.issued:
            latest = metrics.latest_quarter_with_entries()
            if latest is not None:
                context["latest_period"] = latest
                context["latest"] = metrics.summary_for_period(latest)
                context["latest_outstanding"] = context["latest"].outstanding[: self.outstanding_shown]
        return render_to_string("directives/admin/dashboard_panel.html", context, request=request)


@hooks.register("construct_homepage_panels")
def add_publication_panel(request, panels):
    if request.user.has_perm("directives.view_registerentry"):
        panels.append(PublicationPanel())
