"""Staff triage of citizens' questions: "Câu hỏi của công dân" in the admin, and the overdue panel.

Province staff see every question; a sub-portal's staff see only their agency's
(participation.questions.agencies_for_user). Saving an answer opens a draft Q&A page for
the moderation workflow; the page never carries the asker's contact details.
"""

from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.outbox import queue_email

from .models import Question
from .permissions import DeskPermissionPolicy, ScopedObjectMixin
from .questions import draft_page, questions_for_user

OVERDUE_SHOWN = 10

question_policy = DeskPermissionPolicy(Question, questions_for_user)
register_permission_policy(Question, question_policy)


class QuestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return questions_for_user(self.request.user, super().get_base_queryset()).select_related(
            "agency", "field", "page"
        )


class QuestionEditView(ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        question = self.form.save(commit=False)
        now = timezone.now()
        newly_answered = bool(question.answer.strip()) and question.answered_at is None
        if question.agency_id and question.assigned_at is None:
            question.assigned_at = now
        if newly_answered:
            question.answered_at = now
        if question.declined_reason.strip() and question.declined_at is None:
            question.declined_at = now
        question.save()
        if newly_answered and question.email:
            queue_email(
                to=question.email,
                subject=_("Câu hỏi %(code)s đã được trả lời") % {"code": question.code},
                text=render_to_string("participation/emails/question_answered.txt", {"question": question}),
                key=f"question-answered:{question.code}",
            )
        if question.answered_at and question.agency_id and not question.page_id:
            page = draft_page(question, user=self.request.user)
            if page is not None:
                messages.info(
                    self.request, _("Đã tạo bản nháp trang hỏi đáp: kiểm tra nội dung rồi gửi duyệt để công khai.")
                )
        return question

    def get_success_url(self):
        if self.object.page_id and not self.object.page.live:
            return reverse("wagtailadmin_pages:edit", args=[self.object.page_id])
        return super().get_success_url()


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "participation_question"
    icon = "help"
    menu_label = gettext_lazy("Câu hỏi của công dân")
    menu_order = 270
    add_to_admin_menu = True
    url_prefix = "cau-hoi"
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    list_display = ["code", "field", "agency", "get_status_display", "submitted_at", "due_on"]
    list_filter = ["agency", "field", "due_on"]
    list_export = ["code", "field", "agency", "text", "submitted_at", "due_on", "answered_at", "declined_at"]
    export_filename = "cau-hoi-cong-dan"
    search_fields = ["code", "text"]
    search_backend_name = None
    ordering = ["due_on"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("text", read_only=True),
                    FieldPanel("submitted_at", read_only=True),
                    FieldPanel("due_on", read_only=True),
                ],
                heading=gettext_lazy("Câu hỏi"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("phone", read_only=True),
                ],
                heading=gettext_lazy("Người hỏi (không bao giờ công khai)"),
            ),
            MultiFieldPanel([FieldPanel("agency"), FieldPanel("field")], heading=gettext_lazy("Phân công")),
            FieldPanel("answer"),
            FieldPanel("declined_reason"),
        ]
    )


class OverdueQuestionsPanel(Component):
    """Dashboard: questions past their answer deadline, the user's own agency's only."""

    name = "participation_overdue_questions"
    order = 80

    def __init__(self, questions, total):
        self.questions = questions
        self.total = total

    def render_html(self, parent_context=None):
        return render_to_string(
            "participation/admin/overdue_panel.html",
            {"questions": self.questions, "total": self.total, "index_url": reverse("participation_question:index")},
        )


def overdue_panel(user):
    """The panel for ``user``, or None when nothing they handle is overdue or they handle no questions."""
    if not question_policy.user_has_permission(user, "view"):
        return None
    overdue = questions_for_user(user, Question.objects.overdue()).select_related("agency").order_by("due_on")
    total = overdue.count()
    if not total:
        return None
    return OverdueQuestionsPanel(list(overdue[:OVERDUE_SHOWN]), total)
