"""Automatic indicators: figures computed from what the portal publishes, never typed in.

``refresh()`` computes every automatic indicator and stores each figure as a dated, live
``Measurement`` (source "automatic"). A figure is stored when its period has none yet or
when it differs from the last one stored for that period; the earlier figure stays in the
history, so a past period's figure never changes silently. ``Indicator.last_refreshed_at``
records every check, stored or not.

Periods, per source:

* directive publication rate: cumulative from the plan's first year to the end of each plan
  year that has begun (a directive counts for the period in which it was issued, see
  ``directives.metrics``), with a breakdown by issuing body;
* online services at level 3+ and level 2: a count of the live catalogue *now*, so it is only
  stored for the current year while the plan runs (a past year's count cannot be known today);
* campaign follow-throughs: per plan year, only from the first day the counters recorded
  anything (before that there is no data, which is not 0).

Refreshes run on directive publish/unpublish/delete, after register and procedure imports
(see ``indicators.signal_handlers``) and daily through ``manage.py refresh_indicators``.
"""

import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .formatting import format_value
from .models import AutomaticSource, BreakdownKind, Indicator, Measurement, Source

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figure:
    period_start: datetime.date
    period_end: datetime.date
    value: Decimal
    breakdown_kind: str = ""
    breakdown_label: str = ""
    note: str = ""


@dataclass
class RefreshReport:
    checked: int = 0
    stored: list = field(default_factory=list)

    def __str__(self):
        return _("Đã kiểm tra %(checked)s chỉ tiêu tự động, lưu %(stored)s số liệu mới.") % {
            "checked": self.checked,
            "stored": len(self.stored),
        }


def _plan_years(plan, today):
    """Plan years that have begun by ``today``."""
    return range(plan.start_year, min(plan.end_year, today.year) + 1)


def directive_rate_figures(indicator, today):
    try:
        from directives import metrics
    except ImportError:  # the directives app is not installed yet: no data
        return []
    plan = indicator.plan
    years = _plan_years(plan, today)
    # Every plan year's cumulative counts come from one aggregate query: a refresh after each
    # register import must not load the whole register once per year and per issuing body.
    counts = metrics.cumulative_publication_counts(plan.starts_on, years)
    figures = []
    for year in years:
        start, end = plan.starts_on, datetime.date(year, 12, 31)
        overall, by_body = counts[year]
        if overall.rate is None:
            continue
        note = _("%(published)s/%(issued)s văn bản trong sổ theo dõi đã đăng trên cổng.") % {
            "published": overall.published,
            "issued": overall.issued,
        }
        figures.append(Figure(start, end, overall.rate, note=note))
        for body, count in by_body:
            figures.append(
                Figure(
                    start,
                    end,
                    count.rate,
                    BreakdownKind.ISSUING_BODY,
                    body.short_name or body.name,
                    _("%(published)s/%(issued)s văn bản.") % {"published": count.published, "issued": count.issued},
                )
            )
    return figures


def _online_service_figures(indicator, today, key):
    plan = indicator.plan
    if not plan.start_year <= today.year <= plan.end_year:
        return []
    try:
        from services.metrics import online_service_counts
    except ImportError:
        return []
    count = online_service_counts()[key]
    note = _("Đếm thủ tục đang xuất bản trong danh mục trên cổng ngày %(day)s.") % {"day": f"{today:%d/%m/%Y}"}
    return [Figure(datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31), Decimal(count), note=note)]


def level_3_figures(indicator, today):
    return _online_service_figures(indicator, today, "level_3_plus")


def level_2_figures(indicator, today):
    return _online_service_figures(indicator, today, "level_2")


def _first_counted_day():
    try:
        from services.models import CampaignDailyFollowThrough
    except ImportError:
        return None
    return CampaignDailyFollowThrough.objects.order_by("day").values_list("day", flat=True).first()


def follow_through_figures(indicator, today):
    try:
        from services.metrics import follow_through_total
    except ImportError:
        return []
    first_day = _first_counted_day()
    if first_day is None:
        return []
    figures = []
    for year in _plan_years(indicator.plan, today):
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if end < first_day:
            continue  # the counters did not exist yet: no data, not 0
        figures.append(Figure(start, end, Decimal(follow_through_total(start, end))))
    return figures


COMPUTATIONS = {
    AutomaticSource.DIRECTIVE_PUBLICATION_RATE: directive_rate_figures,
    AutomaticSource.ONLINE_SERVICES_LEVEL_3: level_3_figures,
    AutomaticSource.ONLINE_SERVICES_LEVEL_2: level_2_figures,
    AutomaticSource.CAMPAIGN_FOLLOW_THROUGHS: follow_through_figures,
}


def _store(indicator, figure, now):
    """Store ``figure`` unless the last figure for its period and breakdown is the same."""
    previous = (
        Measurement.objects.filter(
            indicator=indicator,
            source=Source.AUTOMATIC,
            period_start=figure.period_start,
            period_end=figure.period_end,
            breakdown_kind=figure.breakdown_kind,
            breakdown_label=figure.breakdown_label,
        )
        .order_by("-entered_at", "-pk")
        .first()
    )
    if previous is not None and previous.value == figure.value:
        return None
    note = figure.note
    if previous is not None:
        note = " ".join(
            filter(
                None,
                [
                    note,
                    _("Thay cho %(old)s tính ngày %(day)s.")
                    % {
                        "old": format_value(previous.value, indicator.unit),
                        "day": f"{timezone.localtime(previous.entered_at):%d/%m/%Y %H:%M}",
                    },
                ],
            )
        )
    return Measurement.objects.create(
        indicator=indicator,
        value=figure.value,
        period_start=figure.period_start,
        period_end=figure.period_end,
        breakdown_kind=figure.breakdown_kind,
        breakdown_label=figure.breakdown_label,
        note=note,
        source=Source.AUTOMATIC,
        live=True,
        first_published_at=now,
        last_published_at=now,
        entered_at=now,
    )


def refresh(sources=None, today=None):
    """Recompute automatic indicators (all, or those computed from ``sources``)."""
    now = timezone.now()
    today = today or timezone.localdate(now)
    report = RefreshReport()
    indicators = Indicator.objects.automatic().select_related("plan")
    if sources is not None:
        indicators = indicators.filter(automatic_source__in=list(sources))
    for indicator in indicators:
        compute = COMPUTATIONS.get(indicator.automatic_source)
        if compute is None:
            continue
        with transaction.atomic():
            for figure in compute(indicator, today):
                stored = _store(indicator, figure, now)
                if stored is not None:
                    report.stored.append(stored)
            Indicator.objects.filter(pk=indicator.pk).update(last_refreshed_at=now)
        report.checked += 1
    logger.info("%s", report)
    return report
