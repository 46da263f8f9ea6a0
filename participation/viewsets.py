"""Admin screens of participation: moderating and answering consultation comments."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ConsultationComment, ConsultationPage


class ConsultationCommentViewSet(SnippetViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = _("Ý kiến góp ý dự thảo")
    url_prefix = "participation/y-kien-du-thao"
    list_display = ["name", "consultation", "article_label", "status", "response", "submitted_at"]
    list_filter = ["status", "response", "consultation"]
    search_fields = ["name", "organisation", "text"]
    list_export = ["consultation", "article_label", "name", "organisation", "text", "status", "response"]
    export_filename = "y-kien-gop-y-du-thao"
    ordering = ["-submitted_at"]
    # What the citizen sent stays as sent; staff moderate it and record the drafting body's answer.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("consultation", read_only=True),
                FieldPanel("article_label", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("organisation", read_only=True)]),
                FieldPanel("email", read_only=True),
                FieldPanel("text", read_only=True),
                FieldPanel("attachment", read_only=True),
            ],
            heading=_("Ý kiến đã gửi"),
        ),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("response"), FieldPanel("response_reason")],
            heading=_("Tiếp thu, giải trình"),
        ),
    ]


class ConsultationListingViewSet(PageListingViewSet):
    name = "consultations"
    url_prefix = "lay-y-kien"
    model = ConsultationPage
    icon = "doc-full-inverse"
    menu_label = _("Dự thảo lấy ý kiến")


class ParticipationViewSetGroup(SnippetViewSetGroup):
    items = (ConsultationListingViewSet, ConsultationCommentViewSet)
    menu_icon = "comment"
    menu_label = _("Tham gia của người dân")
    menu_name = "participation"
