"""Procedure pages, the online public services page and campaign pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from home.models import PortalPage, PortalPageQuerySet
from search.facets import SearchFacet

from ..blocks import CampaignBodyBlock
from ..browse import browse, online_services_by_field
from ..choices import AdminLevel, Applicants, Channel, OutreachChannel
from ..levels import LegacyLevel, OnlineLevel, online_level_for_legacy
from .snippets import Agency, ProcedureField

http_url_validator = URLValidator(schemes=["http", "https"])


class ProcedureQuerySet(PortalPageQuerySet):
    def online(self):
        """Online public services: full or partial (2011-era levels 3 and 4)."""
        return self.filter(online_level__in=[OnlineLevel.FULL, OnlineLevel.PARTIAL])

    def fully_online(self):
        return self.filter(online_level=OnlineLevel.FULL)

    def at_legacy_level(self, level):
        return self.filter(legacy_level=level)

    def at_least_legacy_level(self, level):
        return self.filter(legacy_level__gte=level)

    def for_applicant(self, applicant):
        """Procedures a citizen (or a business) may file: their own and those open to both."""
        return self.filter(applicants__in=[applicant, Applicants.BOTH])


ProcedureManager = PageManager.from_queryset(ProcedureQuerySet)


class ProcedureIndexPage(PortalPage):
    """Browsing all procedures by applicant, field, agency, administrative and service level."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["services.ProcedurePage"]

    class Meta:
        verbose_name = _("Danh mục thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        procedures = ProcedurePage.objects.child_of(self).live().public()
        context.update(browse(procedures, request.GET))
        return context


class ProcedurePage(RoutablePageMixin, PortalPage):
    """One administrative procedure, with the fields of the national procedure record."""

    code = models.CharField(
        _("Mã thủ tục"), max_length=50, unique=True, help_text=_("Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001612.")
    )
    field = models.ForeignKey(
        ProcedureField, verbose_name=_("Lĩnh vực"), on_delete=models.PROTECT, related_name="procedures"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan thực hiện"), on_delete=models.PROTECT, related_name="procedures"
    )
    admin_level = models.CharField(_("Cấp thực hiện"), max_length=10, choices=AdminLevel.choices)
    online_level = models.CharField(
        _("Mức độ dịch vụ công (Nghị định 42/2022)"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    legacy_level = models.PositiveSmallIntegerField(
        _("Mức độ (Nghị định 43/2011)"),
        choices=LegacyLevel.choices,
        default=LegacyLevel.INFORMATION,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Mức 3 tương ứng “một phần”, mức 4 tương ứng “toàn trình”, mức 1–2 là chưa trực tuyến."),
    )
    applicants = models.CharField(
        _("Đối tượng thực hiện"), max_length=10, choices=Applicants.choices, default=Applicants.BOTH
    )
    processing_time = models.CharField(_("Thời hạn giải quyết"), max_length=300, blank=True)
    fee = models.TextField(_("Phí, lệ phí"), blank=True)
    online_url = models.URLField(
        _("Địa chỉ dịch vụ công trực tuyến"),
        max_length=500,
        blank=True,
        validators=[http_url_validator],
        help_text=_("Chỉ chấp nhận địa chỉ http:// hoặc https://."),
    )
    legal_basis = models.TextField(
        _("Căn cứ pháp lý"),
        blank=True,
        help_text=_("Mỗi văn bản một dòng; số hiệu văn bản có trên cổng sẽ được liên kết."),
    )
    steps = StreamField(
        [("step", blocks.TextBlock(label=_("Bước")))],
        verbose_name=_("Trình tự thực hiện"),
        blank=True,
    )
    result = models.TextField(_("Kết quả thực hiện"), blank=True)
    conditions = models.TextField(_("Yêu cầu, điều kiện"), blank=True)

    objects = ProcedureManager()
    route_select_related = ("field", "agency")
    search_facets = [
        SearchFacet("field", "field"),
        SearchFacet("agency", "agency"),
        SearchFacet("level", "online_level"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("admin_level")]),
        FieldRowPanel([FieldPanel("field"), FieldPanel("agency")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("online_level"), FieldPanel("legacy_level")]),
                FieldPanel("online_url"),
            ],
            heading=_("Dịch vụ công trực tuyến"),
        ),
        FieldPanel("applicants"),
        FieldRowPanel([FieldPanel("processing_time"), FieldPanel("fee")]),
        FieldPanel("steps"),
        InlinePanel("documents", label=_("Thành phần hồ sơ")),
        FieldPanel("conditions"),
        FieldPanel("result"),
        FieldPanel("legal_basis"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.AutocompleteField("code"),
        index.SearchField("result"),
        # The full record, weighing less than the title and code: "Luật Hộ tịch" finds the
        # procedures based on it, "tờ khai" those that ask for one.
        index.SearchField("legal_basis", boost=0.5),
        index.SearchField("steps", boost=0.5),
        index.RelatedFields("documents", [index.SearchField("name", boost=0.5)]),
        index.SearchField("fee", boost=0.5),
        index.SearchField("conditions", boost=0.5),
        index.SearchField("processing_time", boost=0.5),
        index.RelatedFields("field", [index.SearchField("name")]),
        index.RelatedFields("agency", [index.SearchField("name")]),
        index.FilterField("admin_level"),
        index.FilterField("online_level"),
        index.FilterField("legacy_level"),
        index.FilterField("applicants"),
    ]
    parent_page_types = ["services.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Thủ tục hành chính")
        verbose_name_plural = _("Thủ tục hành chính")
        # The home page counts the online services and lists the highest-level ones.
        indexes = [models.Index(fields=["online_level", "-legacy_level"], name="services_online_levels")]

    @classmethod
    def identifier_lookup(cls, query):
        """The search's exact-code lookup, on the unique index: codes are digits, dots and capitals."""
        return {"code__in": sorted({query, query.upper()})}

    def clean(self):
        super().clean()
        errors = {}
        if self.legacy_level and online_level_for_legacy(self.legacy_level) != self.online_level:
            errors["legacy_level"] = _("Mức độ không khớp: mức 3 là “một phần”, mức 4 là “toàn trình”.")
        if self.online_level != OnlineLevel.NONE and not self.online_url:
            errors["online_url"] = _("Dịch vụ công trực tuyến phải có địa chỉ nộp hồ sơ.")
        if errors:
            raise ValidationError(errors)

    @property
    def step_texts(self):
        return [block.value for block in self.steps]

    def legal_basis_html(self):
        from ..legal import link_legal_basis

        return link_legal_basis(self.legal_basis)

    @path("ho-so-can-chuan-bi/", name="checklist")
    def checklist(self, request):
        """A printable "what to bring" list of the dossier."""
        return TemplateResponse(request, "services/procedure_checklist.html", self.get_context(request))

    @property
    def checklist_url(self):
        return (self.url or "") + self.reverse_subpage("checklist")


class DossierDocument(Orderable):
    """One component of a procedure's dossier (thành phần hồ sơ)."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("Tên giấy tờ"), max_length=500)
    copies = models.PositiveSmallIntegerField(_("Số lượng bản"), default=1)
    form = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Mẫu đơn, tờ khai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("copies"), FieldPanel("form")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thành phần hồ sơ")
        verbose_name_plural = _("Thành phần hồ sơ")

    def __str__(self):
        return self.name


class OnlineServicesPage(PortalPage):
    """ "Dịch vụ công trực tuyến": every online service with its entry point, and the campaigns."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["services.CampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Trang dịch vụ công trực tuyến")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        procedures = ProcedurePage.objects.live().public().online()
        context["groups"] = online_services_by_field(procedures)
        context["full_count"] = procedures.fully_online().count()
        context["partial_count"] = procedures.filter(online_level=OnlineLevel.PARTIAL).count()
        campaigns = CampaignPage.objects.child_of(self).live().public()
        context["active_campaigns"] = campaigns.active()
        context["ended_campaigns"] = campaigns.ended()
        context["procedure_index"] = ProcedureIndexPage.objects.live().public().first()
        return context


class CampaignQuerySet(PortalPageQuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gte=on))

    def ended(self, on=None):
        on = on or timezone.localdate()
        return self.filter(end_date__lt=on)

    def upcoming(self, on=None):
        on = on or timezone.localdate()
        return self.filter(start_date__gt=on)


