"""Online service levels: Decree 42/2022 and the 2011-era levels 1-4, and how they map.

The IT plan 07/KH-UBND (2011-2015) counts services by the levels of Decree 43/2011/NĐ-CP:

    level 1  information about the procedure is published online;
    level 2  level 1, and the forms can be downloaded and filled in;
    level 3  level 2, and the dossier is submitted and processed online; fees are paid and the
             result is collected at the office;
    level 4  level 3, and fees are paid online and the result is delivered online or by post.

Decree 42/2022/NĐ-CP replaced them with two kinds of online public service:

    "toàn trình" (full)   the whole procedure is done online: this is the old level 4;
    "một phần" (partial)  part of it is done online: this is the old level 3;
    anything else is not an online public service: the old levels 1 and 2 (information and forms).

So each procedure keeps both: ``online_level`` for today's public listing and ``legacy_level`` so
the plan's level-2 and level-3 counts stay comparable over the years.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.vietnamese import fold


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Chưa trực tuyến")


class LegacyLevel(models.IntegerChoices):
    INFORMATION = 1, _("Mức độ 1 – thông tin")
    FORMS = 2, _("Mức độ 2 – tải biểu mẫu")
    SUBMISSION = 3, _("Mức độ 3 – nộp hồ sơ trực tuyến")
    COMPLETE = 4, _("Mức độ 4 – trực tuyến hoàn toàn")


def online_level_for_legacy(legacy_level):
    """Decree 42/2022 level equivalent to a 2011-era level."""
    if legacy_level >= LegacyLevel.COMPLETE:
        return OnlineLevel.FULL
    if legacy_level == LegacyLevel.SUBMISSION:
        return OnlineLevel.PARTIAL
    return OnlineLevel.NONE


def legacy_level_for_online(online_level, has_forms=False):
    """2011-era level equivalent to a Decree 42/2022 level.

    "Not online" is level 2 when forms can be downloaded and level 1 otherwise.
    """
    if online_level == OnlineLevel.FULL:
        return LegacyLevel.COMPLETE
    if online_level == OnlineLevel.PARTIAL:
        return LegacyLevel.SUBMISSION
    return LegacyLevel.FORMS if has_forms else LegacyLevel.INFORMATION


def parse_service_level(text, has_forms=False):
    """``(online_level, legacy_level)`` for an import cell, or ``None`` when it is not understood.

    Accepts 1-4 (also "Mức độ 3"), "toàn trình" and "một phần", with or without accents.
    """
    folded = " ".join(fold(text).replace("-", " ").split())
    if not folded:
        return None
    digits = [ch for ch in folded if ch.isdigit()]
    if "toan trinh" in folded:
        return OnlineLevel.FULL, LegacyLevel.COMPLETE
    if "mot phan" in folded:
        return OnlineLevel.PARTIAL, LegacyLevel.SUBMISSION
    if len(digits) == 1 and digits[0] in "1234":
        legacy = LegacyLevel(int(digits[0]))
        return online_level_for_legacy(legacy), legacy
    return None
