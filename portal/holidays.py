"""Working days in Viet Nam: Monday to Friday, less the public holidays in ``data/holidays_vn.json``.

The holidays are data, one entry per day and year (Tết follows the lunar calendar, and the days
off around it are announced each year), including Saturdays worked to make up a swapped day.
Outside the years the file lists, only weekends are days off: add each new year's notice.
"""

import datetime
import functools
import json
from pathlib import Path

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays_vn.json"


@functools.cache
def _calendar():
    years = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))["years"]
    days_off = {
        datetime.date.fromisoformat(day): name for year in years.values() for day, name in year["days_off"].items()
    }
    worked = {datetime.date.fromisoformat(day) for year in years.values() for day in year["working_weekend_days"]}
    return days_off, worked


def holiday(day):
    """The name of the public holiday on ``day``, or None."""
    return _calendar()[0].get(day)


def is_working_day(day):
    days_off, worked = _calendar()
    if day in worked:
        return True
    return day.weekday() < 5 and day not in days_off


def add_working_days(day, days):
    """The day ``days`` working days after ``day`` (the day itself not counted)."""
    while days > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day
