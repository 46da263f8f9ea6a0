"""Plans, their optional objectives and their indicators, with the status of each indicator."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ..formatting import format_value
from ..status import Assessment, Direction, Status, assess, elapsed_share


class Plan(index.Indexed, models.Model):
    name = models.CharField(_("Tên kế hoạch"), max_length=300)
    number = models.CharField(_("Số ký hiệu"), max_length=50, unique=True, help_text=_("Ví dụ: 07/KH-UBND"))
    start_year = models.PositiveSmallIntegerField(_("Năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(_("Năm kết thúc"))
    directive_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang văn bản kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Trang văn bản chỉ đạo ban hành kế hoạch trên cổng."),
    )
    summary = models.TextField(_("Tóm tắt"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("number"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Thời kỳ")),
        PageChooserPanel("directive_page", "directives.DirectivePage"),
        FieldPanel("summary"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("number")]

    class Meta:
        verbose_name = _("Kế hoạch")
        verbose_name_plural = _("Kế hoạch")
        ordering = ["-start_year", "number"]

    def __str__(self):
        return f"{self.number} ({self.start_year}-{self.end_year})"

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc không được trước năm bắt đầu.")})

    @property
    def starts_on(self):
        return date(self.start_year, 1, 1)

    @property
    def ends_on(self):
        return date(self.end_year, 12, 31)

    @property
    def period_label(self):
        return f"{self.start_year}-{self.end_year}"

    def completion(self, indicators=None):
        """Overall completion: the share of the plan's indicators achieved (percent, one decimal).

        None when the plan has no indicator yet.
        """
        indicators = list(self.indicators.all()) if indicators is None else list(indicators)
        if not indicators:
            return None
        achieved = sum(1 for indicator in indicators if indicator.assessment.status == Status.ACHIEVED)
        return (Decimal(100) * achieved / len(indicators)).quantize(Decimal("0.1"))


class Objective(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("Kế hoạch"), on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("Mã"), max_length=20)
    name = models.CharField(_("Mục tiêu"), max_length=300)
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    panels = [FieldPanel("plan"), FieldPanel("code"), FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("Mục tiêu")
        verbose_name_plural = _("Mục tiêu")
        ordering = ["plan", "sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="indicators_objective_unique_code")]

    def __str__(self):
        return f"{self.code}. {self.name}"


class Unit(models.TextChoices):
    PERCENT = "percent", _("Tỷ lệ phần trăm (%)")
    COUNT = "count", _("Số lượng")
    RATIO = "ratio", _("Tỷ số")


class AutomaticSource(models.TextChoices):
    """Portal data an automatic indicator is computed from (see indicators.automatic)."""

    DIRECTIVE_PUBLICATION_RATE = "directive_publication_rate", _("Tỷ lệ văn bản chỉ đạo, điều hành đăng trên cổng")
    ONLINE_SERVICES_LEVEL_3 = "online_services_level_3", _("Số dịch vụ công trực tuyến mức 3 trở lên")
    ONLINE_SERVICES_LEVEL_2 = "online_services_level_2", _("Số dịch vụ công trực tuyến mức 2")
    CAMPAIGN_FOLLOW_THROUGHS = "campaign_follow_throughs", _("Lượt chuyển tiếp từ tuyên truyền đến dịch vụ công")


class ReportingStatus(models.TextChoices):
    REGULAR = "regular", _("Báo cáo định kỳ")
    IRREGULAR = "irregular", _("Báo cáo không đều")
    NOT_REPORTED = "not_reported", _("Chưa báo cáo")
    DISCONTINUED = "discontinued", _("Ngừng theo dõi")


class IndicatorQuerySet(models.QuerySet):
    def automatic(self):
        return self.exclude(automatic_source="")

    def manual(self):
        return self.filter(automatic_source="")

    def for_tracker(self):
        """Indicators in the tracker's order, each with its live overall measurements loaded (history)."""
        measurements = self.model._meta.get_field("measurements").related_model.objects
        return (
            self.select_related("plan", "objective")
            .prefetch_related(
                models.Prefetch(
                    "measurements",
                    queryset=measurements.live().overall().chronological().select_related("evidence"),
                    to_attr="live_overall_measurements",
                )
            )
            .order_by("plan", "objective__sort_order", "sort_order", "code")
        )


