"""The fixed lists of values procedures and campaigns choose from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdminLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class Applicants(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    BUSINESS = "business", _("Tổ chức, doanh nghiệp")
    BOTH = "both", _("Công dân, tổ chức, doanh nghiệp")


class Channel(models.TextChoices):
    """Where a counted visit came from: the marker in ``?kenh=`` of a campaign link."""

    WEB = "web", _("Trang web")
    POSTER = "poster", _("Áp phích (mã QR)")
    ZALO = "zalo", _("Zalo")
    FACEBOOK = "facebook", _("Facebook")


class OutreachChannel(models.TextChoices):
    """Every channel a campaign uses, counted or not."""

    WEB = "web", _("Cổng thông tin điện tử")
    POSTER = "poster", _("Áp phích tại bộ phận một cửa, nhà văn hóa")
    ZALO = "zalo", _("Zalo")
    FACEBOOK = "facebook", _("Facebook")
    LOUDSPEAKER = "loudspeaker", _("Loa truyền thanh cơ sở")
    BROADCAST = "broadcast", _("Đài Phát thanh và Truyền hình")
    MEETING = "meeting", _("Họp tổ dân phố, ấp")
    SMS = "sms", _("Tin nhắn SMS")
