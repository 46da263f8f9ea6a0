import datetime
from decimal import Decimal

import pytest

from directives import metrics

pytestmark = pytest.mark.django_db

D = datetime.date


def issue(make_entry, make_directive, count, published, start=None, delays=None, first_number=1):
    """``count`` register entries issued a day apart; the first ``published`` get live pages."""
    start = start or D(2013, 1, 10)
    delays = delays or [3] * published
    for n in range(count):
        issued_on = start + datetime.timedelta(days=n)
        number = f"{n + first_number}/KH-UBND"
        make_entry(number, issued_on=issued_on)
        if n < published:
            make_directive(number, issued_on=issued_on, published_on=issued_on + datetime.timedelta(days=delays[n]))


def test_ten_issued_and_eight_published_gives_eighty_percent(make_entry, make_directive):
    issue(make_entry, make_directive, 10, 8)
    summary = metrics.publication_summary(D(2013, 1, 1), D(2013, 12, 31))
    assert (summary.issued, summary.published, summary.rate) == (10, 8, Decimal("80.0"))
    assert summary.meets_target
    assert [entry.number for entry in summary.outstanding] == ["9/KH-UBND", "10/KH-UBND"]  # oldest first


def test_no_issued_directive_gives_no_rate_rather_than_zero(db):
    summary = metrics.publication_summary(D(2013, 1, 1), D(2013, 12, 31))
    assert (summary.issued, summary.rate, summary.median_days, summary.p90_days) == (0, None, None, None)


def test_rate_is_rounded_to_one_decimal():
    assert metrics.rate(2, 3) == Decimal("66.7")
    assert metrics.rate(1, 8) == Decimal("12.5")


def test_median_and_ninetieth_percentile_of_days_to_publication(make_entry, make_directive):
    issue(make_entry, make_directive, 5, 5, delays=[1, 2, 3, 10, 30])
    summary = metrics.publication_summary(D(2013, 1, 1), D(2013, 12, 31))
    assert summary.median_days == 3
    assert summary.p90_days == 30
    issue(make_entry, make_directive, 1, 1, start=D(2013, 6, 1), delays=[4], first_number=50)
    assert metrics.publication_summary(D(2013, 1, 1), D(2013, 12, 31)).median_days == 3.5


def test_a_directive_issued_on_31_december_and_published_on_2_january_counts_for_its_year(make_entry, make_directive):
    make_entry("99/KH-UBND", issued_on=D(2013, 12, 31))
    make_directive("99/KH-UBND", issued_on=D(2013, 12, 31), published_on=D(2014, 1, 2))
    last_year = metrics.summary_for_period(metrics.year(2013))
    next_year = metrics.summary_for_period(metrics.year(2014))
    assert (last_year.issued, last_year.published, last_year.median_days) == (1, 1, 2)
    assert next_year.issued == 0
    assert metrics.summary_for_period(metrics.quarter(2013, 4)).issued == 1
    assert metrics.summary_for_period(metrics.month(2013, 12)).published == 1


def test_unpublishing_a_directive_lowers_the_publication_rate(make_entry, make_directive):
    issue(make_entry, make_directive, 4, 4)
    period = metrics.year(2013)
    assert metrics.summary_for_period(period).rate == Decimal("100.0")
    from directives.models import DirectivePage

    DirectivePage.objects.get(number="1/KH-UBND").unpublish()
    summary = metrics.summary_for_period(period)
    assert summary.rate == Decimal("75.0")
    assert summary.outstanding[0].number == "1/KH-UBND"


def test_summary_for_one_issuing_body(make_entry, make_directive, office):
    issue(make_entry, make_directive, 2, 1)
    make_entry("5/TB-VPUBND", issued_on=D(2013, 2, 1), issuer=office)
    summary = metrics.publication_summary(D(2013, 1, 1), D(2013, 12, 31), issuing_body=office)
    assert (summary.issued, summary.published, summary.rate) == (1, 0, Decimal("0.0"))
    by_body = metrics.summaries_by_issuing_body(D(2013, 1, 1), D(2013, 12, 31))
    assert [(s.issuing_body.short_name, s.issued) for s in by_body] == [("UBND tỉnh", 2), ("VP UBND tỉnh", 1)]


def test_period_helpers_cover_whole_months_quarters_and_years():
    assert metrics.month(2012, 2)[:2] == (D(2012, 2, 1), D(2012, 2, 29))
    assert metrics.month(2013, 12)[:2] == (D(2013, 12, 1), D(2013, 12, 31))
    assert metrics.quarter(2014, 3)[:2] == (D(2014, 7, 1), D(2014, 9, 30))
    assert metrics.quarter_of(D(2014, 11, 5)).label == "Quý 4/2014"
    assert metrics.year(2015)[:2] == (D(2015, 1, 1), D(2015, 12, 31))
    with pytest.raises(ValueError):
        metrics.quarter(2014, 5)


def test_queryset_states_of_directives(make_directive, directive_type):
    from directives.models import DirectivePage

    live = make_directive("1/KH-UBND", published_on=D(2013, 1, 2))
    make_directive("2/KH-UBND", issued_on=D(2012, 1, 1), expires_on=D(2012, 12, 31), published_on=D(2012, 1, 2))
    make_directive(
        "3/KH-UBND",
        issued_on=D(2013, 5, 1),
        withdrawn_on=D(2013, 5, 3),
        withdrawal_reason="Sai sót",
        published_on=D(2013, 5, 2),
    )
    assert list(DirectivePage.objects.in_force().values_list("number", flat=True)) == ["1/KH-UBND"]
    assert list(DirectivePage.objects.expired().values_list("number", flat=True)) == ["2/KH-UBND"]
    assert list(DirectivePage.objects.withdrawn().values_list("number", flat=True)) == ["3/KH-UBND"]
    assert list(DirectivePage.objects.issued_between(D(2011, 1, 1), D(2011, 12, 31))) == [live]