class Indicator(index.Indexed, models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("Kế hoạch"), on_delete=models.CASCADE, related_name="indicators")
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("Mục tiêu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    code = models.SlugField(_("Mã chỉ tiêu"), max_length=40, help_text=_("Dùng trong địa chỉ trang, ví dụ: ct-01"))
    name = models.CharField(_("Tên chỉ tiêu"), max_length=300)
    unit = models.CharField(_("Đơn vị"), max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    direction = models.CharField(_("Chiều tốt"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    baseline = models.DecimalField(_("Giá trị cơ sở"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("Năm cơ sở"), null=True, blank=True)
    target = models.DecimalField(_("Chỉ tiêu"), max_digits=14, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("Năm đạt chỉ tiêu"))
    methodology = RichTextField(_("Phương pháp tính"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    data_source = models.CharField(_("Nguồn số liệu"), max_length=300, blank=True)
    responsible_agency = models.CharField(_("Cơ quan chịu trách nhiệm"), max_length=200, blank=True)
    reporting_status = models.CharField(
        _("Tình trạng báo cáo"), max_length=20, choices=ReportingStatus.choices, default=ReportingStatus.REGULAR
    )
    automatic_source = models.CharField(
        _("Tính tự động từ"),
        max_length=40,
        choices=AutomaticSource.choices,
        blank=True,
        help_text=_("Để trống nếu số liệu được nhập tay. Chỉ tiêu tự động không nhận số liệu nhập tay."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    last_refreshed_at = models.DateTimeField(_("Lần làm mới gần nhất"), null=True, blank=True, editable=False)

    objects = IndicatorQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("plan"),
                FieldPanel("objective"),
                FieldPanel("code"),
                FieldPanel("name"),
                FieldPanel("sort_order"),
            ],
            heading=_("Chỉ tiêu"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
                FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")]),
                FieldRowPanel([FieldPanel("target"), FieldPanel("target_year")]),
            ],
            heading=_("Giá trị cơ sở và chỉ tiêu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("methodology"),
                FieldPanel("data_source"),
                FieldPanel("responsible_agency"),
                FieldPanel("reporting_status"),
                FieldPanel("automatic_source"),
            ],
            heading=_("Phương pháp và nguồn"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("code")]

    class Meta:
        verbose_name = _("Chỉ tiêu")
        verbose_name_plural = _("Chỉ tiêu")
        ordering = ["plan", "sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="indicators_indicator_unique_code")]

    def __str__(self):
        return f"{self.code} – {self.name}"

    @property
    def is_automatic(self):
        return bool(self.automatic_source)

    def format(self, value):
        return format_value(value, self.unit)

    @property
    def baseline_display(self):
        return self.format(self.baseline)

    @property
    def target_display(self):
        prefix = "≤ " if self.direction == Direction.LOWER else ""
        return f"{prefix}{self.format(self.target)}"

    @cached_property
    def history(self):
        """Every live measurement of the indicator as a whole, oldest period first."""
        prefetched = getattr(self, "live_overall_measurements", None)
        if prefetched is not None:
            return list(prefetched)
        return list(self.measurements.live().overall().chronological().select_related("evidence"))

    @cached_property
    def series(self):
        """One point per period: the latest figure stored for it (earlier figures stay in history)."""
        by_period = {}
        for measurement in self.history:
            by_period[(measurement.period_start, measurement.period_end)] = measurement
        return sorted(by_period.values(), key=lambda m: (m.period_end, m.period_start))

    @cached_property
    def latest(self):
        return self.series[-1] if self.series else None

    @cached_property
    def assessment(self) -> Assessment:
        latest = self.latest
        plan = self.plan
        if latest is None:
            return assess(None, self.baseline, self.target, self.direction, Decimal(0))
        # A period still running is judged at today's date, not at its future end.
        as_of = min(latest.period_end, timezone.localdate())
        elapsed = elapsed_share(plan.starts_on, plan.ends_on, as_of)
        return assess(latest.value, self.baseline, self.target, self.direction, elapsed)

    @property
    def status(self):
        return self.assessment.status

    @property
    def status_label(self):
        return self.status.label

    @property
    def current_display(self):
        return self.latest.value_display if self.latest else format_value(None, self.unit)

    @property
    def elapsed_percent(self):
        return int((self.assessment.elapsed * 100).quantize(Decimal(1)))

    @property
    def progress_percent(self):
        progress = self.assessment.progress
        return None if progress is None else int((progress * 100).quantize(Decimal(1)))

    def latest_breakdown(self):
        """Live measurements broken down by issuing body or district for the latest period."""
        latest = self.latest
        if latest is None:
            return []
        rows = {}
        for measurement in (
            self.measurements.live()
            .broken_down()
            .filter(period_start=latest.period_start, period_end=latest.period_end)
            .chronological()
        ):
            rows[(measurement.breakdown_kind, measurement.breakdown_label)] = measurement
        return sorted(rows.values(), key=lambda m: (m.breakdown_kind, m.breakdown_label))
