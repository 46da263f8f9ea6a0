"""Measurements: manual ones go through the moderation workflow like pages (draft, submit,
approve, publish); automatic ones are stored live by ``indicators.automatic``. Only live
measurements are public.
"""

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from ..formatting import format_value
from .plans import Indicator


class Source(models.TextChoices):
    MANUAL = "manual", _("Nhập tay")
    AUTOMATIC = "automatic", _("Tự động")


class BreakdownKind(models.TextChoices):
    ISSUING_BODY = "issuing_body", _("Cơ quan ban hành")
    DISTRICT = "district", _("Huyện, thị xã, thành phố")


class MeasurementQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def overall(self):
        return self.filter(breakdown_kind="")

    def broken_down(self):
        return self.exclude(breakdown_kind="")

    def automatic(self):
        return self.filter(source=Source.AUTOMATIC)

    def manual(self):
        return self.filter(source=Source.MANUAL)

    def chronological(self):
        return self.order_by("period_end", "period_start", "entered_at", "pk")


class MeasurementForm(WagtailAdminModelForm):
    """Admin form: records who entered the figure and refuses to touch automatic ones."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.source == Source.AUTOMATIC:
            raise ValidationError(_("Số liệu tự động được tính từ dữ liệu của cổng, không sửa tay được."))
        indicator = cleaned.get("indicator")
        if indicator is not None and indicator.is_automatic:
            self.add_error(
                "indicator",
                _("Chỉ tiêu “%(name)s” được tính tự động, không nhập tay.") % {"name": indicator.name},
            )
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày cuối kỳ không được trước ngày đầu kỳ."))
        kind, label = cleaned.get("breakdown_kind"), cleaned.get("breakdown_label")
        if kind and not label:
            self.add_error("breakdown_label", _("Hãy ghi tên cơ quan hoặc huyện của số liệu chi tiết."))
        if label and not kind:
            self.add_error("breakdown_kind", _("Hãy chọn loại chi tiết (cơ quan ban hành hoặc huyện)."))
        return cleaned

    def save(self, commit=True):
        if not self.instance.entered_by_id and getattr(self, "for_user", None) and self.for_user.is_authenticated:
            self.instance.entered_by = self.for_user
        self.instance.source = Source.MANUAL
        return super().save(commit=commit)


class Measurement(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("Chỉ tiêu"), on_delete=models.CASCADE, related_name="measurements"
    )
    value = models.DecimalField(_("Giá trị"), max_digits=14, decimal_places=2)
    period_start = models.DateField(_("Đầu kỳ"))
    period_end = models.DateField(_("Cuối kỳ"), help_text=_("Số liệu tính đến ngày này."))
    breakdown_kind = models.CharField(
        _("Chi tiết theo"), max_length=20, choices=BreakdownKind.choices, blank=True, db_index=True
    )
    breakdown_label = models.CharField(
        _("Cơ quan hoặc huyện"), max_length=200, blank=True, help_text=_("Để trống nếu là số liệu chung.")
    )
    note = models.TextField(_("Ghi chú"), blank=True)
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tài liệu minh chứng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("Nguồn"), max_length=10, choices=Source.choices, default=Source.MANUAL, editable=False, db_index=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("Thời điểm nhập"), default=timezone.now, editable=False)

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="indicator_measurement",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="indicator_measurement",
        for_concrete_model=False,
    )

    objects = MeasurementQuerySet.as_manager()
    base_form_class = MeasurementForm

    panels = [
        FieldPanel("indicator"),
        FieldPanel("value"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Kỳ số liệu")),
        FieldRowPanel([FieldPanel("breakdown_kind"), FieldPanel("breakdown_label")], heading=_("Số liệu chi tiết")),
        FieldPanel("note"),
        FieldPanel("evidence"),
    ]

    class Meta:
        verbose_name = _("Số liệu chỉ tiêu")
        verbose_name_plural = _("Số liệu chỉ tiêu")
        ordering = ["-period_end", "-entered_at"]

    def __str__(self):
        return f"{self.indicator.code} {self.period_label}: {self.value_display}"

    @property
    def value_display(self):
        return format_value(self.value, self.indicator.unit)

    @property
    def period_label(self):
        start, end = self.period_start, self.period_end
        if start == date(start.year, 1, 1) and end == date(end.year, 12, 31):
            return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
        if start == end:
            return end.strftime("%d/%m/%Y")
        return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
