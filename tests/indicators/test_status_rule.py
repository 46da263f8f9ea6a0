"""The status rule at its boundaries (indicators.status)."""

import datetime
from decimal import Decimal

import pytest

from indicators.status import Direction, Status, assess, elapsed_share, progress_share

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [(D("80"), Status.ACHIEVED), (D("80.01"), Status.ACHIEVED), (D("79.99"), Status.ON_TRACK)],
)
def test_reaching_the_target_exactly_counts_as_achieved_when_higher_is_better(value, expected):
    assert assess(value, D(0), D(80), Direction.HIGHER, D("0.5")).status == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(D("10"), Status.ACHIEVED), (D("9.5"), Status.ACHIEVED), (D("10.01"), Status.BEHIND)],
)
def test_reaching_the_target_exactly_counts_as_achieved_when_lower_is_better(value, expected):
    # Baseline 20, target 10; at 10.01 the way covered is 99.9% but the plan is over.
    assert assess(value, D(20), D(10), Direction.LOWER, D(1)).status == expected


def test_being_exactly_on_the_time_line_is_on_track_and_a_hair_below_is_behind():
    # Baseline 20, target 60: 40 covers half of the way; half of the plan's time has passed.
    assert assess(D(40), D(20), D(60), Direction.HIGHER, D("0.5")).status == Status.ON_TRACK
    assert assess(D("39.99"), D(20), D(60), Direction.HIGHER, D("0.5")).status == Status.BEHIND
    assert assess(D(40), D(20), D(60), Direction.HIGHER, D("0.5001")).status == Status.BEHIND


def test_no_value_means_no_data_never_zero():
    assessment = assess(None, D(0), D(80), Direction.HIGHER, D("0.9"))
    assert assessment.status == Status.NO_DATA
    assert assessment.progress is None
    # A real zero is a figure, and it is behind once time has passed.
    assert assess(D(0), D(0), D(80), Direction.HIGHER, D("0.1")).status == Status.BEHIND
    assert assess(D(0), D(0), D(80), Direction.HIGHER, D(0)).status == Status.ON_TRACK


def test_missing_baseline_counts_from_zero_when_higher_is_better():
    assert progress_share(D(40), None, D(80)) == D("0.5")
    assert assess(D(40), None, D(80), Direction.HIGHER, D("0.5")).status == Status.ON_TRACK


def test_missing_baseline_when_lower_is_better_is_behind_until_the_target_is_met():
    assert assess(D(11), None, D(10), Direction.LOWER, D(0)).status == Status.BEHIND
    assert assess(D(10), None, D(10), Direction.LOWER, D(0)).status == Status.ACHIEVED


def test_going_backwards_is_behind_and_progress_is_capped_at_zero():
    assessment = assess(D(10), D(20), D(60), Direction.HIGHER, D("0.1"))
    assert assessment.status == Status.BEHIND
    assert assessment.progress == 0


def test_elapsed_share_is_clamped_to_the_plan_period():
    start, end = datetime.date(2011, 1, 1), datetime.date(2015, 12, 31)
    assert elapsed_share(start, end, datetime.date(2010, 6, 1)) == 0
    assert elapsed_share(start, end, start) == 0
    assert elapsed_share(start, end, end) == 1
    assert elapsed_share(start, end, datetime.date(2026, 1, 1)) == 1
    assert D("0.79") < elapsed_share(start, end, datetime.date(2014, 12, 31)) < D("0.81")
