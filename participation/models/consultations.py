"""Public consultation on draft documents (lấy ý kiến dự thảo) and the comments citizens send."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from home.models import PortalPage, PortalPageQuerySet

from ..blocks import DraftBlock
from ..lifecycle import (
    ConsultationState,
    DocumentKind,
    earliest_closing,
    minimum_days,
    period_days,
    state_of,
    today,
)

REPORT_ROUTES = {"report_xlsx", "report_docx"}


class ConsultationQuerySet(PortalPageQuerySet):
    """Consultations by state on a day (today by default); see participation.lifecycle."""

    @staticmethod
    def _reported_q(on):
        return Q(report_published_on__isnull=False, report_published_on__lte=on)

    def reported(self, on=None):
        return self.filter(self._reported_q(on or today()))

    def upcoming(self, on=None):
        on = on or today()
        return self.exclude(self._reported_q(on)).filter(opens_on__gt=on)

    def open(self, on=None):
        on = on or today()
        return self.exclude(self._reported_q(on)).filter(opens_on__lte=on, closes_on__gte=on)

    def awaiting_report(self, on=None):
        on = on or today()
        return self.exclude(self._reported_q(on)).filter(closes_on__lt=on)

    def in_state(self, state, on=None):
        return getattr(self, ConsultationState(state).value)(on)

    def finder_order(self, on=None):
        """Open consultations first (closing soonest first), then upcoming, then closed (latest first)."""
        on = on or today()
        reported = self._reported_q(on)
        rank = Case(
            When(reported, then=Value(3)),
            When(opens_on__gt=on, then=Value(1)),
            When(closes_on__gte=on, then=Value(0)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return self.annotate(state_rank=rank).order_by("state_rank", "-closes_on")


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


class ConsultationIndexPage(PortalPage):
    """“Lấy ý kiến dự thảo”: the finder of this site's consultations."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation.ConsultationPage"]
    # A consultation card carries its state, dates and summary: ten make a screenful or two.
    per_page = 10

    class Meta:
        verbose_name = _("Danh mục lấy ý kiến dự thảo")
        verbose_name_plural = _("Danh mục lấy ý kiến dự thảo")

    def consultations(self):
        return ConsultationPage.objects.live().public().child_of(self).select_related("drafting_body")

    def get_context(self, request, *args, **kwargs):
        from ..finder import ConsultationFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = ConsultationFilterForm(request.GET, consultations=self.consultations())
        context["filter_form"] = form
        consultations = form.filtered().finder_order()
        context["consultations"] = Paginator(consultations, self.per_page).get_page(request.GET.get("trang"))
        return context


