"""Questions citizens ask an agency (hỏi – đáp), and the pages that publish the answers.

A ``Question`` holds what the citizen sent, contact details included; staff answer it in the
admin. Only a ``QuestionPage``, which never holds the asker's name, e-mail or phone, is public.
A question's status follows from what happened to it, never from a hand-set flag.
"""

from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import PortalPage
from search.facets import SearchFacet

from .. import retention

QUESTION_MAX_LENGTH = 2000


@register_setting(icon="help")
class QuestionSettings(BaseGenericSetting):
    """Deadlines and thresholds of the Q&A desk and of page feedback, edited in the admin."""

    answer_deadline_days = models.PositiveSmallIntegerField(
        _("Thời hạn trả lời (ngày làm việc)"),
        default=15,
        help_text=_("Tính từ ngày tiếp nhận, chỉ đếm thứ Hai đến thứ Sáu."),
    )
    feedback_review_threshold = models.PositiveSmallIntegerField(
        _("Số phản hồi “không hữu ích” cần rà soát thủ tục"),
        default=5,
        help_text=_("Thủ tục có từ chừng này phản hồi “không” trở lên được đánh dấu cần rà soát."),
    )

    panels = [FieldPanel("answer_deadline_days"), FieldPanel("feedback_review_threshold")]

    class Meta:
        verbose_name = _("Hỏi đáp và phản hồi")


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ASSIGNED = "assigned", _("Đã chuyển cơ quan xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    PUBLISHED = "published", _("Đã công khai câu trả lời")
    DECLINED = "declined", _("Không tiếp nhận")


class QuestionQuerySet(models.QuerySet):
    def open(self):
        """Waiting for an answer: neither answered nor declined."""
        return self.filter(answered_at__isnull=True, declined_at__isnull=True)

    def overdue(self, today=None):
        """Open questions whose answer deadline has passed."""
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def for_agencies(self, agencies):
        return self.filter(agency__in=agencies)

    def with_contact(self):
        return self.exclude(Q(name="") & Q(email="") & Q(phone=""))


class Question(models.Model):
    """One citizen's question, with the contact details that are never published."""

    code = models.CharField(_("Mã tra cứu"), max_length=20, unique=True, editable=False)
    field = models.ForeignKey(
        "services.ProcedureField",
        verbose_name=_("Lĩnh vực"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    agency = models.ForeignKey(
        "directives.IssuingBody",
        verbose_name=_("Cơ quan trả lời"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("Nội dung câu hỏi"), max_length=QUESTION_MAX_LENGTH)
    name = models.CharField(_("Họ và tên"), max_length=200, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("Đồng ý xử lý dữ liệu cá nhân lúc"))
    submitted_at = models.DateTimeField(_("Ngày gửi"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("Hạn trả lời"), db_index=True)
    assigned_at = models.DateTimeField(_("Ngày chuyển xử lý"), null=True, blank=True)
    answer = models.TextField(_("Trả lời"), blank=True)
    answered_at = models.DateTimeField(_("Ngày trả lời"), null=True, blank=True)
    declined_reason = models.TextField(
        _("Lý do không tiếp nhận"), blank=True, help_text=_("Người hỏi sẽ thấy lý do này khi tra cứu.")
    )
    declined_at = models.DateTimeField(_("Ngày từ chối"), null=True, blank=True)
    page = models.OneToOneField(
        "participation.QuestionPage",
        verbose_name=_("Trang hỏi đáp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_question",
    )
    contact_erased_at = models.DateTimeField(_("Đã xóa thông tin liên hệ lúc"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("Câu hỏi của công dân")
        verbose_name_plural = _("Câu hỏi của công dân")

    def __str__(self):
        return self.code

    @property
    def status(self):
        if self.declined_at:
            return QuestionStatus.DECLINED
        if self.page_id and self.page.live:
            return QuestionStatus.PUBLISHED
        if self.answered_at:
            return QuestionStatus.ANSWERED
        if self.assigned_at:
            return QuestionStatus.ASSIGNED
        return QuestionStatus.RECEIVED

    def get_status_display(self):
        return self.status.label

    get_status_display.short_description = _("Trạng thái")

    def is_overdue(self, today=None):
        open_ = not self.answered_at and not self.declined_at
        return open_ and self.due_on < (today or timezone.localdate())

    def erase_contact(self):
        """Forget who asked; the question text stays, without a name to it."""
        self.name = self.email = self.phone = ""
        self.contact_erased_at = timezone.now()
        self.save(update_fields=["name", "email", "phone", "contact_erased_at"])


class QuestionIndexPage(RoutablePageMixin, PortalPage):
    """/hoi-dap/: the published answers, the form to ask, the status lookup and the feed."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)
    agency = models.ForeignKey(
        "directives.IssuingBody",
        verbose_name=_("Cơ quan nhận câu hỏi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Câu hỏi gửi từ trang này được chuyển tới cơ quan này; để trống thì người hỏi tự chọn."),
    )
    per_page = 20

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("agency")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation.QuestionPage"]

    class Meta:
        verbose_name = _("Hỏi đáp")
        verbose_name_plural = _("Hỏi đáp")

    def answers(self):
        return (
            QuestionPage.objects.live()
            .public()
            .child_of(self)
            .select_related("agency", "field")
            .order_by("-answered_on", "-pk")
        )

    @path("")
    def listing(self, request):
        from django.core.paginator import Paginator

        context = self.get_context(request)
        context["answers"] = Paginator(self.answers(), self.per_page).get_page(request.GET.get("page"))
        return TemplateResponse(request, self.get_template(request), context)

    @path("gui-cau-hoi/", name="ask")
    def ask(self, request):
        from ..question_views import ask

        return ask(request, self)

    @path("tra-cuu/", name="track")
    def track(self, request):
        from ..question_views import track

        return track(request, self)

    @path("goi-y/", name="suggest")
    def suggest(self, request):
        from ..question_views import suggest

        return suggest(request, self)

    @path("rss/", name="feed")
    def feed(self, request):
        from ..question_feeds import QuestionFeed

        return QuestionFeed(self)(request)


class QuestionPage(PortalPage):
    """A published question and its answer: the text, the agency, the field and the dates, nobody's name."""

    question = models.TextField(_("Câu hỏi"), max_length=QUESTION_MAX_LENGTH)
    answer = RichTextField(_("Trả lời"), features=["bold", "italic", "link", "ol", "ul"])
    agency = models.ForeignKey(
        "directives.IssuingBody", verbose_name=_("Cơ quan trả lời"), on_delete=models.PROTECT, related_name="+"
    )
    field = models.ForeignKey(
        "services.ProcedureField",
        verbose_name=_("Lĩnh vực"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    asked_on = models.DateField(_("Ngày hỏi"))
    answered_on = models.DateField(_("Ngày trả lời"))

    search_facets = [SearchFacet("agency", "agency"), SearchFacet("field", "field"), SearchFacet("year", "answered_on")]
    search_fields = Page.search_fields + [index.SearchField("question"), index.SearchField("answer")]
    route_select_related = ("agency", "field")

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("agency"),
        FieldPanel("field"),
        FieldPanel("asked_on"),
        FieldPanel("answered_on"),
    ]
    parent_page_types = ["participation.QuestionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Câu hỏi – trả lời")
        verbose_name_plural = _("Câu hỏi – trả lời")

    def link_preview_description(self):
        return self.search_description or self.question[:200]


# Contact details are erased PARTICIPATION_RETENTION_DAYS["question"] days after the question was sent.
retention.register("question", Question, "submitted_at", ["name", "email", "phone"])
