"""Admin screens of participation: moderating and answering consultation comments."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ConsultationComment, ConsultationPage
from .permissions import DeskPermissionPolicy, ScopedObjectMixin


def comments_for_user(user, queryset):
    return queryset.for_user(user)


# Before the snippet registers: Wagtail refuses a policy once it has fallen back to the default one.
register_permission_policy(ConsultationComment, DeskPermissionPolicy(ConsultationComment, comments_for_user))


class AttachmentPanel(FieldPanel):
    """The commenter's file as a link to the permission-checked download, never to its place in /media/."""

    read_only_output_template_name = "participation/admin/attachment_output.html"


class CommentEditView(ScopedObjectMixin, snippets.EditView):
    pass


class CommentDeleteView(ScopedObjectMixin, snippets.DeleteView):
    pass


class CommentHistoryView(ScopedObjectMixin, snippets.HistoryView):
    pass


class CommentUsageView(ScopedObjectMixin, snippets.UsageView):
    pass


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
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    history_view_class = CommentHistoryView
    usage_view_class = CommentUsageView

    def get_queryset(self, request):
        # A sub-portal's staff moderate the comments on their own tree's drafts only.
        return ConsultationComment.objects.for_user(request.user).select_related("consultation")

    # What the citizen sent stays as sent; staff moderate it and record the drafting body's answer.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("consultation", read_only=True),
                FieldPanel("article_label", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("organisation", read_only=True)]),
                FieldPanel("email", read_only=True),
                FieldPanel("text", read_only=True),
                AttachmentPanel("attachment", read_only=True),
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
