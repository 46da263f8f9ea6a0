"""Publication metrics of the directives register: plain functions used by the tracker, the admin and tests.

Methodology (also shown in the admin report, see ``METHODOLOGY``): an entry of the
register counts for the period in which it was *issued*, even when its page was
published later. It counts as published when its directive page is live on the
portal now. Days to publication run from the issue date to the page's first
publication (local date). The 90th percentile uses the nearest-rank method.
"""

import datetime
import math
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import IssuingBody, RegisterEntry

TARGET_RATE = Decimal("80")

METHODOLOGY = _(
    "Mẫu số là số văn bản chỉ đạo, điều hành ghi trong sổ theo dõi có ngày ban hành thuộc kỳ báo cáo. "
    "Tử số là số văn bản trong đó đang được đăng trên cổng. Văn bản ban hành trong kỳ được tính cho kỳ đó "
    "kể cả khi đăng lên cổng sau khi kỳ kết thúc. Số ngày đăng tải tính từ ngày ban hành đến ngày trang "
    "văn bản được xuất bản lần đầu; phân vị 90 tính theo phương pháp thứ hạng gần nhất."
)


class Period(NamedTuple):
    start: datetime.date
    end: datetime.date
    label: str


@dataclass
class PublicationSummary:
    start: datetime.date
    end: datetime.date
    issuing_body: IssuingBody | None
    issued: int
    published: int
    rate: Decimal | None
    median_days: float | None
    p90_days: int | None
    outstanding: list = field(default_factory=list)

    @property
    def outstanding_count(self):
        return len(self.outstanding)

    @property
    def oldest_outstanding(self):
        return self.outstanding[0] if self.outstanding else None

    @property
    def meets_target(self):
        return self.rate is not None and self.rate >= TARGET_RATE


def month(year, month_number):
    start = datetime.date(year, month_number, 1)
    next_month = datetime.date(year + month_number // 12, month_number % 12 + 1, 1)
    return Period(
        start,
        next_month - datetime.timedelta(days=1),
        _("Tháng %(month)s/%(year)s") % {"month": f"{month_number:02d}", "year": year},
    )


def quarter(year, quarter_number):
    if quarter_number not in (1, 2, 3, 4):
        raise ValueError("quarter_number must be 1-4")
    first_month = 3 * (quarter_number - 1) + 1
    start = datetime.date(year, first_month, 1)
    end = month(year, first_month + 2).end
    return Period(start, end, _("Quý %(quarter)s/%(year)s") % {"quarter": quarter_number, "year": year})


def year(year_number):
    return Period(
        datetime.date(year_number, 1, 1), datetime.date(year_number, 12, 31), _("Năm %(year)s") % {"year": year_number}
    )


def date_range(start, end):
    return Period(start, end, f"{start:%d/%m/%Y} – {end:%d/%m/%Y}")


def quarter_of(day):
    return quarter(day.year, (day.month - 1) // 3 + 1)


def current_quarter():
    return quarter_of(timezone.localdate())


def rate(published, issued):
    """Percentage with one decimal (80.0), or None when nothing was issued."""
    if not issued:
        return None
    return (Decimal(published) * 100 / Decimal(issued)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percentile(values, share):
    """Nearest-rank percentile of a list of numbers, None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def days_to_publication(entry):
    published_at = entry.directive.first_published_at if entry.directive else None
    if published_at is None:
        return None
    return max(0, (timezone.localdate(published_at) - entry.issued_on).days)


def publication_summary(start, end, issuing_body=None):
    entries = list(
        RegisterEntry.objects.issued_between(start, end)
        .for_issuer(issuing_body)
        .select_related("directive", "issuer", "doc_type")
        .order_by("issued_on", "number")
    )
    published = [entry for entry in entries if entry.directive is not None and entry.directive.live]
    published_ids = {entry.pk for entry in published}
    outstanding = [entry for entry in entries if entry.pk not in published_ids]
    delays = [days for days in map(days_to_publication, published) if days is not None]
    return PublicationSummary(
        start=start,
        end=end,
        issuing_body=issuing_body,
        issued=len(entries),
        published=len(published),
        rate=rate(len(published), len(entries)),
        median_days=statistics.median(delays) if delays else None,
        p90_days=percentile(delays, 0.9),
        outstanding=outstanding,
    )


@dataclass(frozen=True)
class PublicationCount:
    issued: int = 0
    published: int = 0

    @property
    def rate(self):
        return rate(self.published, self.issued)

    def __add__(self, other):
        return PublicationCount(self.issued + other.issued, self.published + other.published)


def cumulative_publication_counts(start, years):
    """For each year of ``years``, what ``publication_summary(start, 31/12/year)`` and
    ``summaries_by_issuing_body`` count: ``{year: (overall, [(issuing_body, count), ...])}``,
    bodies busiest first.

    One aggregate query per call (plus one for the bodies' names), so refreshing the
    indicator costs the same at 100 entries as at 100,000.
    """
    years = sorted(years)
    if not years:
        return {}
    rows = (
        RegisterEntry.objects.issued_between(start, datetime.date(years[-1], 12, 31))
        .values("issuer_id", "year")
        .annotate(issued=Count("pk"), published=Count("pk", filter=Q(directive__live=True)))
        .order_by()
    )
    per_year = {}
    for row in rows:
        per_year.setdefault(row["year"], {})[row["issuer_id"]] = PublicationCount(row["issued"], row["published"])
    bodies = IssuingBody.objects.in_bulk({issuer_id for counts in per_year.values() for issuer_id in counts})
    running, result = {}, {}
    for year_number in years:
        for issuer_id, count in per_year.get(year_number, {}).items():
            running[issuer_id] = running.get(issuer_id, PublicationCount()) + count
        by_body = sorted(
            ((bodies[issuer_id], count) for issuer_id, count in running.items()),
            key=lambda pair: (-pair[1].issued, pair[0].name),
        )
        result[year_number] = (sum((count for _, count in by_body), PublicationCount()), by_body)
    return result


def register_counts(issuing_bodies=None):
    """Every entry of the register, whenever issued, per issuing body: ``{body_id: PublicationCount}``.

    What an agency's own portal shows as its rate and what the overview of sub-portals lists:
    one aggregate query for any number of bodies. Bodies without entries are left out.
    """
    entries = RegisterEntry.objects.all()
    if issuing_bodies is not None:
        entries = entries.filter(issuer__in=issuing_bodies)
    rows = (
        entries.values("issuer_id")
        .annotate(issued=Count("pk"), published=Count("pk", filter=Q(directive__live=True)))
        .order_by()
    )
    return {row["issuer_id"]: PublicationCount(row["issued"], row["published"]) for row in rows}


def summary_for_period(period, issuing_body=None):
    return publication_summary(period.start, period.end, issuing_body)


def summaries_by_issuing_body(start, end):
    """One summary per issuing body that issued something in the period, busiest first."""
    body_ids = RegisterEntry.objects.issued_between(start, end).values_list("issuer_id", flat=True).distinct()
    summaries = [publication_summary(start, end, body) for body in IssuingBody.objects.filter(pk__in=body_ids)]
    return sorted(summaries, key=lambda summary: (-summary.issued, summary.issuing_body.name))


def latest_quarter_with_entries():
    """The most recent quarter in which the register has entries, or None when it is empty."""
    latest = RegisterEntry.objects.order_by("-issued_on").values_list("issued_on", flat=True).first()
    return quarter_of(latest) if latest else None
