"""Answers to "Thông tin này có hữu ích không?" at the foot of guidance, procedure and directive pages.

Only the page, the answer, the optional reason and the day are stored: no IP address, user agent,
cookie or time of day, so an answer cannot be traced back to whoever gave it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REASON_MAX_LENGTH = 300


class PageFeedbackQuerySet(models.QuerySet):
    def counts_per_page(self):
        """One row per page: ``page``, ``yes``, ``no``; the most "no" first."""
        return (
            self.values("page")
            .annotate(
                yes=models.Count("pk", filter=models.Q(helpful=True)),
                no=models.Count("pk", filter=models.Q(helpful=False)),
            )
            .order_by("-no", "yes", "page")
        )


class PageFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("Trang"), on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField(_("Hữu ích"))
    reason = models.CharField(_("Lý do"), max_length=REASON_MAX_LENGTH, blank=True)
    day = models.DateField(_("Ngày"), default=timezone.localdate, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-pk"]
        verbose_name = _("Phản hồi về trang")
        verbose_name_plural = _("Phản hồi về trang")

    def __str__(self):
        return f"{self.page_id}: {'có' if self.helpful else 'không'}"
