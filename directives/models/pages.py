"""Page types: directives (văn bản chỉ đạo, điều hành) and operational news (tin chỉ đạo, điều hành)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from home.blocks import BodyBlock, first_image
from home.models import PortalPage, PortalPageQuerySet
from portal.vietnamese import fold
from search.facets import SearchFacet
from search.indexing import AttachmentTextField

from ..numbering import clean_number, number_key, validate_number
from ..status import ANNOTATION as STATUS_ANNOTATION
from ..status import DirectiveStatus, LegalStatus, status_expression, status_of
from .snippets import DocumentType, Field, IssuingBody


class DirectivePageQuerySet(PortalPageQuerySet):
    def with_status(self, on=None):
        """Annotate each directive with the status readers see (``directives.status``)."""
        return self.annotate(**{STATUS_ANNOTATION: status_expression(on)})

    def with_current_status(self, status, on=None):
        """Directives whose public status on ``on`` (today by default) is ``status``."""
        annotated = self if on is None and STATUS_ANNOTATION in self.query.annotations else self.with_status(on)
        return annotated.filter(**{STATUS_ANNOTATION: status})

    def in_force(self, on=None):
        """Documents a citizen can rely on today: in force, effective, not expired, not withdrawn."""
        return self.with_current_status(DirectiveStatus.IN_FORCE, on)

    def expired(self, on=None):
        return self.with_current_status(DirectiveStatus.EXPIRED, on)

    def replaced(self):
        return self.with_current_status(DirectiveStatus.REPLACED)

    def withdrawn(self):
        return self.with_current_status(DirectiveStatus.WITHDRAWN)

    def issued_between(self, start, end):
        return self.filter(issued_on__gte=start, issued_on__lte=end)

    def newest_first(self):
        return self.order_by("-issued_on", "-first_published_at", "-pk")


DirectivePageManager = PageManager.from_queryset(DirectivePageQuerySet)


class DirectiveIndexPage(RoutablePageMixin, PortalPage):
    """The public list of directives, filtered through the URL so a search can be shared."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)
    per_page = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directives.DirectivePage"]

    class Meta:
        verbose_name = _("Danh mục văn bản chỉ đạo, điều hành")
        verbose_name_plural = _("Danh mục văn bản chỉ đạo, điều hành")

    def directives(self, request):
        """Its own directives; on the province portal, every agency's (sub-portals' too), by issuing body."""
        from wagtail.models import Site

        site = Site.find_for_request(request)
        pages = DirectivePage.objects.live().public()
        return pages if site is not None and site.is_default_site else pages.child_of(self)

    @path("")
    def listing(self, request):
        from ..listing import DirectiveListing

        listing = DirectiveListing(request, self.directives(request), f"index-{self.pk}")
        context = self.get_context(request)
        context["listing"] = listing
        return TemplateResponse(request, self.get_template(request), context)


