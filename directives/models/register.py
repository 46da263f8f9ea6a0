"""The document register (sổ theo dõi văn bản chỉ đạo, điều hành): the indicator's denominator."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..numbering import clean_number, number_key
from .pages import DirectivePage
from .snippets import DocumentType, IssuingBody


class RegisterEntryQuerySet(models.QuerySet):
    def issued_between(self, start, end):
        return self.filter(issued_on__gte=start, issued_on__lte=end)

    def for_issuer(self, issuing_body):
        return self.filter(issuer=issuing_body) if issuing_body else self

    def on_portal(self):
        """Entries whose directive page is live now, whenever it was published."""
        return self.filter(directive__live=True)

    def outstanding(self):
        return self.exclude(directive__live=True).order_by("issued_on", "number")

    def matching(self, issuer_id, key, year):
        return self.filter(issuer_id=issuer_id, number_key=key, year=year)


class RegisterEntry(index.Indexed, models.Model):
    number = models.CharField(_("Số ký hiệu"), max_length=50)
    number_key = models.CharField(max_length=60, editable=False, db_index=True)
    doc_type = models.ForeignKey(
        DocumentType, verbose_name=_("Loại văn bản"), on_delete=models.PROTECT, related_name="register_entries"
    )
    title = models.TextField(_("Trích yếu"), max_length=1000)
    issuer = models.ForeignKey(
        IssuingBody, verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, related_name="register_entries"
    )
    signer = models.CharField(_("Người ký"), max_length=150, blank=True)
    issued_on = models.DateField(_("Ngày ban hành"), db_index=True)
    year = models.PositiveSmallIntegerField(editable=False)
    directive = models.ForeignKey(
        DirectivePage,
        verbose_name=_("Trang văn bản trên cổng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="register_entries",
        help_text=_("Tự liên kết khi trang cùng cơ quan, số ký hiệu và năm được xuất bản; chọn tay khi số khác nhau."),
    )
    linked_by_hand = models.BooleanField(
        _("Liên kết thủ công"),
        default=False,
        help_text=_("Liên kết chọn tay được giữ khi trang ngừng xuất bản."),
    )
    created_at = models.DateTimeField(_("Nhập lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    objects = RegisterEntryQuerySet.as_manager()

    # Indexed by directives.signal_handlers instead of modelsearch's own handler, so that an
    # import can index its rows in bulk calls rather than one task per saved row.
    search_auto_update = False

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldPanel("title"),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer"), FieldPanel("issued_on")]),
            ],
            heading=_("Văn bản trong sổ"),
        ),
        FieldPanel("directive"),
    ]
    search_fields = [
        index.SearchField("number"),
        index.AutocompleteField("number"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("issued_on"),
        index.FilterField("issuer"),
    ]

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("Văn bản trong sổ theo dõi")
        verbose_name_plural = _("Sổ theo dõi văn bản chỉ đạo, điều hành")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number_key", "year"], name="directives_register_one_number_per_issuer_year"
            )
        ]
        permissions = [("import_registerentry", _("Nhập sổ theo dõi văn bản từ tệp"))]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})" if self.issued_on else self.number

    def save(self, *args, **kwargs):
        self.number = clean_number(self.number)
        self.number_key = number_key(self.number)
        self.year = self.issued_on.year
        if self.directive_id is None:
            self.linked_by_hand = False
        super().save(*args, **kwargs)

    @property
    def on_portal(self):
        return self.directive is not None and self.directive.live