CampaignManager = PageManager.from_queryset(CampaignQuerySet)


class CampaignPage(RoutablePageMixin, PortalPage):
    """An awareness campaign for online public services (tuyên truyền dịch vụ công trực tuyến)."""

    message = models.CharField(_("Thông điệp"), max_length=300)
    start_date = models.DateField(_("Ngày bắt đầu"))
    end_date = models.DateField(_("Ngày kết thúc"), null=True, blank=True, help_text=_("Để trống nếu chưa định."))
    audience = models.CharField(_("Đối tượng tuyên truyền"), max_length=300, blank=True)
    body = StreamField(CampaignBodyBlock(), verbose_name=_("Nội dung"), blank=True)

    objects = CampaignManager()

    content_panels = Page.content_panels + [
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Thời gian")),
        FieldPanel("audience"),
        FieldPanel("body"),
        InlinePanel("featured_services", label=_("Dịch vụ được giới thiệu"), min_num=1),
        InlinePanel("channels", label=_("Kênh tuyên truyền")),
    ]
    search_fields = Page.search_fields + [index.SearchField("message"), index.SearchField("body")]
    parent_page_types = ["services.OnlineServicesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Chiến dịch tuyên truyền")
        verbose_name_plural = _("Chiến dịch tuyên truyền")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def status(self, on=None):
        """ "upcoming", "active" or "ended" on the given day (today by default)."""
        on = on or timezone.localdate()
        if on < self.start_date:
            return "upcoming"
        if self.end_date is not None and on > self.end_date:
            return "ended"
        return "active"

    def has_ended(self, on=None):
        return self.status(on) == "ended"

    @cached_property
    def services(self):
        """Featured services that can be followed: live procedures with an online address."""
        return [
            item
            for item in self.featured_services.select_related("procedure")
            if item.procedure.live and item.procedure.online_url
        ]

    def go_path(self, procedure, channel=Channel.WEB):
        """Path of the counting redirect to ``procedure``'s online service."""
        if self.pk is None or procedure.pk is None:
            return "#"  # previewing a campaign that has never been saved
        url = reverse("services:go", kwargs={"campaign_id": self.pk, "procedure_id": procedure.pk})
        if channel != Channel.WEB:
            url += f"?kenh={channel}"
        return url

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The campaign page itself; each human visit is counted, without cookies or addresses."""
        from ..counting import channel_from_request, is_counted_visit, record_view

        if is_counted_visit(request):
            record_view(self, channel_from_request(request))
        response = super().index_route(request, *args, **kwargs)
        # A page served from the anonymous page cache would never reach the counter.
        add_never_cache_headers(response)
        return response

    @path("ap-phich/", name="poster")
    def poster(self, request):
        """A printable poster with a QR code per featured service, counted as the poster channel."""
        from ..qr import qr_svg

        items = []
        for item in self.services:
            url = request.build_absolute_uri(self.go_path(item.procedure, Channel.POSTER))
            title = _("Mã QR: %(procedure)s") % {"procedure": item.procedure.title}
            items.append({"item": item, "procedure": item.procedure, "url": url, "qr": qr_svg(url, title=title)})
        context = self.get_context(request)
        context["poster_items"] = items
        return TemplateResponse(request, "services/campaign_poster.html", context)

    @property
    def poster_url(self):
        return (self.url or "") + self.reverse_subpage("poster")

    def period_display(self):
        start = self.start_date.strftime("%d/%m/%Y")
        if self.end_date is None:
            return _("Từ %(start)s") % {"start": start}
        return _("%(start)s – %(end)s") % {"start": start, "end": self.end_date.strftime("%d/%m/%Y")}


class FeaturedService(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="featured_services")
    procedure = models.ForeignKey(
        ProcedurePage, verbose_name=_("Thủ tục"), on_delete=models.CASCADE, related_name="campaign_features"
    )
    call_to_action = models.CharField(
        _("Nhãn nút"), max_length=80, blank=True, help_text=_("Để trống để dùng “Nộp hồ sơ trực tuyến”.")
    )

    panels = [PageChooserPanel("procedure", "services.ProcedurePage"), FieldPanel("call_to_action")]

    class Meta(Orderable.Meta):
        verbose_name = _("Dịch vụ được giới thiệu")
        constraints = [models.UniqueConstraint(fields=["page", "procedure"], name="unique_featured_service")]

    @property
    def label(self):
        return self.call_to_action or _("Nộp hồ sơ trực tuyến")

    @property
    def go_url(self):
        return self.page.go_path(self.procedure)


class CampaignChannel(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("Kênh"), max_length=20, choices=OutreachChannel.choices)
    note = models.CharField(_("Ghi chú"), max_length=300, blank=True, help_text=_("Ví dụ: 3 buổi mỗi tuần."))

    panels = [FieldPanel("kind"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("Kênh tuyên truyền")