class ConsultationPage(RoutablePageMixin, PortalPage):
    summary = models.TextField(_("Tóm tắt dự thảo"), max_length=1000)
    document_kind = models.CharField(
        _("Loại văn bản"), max_length=30, choices=DocumentKind.choices, default=DocumentKind.LEGAL_NORMATIVE
    )
    drafting_body = models.ForeignKey(
        "directives.IssuingBody",
        verbose_name=_("Cơ quan chủ trì soạn thảo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opens_on = models.DateField(_("Ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(_("Ngày kết thúc lấy ý kiến"), db_index=True)
    draft = StreamField(DraftBlock(), verbose_name=_("Nội dung dự thảo"))
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp dự thảo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    questions = StreamField(
        [("question", blocks.TextBlock(label=_("Câu hỏi"), max_length=1000))],
        verbose_name=_("Vấn đề cần xin ý kiến"),
        blank=True,
    )
    contact = models.TextField(
        _("Đầu mối liên hệ"), blank=True, help_text=_("Đơn vị, người phụ trách, điện thoại, thư điện tử công vụ.")
    )
    report_intro = RichTextField(_("Lời dẫn báo cáo tổng hợp"), blank=True, features=["bold", "italic", "ol", "ul"])
    report_published_on = models.DateField(
        _("Ngày công bố báo cáo tổng hợp, tiếp thu, giải trình"),
        null=True,
        blank=True,
        help_text=_(
            "Để trống cho đến khi cơ quan soạn thảo trả lời xong các ý kiến. "
            "Khi có ngày này, báo cáo được công bố và việc lấy ý kiến kết thúc."
        ),
    )

    objects = ConsultationManager()
    route_select_related = ("drafting_body",)
    parent_page_types = ["participation.ConsultationIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("document_kind"), FieldPanel("drafting_body")]),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("draft"),
        FieldPanel("draft_document"),
        FieldPanel("questions"),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldPanel("report_intro"), FieldPanel("report_published_on")],
            heading=_("Báo cáo tổng hợp, tiếp thu, giải trình"),
        ),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("summary"), index.SearchField("contact")]

    class Meta:
        verbose_name = _("Dự thảo lấy ý kiến")
        verbose_name_plural = _("Dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_on and self.closes_on:
            if self.closes_on < self.opens_on:
                errors["closes_on"] = _("Ngày kết thúc phải sau ngày bắt đầu lấy ý kiến.")
            elif period_days(self.opens_on, self.closes_on) < minimum_days(self.document_kind):
                errors["closes_on"] = _(
                    "Thời gian lấy ý kiến đối với %(kind)s phải ít nhất %(days)s ngày: "
                    "ngày kết thúc sớm nhất là %(earliest)s (đang đặt %(period)s ngày)."
                ) % {
                    "kind": DocumentKind(self.document_kind).label.lower(),
                    "days": minimum_days(self.document_kind),
                    "earliest": earliest_closing(self.document_kind, self.opens_on).strftime("%d/%m/%Y"),
                    "period": period_days(self.opens_on, self.closes_on),
                }
            if self.report_published_on and self.report_published_on <= self.closes_on:
                errors["report_published_on"] = _(
                    "Chỉ công bố báo cáo tổng hợp sau ngày kết thúc lấy ý kiến (%(closes)s)."
                ) % {"closes": self.closes_on.strftime("%d/%m/%Y")}
        if errors:
            raise ValidationError(errors)

    def state(self, on=None):
        return state_of(self.opens_on, self.closes_on, self.report_published_on, on)

    @property
    def state_label(self):
        return self.state().label

    @property
    def is_open(self):
        return self.state() == ConsultationState.OPEN

    @property
    def report_is_published(self):
        return self.state() == ConsultationState.REPORTED

    def serves_route(self, name):
        """The report downloads exist once the report is published; the other routes always."""
        return name not in REPORT_ROUTES or self.report_is_published

    @cached_property
    def articles(self):
        """(block id, article value) for each article of the draft, in order."""
        return [(block.id, block.value) for block in self.draft if block.block_type == "article"]

    def article_label(self, key):
        for block_id, value in self.articles:
            if block_id == key:
                return value.heading()
        return ""

    def published_comments_by_article(self):
        grouped = {}
        for comment in self.comments.published().order_by("submitted_at"):
            grouped.setdefault(comment.article_key, []).append(comment)
        return grouped

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        by_article = self.published_comments_by_article()
        context["article_comments"] = [
            (block_id, value, by_article.get(block_id, [])) for block_id, value in self.articles
        ]
        context["general_comments"] = by_article.get("", [])
        if self.report_is_published:
            from ..report import report_rows

            context["report_rows"] = report_rows(self)
            # get_url(request): a same-site address even when the portal serves several sites.
            context["report_xlsx_url"] = self.get_url(request) + self.reverse_subpage("report_xlsx")
            context["report_docx_url"] = self.get_url(request) + self.reverse_subpage("report_docx")
        return context

    @path("")
    def consultation(self, request):
        from ..forms import CommentForm

        form = None
        status = 200
        if self.is_open:
            if request.method == "POST":
                form = CommentForm(request.POST, request.FILES, consultation=self, request=request)
                if form.is_valid():
                    form.save()
                    return HttpResponseRedirect(self.get_url(request) + self.reverse_subpage("comment_sent"))
                status = 400
            else:
                form = CommentForm(consultation=self, request=request, initial={"article": request.GET.get("dieu", "")})
        elif request.method == "POST":
            status = 400
        context = self.get_context(request)
        context["comment_form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("da-gui/", name="comment_sent")
    def comment_sent(self, request):
        context = self.get_context(request)
        context["comment_sent"] = True
        return TemplateResponse(request, "participation/comment_sent.html", context)

    @path("bao-cao-tong-hop/xlsx/", name="report_xlsx")
    def report_xlsx(self, request):
        from ..report import xlsx_response

        if not self.serves_route("report_xlsx"):
            raise Http404
        return xlsx_response(self)

    @path("bao-cao-tong-hop/docx/", name="report_docx")
    def report_docx(self, request):
        from ..report import docx_response

        if not self.serves_route("report_docx"):
            raise Http404
        return docx_response(self)


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ConsultationComment.Status.PUBLISHED)

    def pending(self):
        return self.filter(status=ConsultationComment.Status.PENDING)

    def for_user(self, user):
        """The comments ``user`` moderates: all for province staff, else those on drafts in their own tree.

        Sub-portal staff hold page permissions on their sub-portal's tree (portal.departments), so
        they see the comments on that tree's consultations and no other.
        """
        from ..questions import agencies_for_user, page_permission_paths

        if agencies_for_user(user) is None:
            return self
        paths = page_permission_paths(user)
        if not paths:
            return self.none()
        in_tree = Q()
        for tree in paths:
            in_tree |= Q(consultation__path__startswith=tree)
        return self.filter(in_tree)


class ConsultationComment(models.Model):
    """A citizen's or organisation's comment; the e-mail is for the drafting body only, never shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ kiểm duyệt")
        PUBLISHED = "published", _("Đã đăng")
        REJECTED = "rejected", _("Không đăng")

    class Response(models.TextChoices):
        ACCEPTED = "accepted", _("Tiếp thu")
        PARTLY = "partly", _("Tiếp thu một phần")
        NOT_ACCEPTED = "not_accepted", _("Không tiếp thu, có giải trình")

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("Dự thảo"), on_delete=models.CASCADE, related_name="comments"
    )
    article_key = models.CharField(_("Điều, khoản góp ý"), max_length=64, blank=True)
    article_label = models.CharField(
        _("Điều, khoản góp ý"), max_length=400, blank=True, help_text=_("Để trống: góp ý chung cho toàn dự thảo.")
    )
    name = models.CharField(_("Họ và tên"), max_length=150)
    organisation = models.CharField(_("Cơ quan, tổ chức"), max_length=200, blank=True)
    email = models.EmailField(_("Thư điện tử"))
    text = models.TextField(_("Nội dung góp ý"))
    attachment = models.FileField(_("Tệp đính kèm"), upload_to="participation/comments/%Y/%m/", blank=True)
    submitted_at = models.DateTimeField(_("Gửi lúc"), default=timezone.now, db_index=True)
    status = models.CharField(_("Kiểm duyệt"), max_length=20, choices=Status.choices, default=Status.PENDING)
    moderated_at = models.DateTimeField(_("Kiểm duyệt lúc"), null=True, blank=True)
    summary = models.TextField(
        _("Tóm tắt ý kiến (cho báo cáo)"), blank=True, help_text=_("Để trống để dùng nguyên văn ý kiến.")
    )
    response = models.CharField(_("Kết quả tiếp thu"), max_length=20, choices=Response.choices, blank=True)
    response_reason = models.TextField(_("Nội dung giải trình, tiếp thu"), blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("Ý kiến góp ý dự thảo")
        verbose_name_plural = _("Ý kiến góp ý dự thảo")

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.status != self.Status.PENDING and self.moderated_at is None:
            self.moderated_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def public_name(self):
        return self.name or _("Người góp ý")

    def clean(self):
        if self.response == self.Response.PARTLY or self.response == self.Response.NOT_ACCEPTED:
            if not self.response_reason.strip():
                raise ValidationError(
                    {"response_reason": _("Cần nêu lý do khi không tiếp thu hoặc chỉ tiếp thu một phần.")}
                )
