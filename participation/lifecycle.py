"""The lifecycle of a consultation, decided from its dates and its report alone.

- upcoming: before the opening date;
- open: from the opening date to the closing date, both included;
- awaiting report: after the closing date, until the synthesis report is published;
- reported: from the report's publication date (which must be after closing).

The minimum comment period per document kind is CONSULTATION_MINIMUM_DAYS (days, the opening
and closing dates both counted). See the README for where the values come from.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp lấy ý kiến")
    OPEN = "open", _("Đang lấy ý kiến")
    AWAITING_REPORT = "awaiting_report", _("Đã hết hạn, đang tổng hợp ý kiến")
    REPORTED = "reported", _("Đã công bố báo cáo tiếp thu, giải trình")


class DocumentKind(models.TextChoices):
    LEGAL_NORMATIVE = "legal_normative", _("Văn bản quy phạm pháp luật")
    OTHER = "other", _("Văn bản, đề án khác")


def today():
    return timezone.localdate()


def state_of(opens_on, closes_on, report_published_on, on=None):
    on = on or today()
    if report_published_on is not None and report_published_on <= on:
        return ConsultationState.REPORTED
    if on < opens_on:
        return ConsultationState.UPCOMING
    if on <= closes_on:
        return ConsultationState.OPEN
    return ConsultationState.AWAITING_REPORT


def minimum_days(kind):
    return settings.CONSULTATION_MINIMUM_DAYS.get(kind, 0)


def period_days(opens_on, closes_on):
    return (closes_on - opens_on).days + 1


def earliest_closing(kind, opens_on):
    return opens_on + datetime.timedelta(days=max(minimum_days(kind), 1) - 1)
