"""The status rule of an indicator, as written on the tracker page.

An indicator is:

* **no data** (chưa có số liệu) when it has no measurement;
* **achieved** (đã đạt) when its latest value has reached the target: at or above it when
  higher is better, at or below it when lower is better;
* **on track** (đúng tiến độ) when the share of the way from baseline to target already
  covered is at least the share of the plan's time elapsed at the date of that value;
* **behind** (chậm tiến độ) otherwise.

A missing baseline counts as 0 when higher is better. When lower is better and there is no
baseline, the way to go is unknown, so a value that has not reached the target is behind.
Both boundaries are inclusive: exactly at target is achieved, exactly on the time line is on
track. ``STATUS_RULE_TEXT`` is the same rule in Vietnamese for the public page.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Đã đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    BEHIND = "behind", _("Chậm tiến độ")
    NO_DATA = "no_data", _("Chưa có số liệu")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


STATUS_RULE_TEXT = _(
    "Đã đạt: giá trị mới nhất đạt chỉ tiêu (bằng hoặc cao hơn; với chỉ tiêu càng thấp càng tốt là bằng "
    "hoặc thấp hơn). Đúng tiến độ: phần đã đi được từ giá trị cơ sở đến chỉ tiêu bằng hoặc lớn hơn phần "
    "thời gian kế hoạch đã trôi qua tính đến ngày của số liệu. Chậm tiến độ: các trường hợp còn lại. "
    "Chưa có số liệu: chưa có số đo nào, không bao giờ hiểu là 0. Thiếu giá trị cơ sở thì coi là 0 "
    "(với chỉ tiêu càng thấp càng tốt thì coi là chậm tiến độ cho đến khi đạt)."
)


@dataclass(frozen=True)
class Assessment:
    status: Status
    progress: Decimal | None  # share of the way from baseline to target, 0..1 (capped)
    elapsed: Decimal  # share of the plan's time elapsed at the value's date, 0..1


def elapsed_share(start: date, end: date, as_of: date) -> Decimal:
    """Share of the period ``start``..``end`` elapsed on ``as_of``, between 0 and 1."""
    total = (end - start).days
    if total <= 0:
        return Decimal(1)
    done = (as_of - start).days
    return min(Decimal(1), max(Decimal(0), Decimal(done) / Decimal(total)))


def progress_share(value, baseline, target, direction=Direction.HIGHER) -> Decimal | None:
    """Share of the way from baseline to target covered by ``value``, capped to 0..1.

    None when the way is unknown (no baseline when lower is better, or baseline equals target).
    """
    value, target = Decimal(value), Decimal(target)
    if baseline is None:
        if direction == Direction.LOWER:
            return None
        baseline = Decimal(0)
    baseline = Decimal(baseline)
    way = target - baseline
    if way == 0:
        return None
    share = (value - baseline) / way
    return min(Decimal(1), max(Decimal(0), share))


def assess(value, baseline, target, direction, elapsed) -> Assessment:
    """Apply the status rule. ``elapsed`` is the plan's time share at the value's date."""
    elapsed = Decimal(elapsed)
    if value is None or target is None:
        return Assessment(Status.NO_DATA, None, elapsed)
    value, target = Decimal(value), Decimal(target)
    reached = value <= target if direction == Direction.LOWER else value >= target
    if reached:
        return Assessment(Status.ACHIEVED, Decimal(1), elapsed)
    progress = progress_share(value, baseline, target, direction)
    if progress is not None and progress >= elapsed:
        return Assessment(Status.ON_TRACK, progress, elapsed)
    return Assessment(Status.BEHIND, progress, elapsed)
