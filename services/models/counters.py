"""Daily counts of campaign views and follow-throughs, without personal data."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import Channel
from .pages import CampaignPage, ProcedurePage


class CampaignDailyView(models.Model):
    """Views of a campaign page on one day from one channel. No visitor data is kept."""

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="daily_views")
    channel = models.CharField(_("Kênh"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    day = models.DateField(_("Ngày"), default=timezone.localdate)
    views = models.PositiveIntegerField(_("Lượt xem"), default=0)

    class Meta:
        verbose_name = _("Lượt xem chiến dịch theo ngày")
        verbose_name_plural = _("Lượt xem chiến dịch theo ngày")
        constraints = [models.UniqueConstraint(fields=["campaign", "channel", "day"], name="unique_daily_view")]

    def __str__(self):
        return f"{self.campaign_id} {self.channel} {self.day}: {self.views}"


class CampaignDailyFollowThrough(models.Model):
    """Follow-throughs to one service's online address on one day from one channel."""

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="daily_follow_throughs")
    procedure = models.ForeignKey(ProcedurePage, on_delete=models.CASCADE, related_name="daily_follow_throughs")
    channel = models.CharField(_("Kênh"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    day = models.DateField(_("Ngày"), default=timezone.localdate)
    follow_throughs = models.PositiveIntegerField(_("Lượt truy cập dịch vụ"), default=0)

    class Meta:
        verbose_name = _("Lượt truy cập dịch vụ theo ngày")
        verbose_name_plural = _("Lượt truy cập dịch vụ theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "procedure", "channel", "day"], name="unique_daily_follow")
        ]

    def __str__(self):
        return f"{self.campaign_id} {self.procedure_id} {self.channel} {self.day}: {self.follow_throughs}"