class DirectivePage(RoutablePageMixin, PortalPage):
    number = models.CharField(
        _("Số ký hiệu"),
        max_length=50,
        validators=[validate_number],
        help_text=_("Ví dụ: 07/KH-UBND hoặc 15/2011/QĐ-UBND."),
    )
    number_key = models.CharField(max_length=60, editable=False, db_index=True, default="")
    doc_type = models.ForeignKey(
        DocumentType, verbose_name=_("Loại văn bản"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    issuing_body = models.ForeignKey(
        IssuingBody, verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    signer = models.CharField(_("Người ký"), max_length=150, blank=True)
    signer_position = models.CharField(_("Chức vụ người ký"), max_length=150, blank=True)
    # Indexed: the listings, the home page and the feeds show the newest first.
    issued_on = models.DateField(_("Ngày ban hành"), null=True, db_index=True)
    effective_on = models.DateField(_("Ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("Ngày hết hiệu lực"), null=True, blank=True)
    legal_status = models.CharField(
        _("Tình trạng hiệu lực"), max_length=20, choices=LegalStatus.choices, default=LegalStatus.IN_FORCE
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("Được thay thế bởi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )
    summary = models.TextField(_("Trích yếu"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("Nội dung"), blank=True)
    fields = ParentalManyToManyField(Field, verbose_name=_("Lĩnh vực"), blank=True, related_name="directives")
    withdrawn_on = models.DateField(
        _("Ngày thu hồi"),
        null=True,
        blank=True,
        help_text=_("Văn bản bị thu hồi vẫn hiển thị trên cổng, kèm thông báo thu hồi. Khác với ngừng xuất bản."),
    )
    withdrawal_reason = models.TextField(_("Lý do thu hồi"), blank=True)
    # Folded number, title and summary so the keyword filter ignores accents on every database.
    search_text = models.TextField(editable=False, default="")

    objects = DirectivePageManager()
    route_select_related = ("doc_type", "issuing_body")
    search_facets = [
        SearchFacet("field", "fields"),
        SearchFacet("agency", "issuing_body"),
        SearchFacet("year", "issued_on"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Tệp đính kèm (văn bản ký số, phụ lục)")),
        FieldPanel("fields", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("legal_status"), FieldPanel("replaced_by")],
            heading=_("Hiệu lực"),
        ),
        InlinePanel("related_directives", label=_("Văn bản liên quan")),
        InlinePanel("change_notes", label=_("Ghi chú sửa đổi")),
        MultiFieldPanel(
            [FieldPanel("withdrawn_on"), FieldPanel("withdrawal_reason")],
            heading=_("Thu hồi"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number", boost=3),
        index.AutocompleteField("number"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("signer"),
        # The text of the signed PDF attachments (search app), so a phrase only in the PDF finds the directive.
        AttachmentTextField("attachments"),
        index.RelatedFields("issuing_body", [index.SearchField("name"), index.SearchField("short_name")]),
        index.RelatedFields("doc_type", [index.SearchField("name")]),
        index.FilterField("doc_type"),
        index.FilterField("issuing_body"),
        index.FilterField("issued_on"),
        index.FilterField("legal_status"),
    ]
    api_fields = [
        APIField("number"),
        APIField("doc_type_name"),
        APIField("doc_type_code"),
        APIField("issuing_body_name"),
        APIField("signer"),
        APIField("signer_position"),
        APIField("issued_on"),
        APIField("effective_on"),
        APIField("expires_on"),
        # The status readers see on the page, not the stored field (which ignores dates and withdrawal).
        APIField("legal_status", serializer=serializers.CharField(source="current_status")),
        APIField("legal_status_label", serializer=serializers.CharField(source="current_status_label")),
        APIField("replaced_by_url"),
        APIField("summary"),
        APIField("field_names"),
        APIField("attachment_list"),
        APIField("withdrawn_on"),
        APIField("withdrawal_reason"),
    ]
    parent_page_types = ["directives.DirectiveIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Văn bản chỉ đạo, điều hành")
        verbose_name_plural = _("Văn bản chỉ đạo, điều hành")
        # The listing's most used filter, newest first: a page of results without sorting the type.
        indexes = [models.Index(fields=["doc_type", "-issued_on"], name="directives_type_newest")]

    @classmethod
    def get_indexed_objects(cls):
        # AttachmentTextField reads each page's attachments: one query for all pages, not one per page.
        return super().get_indexed_objects().prefetch_related("attachments__document")

    # Validation -------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        self.number = clean_number(self.number)
        if self.number and self.issuing_body_id and self.issued_on:
            duplicate = (
                DirectivePage.objects.exclude(pk=self.pk)
                .filter(
                    issuing_body_id=self.issuing_body_id,
                    number_key=number_key(self.number),
                    issued_on__year=self.issued_on.year,
                )
                .first()
            )
            if duplicate is not None:
                errors["number"] = _(
                    "Số %(number)s của %(body)s năm %(year)s đã dùng cho văn bản “%(title)s”. "
                    "Mỗi cơ quan chỉ có một văn bản mang số này trong một năm."
                ) % {
                    "number": self.number,
                    "body": self.issuing_body.short_name,
                    "year": self.issued_on.year,
                    "title": duplicate.title,
                }
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            errors["effective_on"] = _("Ngày có hiệu lực không được trước ngày ban hành (%(issued)s).") % {
                "issued": self.issued_on.strftime("%d/%m/%Y")
            }
        start = self.effective_on or self.issued_on
        if start and self.expires_on and self.expires_on < start:
            errors["expires_on"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if self.legal_status == LegalStatus.REPLACED and not self.replaced_by_id:
            errors["replaced_by"] = _("Văn bản đã được thay thế phải chỉ rõ văn bản thay thế nó.")
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("Văn bản không thể thay thế chính nó.")
        if self.withdrawal_reason.strip() and not self.withdrawn_on:
            errors["withdrawn_on"] = _("Nhập ngày thu hồi.")
        if self.withdrawn_on and not self.withdrawal_reason.strip():
            errors["withdrawal_reason"] = _("Nêu lý do thu hồi để người đọc hiểu vì sao văn bản bị thu hồi.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def identifier_lookup(cls, query):
        """The search's exact-number lookup, on the indexed key: "15/2011/qd-ubnd" finds 15/2011/QĐ-UBND."""
        return {"number_key": number_key(query)}

    def save(self, *args, **kwargs):
        self.number = clean_number(self.number)
        self.number_key = number_key(self.number) if self.number else ""
        self.search_text = fold(" ".join(filter(None, [self.number, self.title, self.summary, self.signer])))
        return super().save(*args, **kwargs)

    # Display ----------------------------------------------------------------
    def link_preview_image(self):
        return first_image(self.body)

    def link_preview_description(self):
        return self.search_description or self.summary

    @property
    def current_status(self):
        """The status readers see today (``directives.status``); annotated querysets already carry it."""
        annotated = self.__dict__.get(STATUS_ANNOTATION)
        return DirectiveStatus(annotated) if annotated else status_of(self)

    @property
    def current_status_label(self):
        return self.current_status.label

    @property
    def is_withdrawn(self):
        return self.current_status == DirectiveStatus.WITHDRAWN

    @property
    def no_longer_in_force(self):
        return self.current_status in (DirectiveStatus.EXPIRED, DirectiveStatus.REPLACED)

    @property
    def not_yet_in_force(self):
        return self.current_status == DirectiveStatus.NOT_YET_IN_FORCE

    @cached_property
    def live_replacement(self):
        replacement = self.replaced_by
        if replacement is not None and replacement.live:
            return replacement
        return None

    @property
    def doc_type_name(self):
        return self.doc_type.name if self.doc_type else ""

    @property
    def doc_type_code(self):
        return self.doc_type.code if self.doc_type else ""

    @property
    def issuing_body_name(self):
        return self.issuing_body.name if self.issuing_body else ""

    @property
    def replaced_by_url(self):
        return self.live_replacement.full_url if self.live_replacement else None

    @property
    def field_names(self):
        return [field.name for field in self.fields.all()]

    @property
    def attachment_list(self):
        return [
            {
                "title": attachment.display_title,
                "url": attachment.document.url,
                "format": attachment.document.file_extension.upper(),
                "size_bytes": attachment.document.get_file_size(),
            }
            for attachment in self.attachments.select_related("document")
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        context["related"] = [
            relation.target for relation in self.related_directives.select_related("target") if relation.target.live
        ]
        context["replaces"] = self.replaces.live().public()
        context["change_notes"] = self.change_notes.all()
        return context

    @path("")
    def detail(self, request):
        return TemplateResponse(request, self.get_template(request), self.get_context(request))

    @path("ban-in/")
    def print_view(self, request):
        return TemplateResponse(request, "directives/directive_page_print.html", self.get_context(request))


class DirectiveAttachment(Orderable):
    """The signed file and annexes; restricted to office formats by WAGTAILDOCS_EXTENSIONS."""

    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Tệp"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("Tên hiển thị"), max_length=200, blank=True, help_text=_("Ví dụ: Văn bản ký số, Phụ lục 1.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")

    @property
    def display_title(self):
        return self.title or self.document.title

    def clean(self):
        from django.conf import settings

        if not self.document_id:
            return
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        extension = self.document.file_extension.lower()
        if allowed and extension not in allowed:
            raise ValidationError(
                {
                    "document": _("Chỉ đính kèm tệp %(formats)s.")
                    % {"formats": ", ".join(ext.upper() for ext in allowed)}
                }
            )
        if not content_matches_extension(self.document, extension):
            raise ValidationError(
                {
                    "document": _("Nội dung tệp “%(name)s” không phải định dạng %(format)s như tên tệp.")
                    % {"name": self.document.filename, "format": extension.upper()}
                }
            )


# First bytes of each allowed format: a renamed executable or HTML page is refused.
FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}


def content_matches_extension(document, extension):
    signatures = FILE_SIGNATURES.get(extension)
    if signatures is None:
        return True
    try:
        with document.open_file() as handle:
            head = handle.read(8)
    except OSError:
        return True  # a missing file is reported elsewhere; do not block the editor here
    return head.startswith(signatures)


class DirectiveRelation(Orderable):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="related_directives")
    target = models.ForeignKey(
        DirectivePage, verbose_name=_("Văn bản"), on_delete=models.CASCADE, related_name="related_from"
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("Văn bản liên quan")
        verbose_name_plural = _("Văn bản liên quan")


class DirectiveChangeNote(Orderable):
    """What changed in the document and when, shown on amended pages."""

    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="change_notes")
    changed_on = models.DateField(_("Ngày sửa đổi"))
    description = models.TextField(_("Nội dung sửa đổi"), max_length=1000)

    panels = [FieldPanel("changed_on"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ghi chú sửa đổi")
        verbose_name_plural = _("Ghi chú sửa đổi")


class OperationalNewsIndexPage(PortalPage):
    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)
    per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directives.OperationalNewsPage"]

    class Meta:
        verbose_name = _("Danh mục tin chỉ đạo, điều hành")
        verbose_name_plural = _("Danh mục tin chỉ đạo, điều hành")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        news = (
            OperationalNewsPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
            .prefetch_related("images__image")
        )
        context["news_page"] = Paginator(news, self.per_page).get_page(request.GET.get("trang"))
        return context


class OperationalNewsPage(PortalPage):
    """Tin chỉ đạo, điều hành: meeting conclusions, working visits, press releases."""

    # Indexed: the news list and the home page show the newest first.
    date = models.DateField(_("Ngày đưa tin"), default=timezone.localdate, db_index=True)
    lead = models.TextField(_("Sapô"), max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("Nội dung"), blank=True)

    search_facets = [SearchFacet("year", "date")]

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        InlinePanel("images", label=_("Ảnh")),
        FieldPanel("body"),
        InlinePanel("related_directives", label=_("Văn bản liên quan")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [APIField("date"), APIField("lead")]
    parent_page_types = ["directives.OperationalNewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Tin chỉ đạo, điều hành")
        verbose_name_plural = _("Tin chỉ đạo, điều hành")

    @property
    def card_image(self):
        """The first image with its alt text, for cards and sharing previews; None without one."""
        return next(iter(self.images.all()), None)

    def link_preview_image(self):
        picture = self.card_image
        return picture.image if picture else first_image(self.body)

    def link_preview_description(self):
        return self.search_description or self.lead

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["images"] = self.images.select_related("image")
        context["related"] = [
            relation.directive
            for relation in self.related_directives.select_related("directive")
            if relation.directive.live
        ]
        return context


class OperationalNewsImage(Orderable):
    page = ParentalKey(OperationalNewsPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("Ảnh"), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("Văn bản thay thế"), max_length=250, help_text=_("Mô tả nội dung ảnh cho người dùng trình đọc màn hình.")
    )
    caption = models.CharField(_("Chú thích"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ảnh")
        verbose_name_plural = _("Ảnh")


class OperationalNewsRelatedDirective(Orderable):
    page = ParentalKey(OperationalNewsPage, on_delete=models.CASCADE, related_name="related_directives")
    directive = models.ForeignKey(
        DirectivePage, verbose_name=_("Văn bản"), on_delete=models.CASCADE, related_name="news_mentions"
    )

    panels = [FieldPanel("directive")]

    class Meta(Orderable.Meta):
        verbose_name = _("Văn bản liên quan")
        verbose_name_plural = _("Văn bản liên quan")
