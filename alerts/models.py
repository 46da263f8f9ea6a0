"""E-mail alerts: who subscribed (only while the subscription lives), to what, and what is waiting to be sent.

A topic is a finder and its filters (``alerts.finders``), optionally scoped to a sub-portal's site.
Nothing is sent but a confirmation until the subscriber confirms (double opt-in).
"""

import json
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MANAGE_SALT = "alerts.manage"
CONFIRM_SALT = "alerts.confirm"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Ngay khi có tin mới")
    DAILY = "daily", _("Tổng hợp hằng ngày")
    WEEKLY = "weekly", _("Tổng hợp hằng tuần")


def new_nonce():
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Subscribers alerts go to: confirmed and not suspended."""
        return self.filter(confirmed_at__isnull=False, suspended=False)

    def unconfirmed_expired(self, now=None):
        """Addresses never confirmed within the link's lifetime: nothing justifies keeping them."""
        limit = (now or timezone.now()) - timedelta(hours=settings.ALERTS_CONFIRMATION_MAX_AGE_HOURS)
        return self.filter(confirmed_at__isnull=True, created_at__lt=limit)

    def from_token(self, token):
        """The subscriber a manage link was made for; None for a forged, altered or stale link."""
        try:
            pk, nonce = signing.Signer(salt=MANAGE_SALT).unsign_object(token)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        return self.filter(pk=pk, nonce=nonce).first()

    def from_confirmation_token(self, token):
        """(subscriber, expired): the link's subscriber, or None with whether it was only too old."""
        signer = signing.TimestampSigner(salt=CONFIRM_SALT)
        try:
            pk, nonce = signer.unsign_object(token, max_age=timedelta(hours=settings.ALERTS_CONFIRMATION_MAX_AGE_HOURS))
        except signing.SignatureExpired:
            return None, True
        except (signing.BadSignature, ValueError, TypeError):
            return None, False
        return self.filter(pk=pk, nonce=nonce).first(), False


class Subscriber(models.Model):
    """One e-mail address. Deleted, address and all, when it unsubscribes."""

    email = models.EmailField(_("Địa chỉ e-mail"), unique=True)
    # Random and never shown: links carry it signed with SECRET_KEY, so a link cannot be guessed
    # from the id, and a new subscriber who gets an old id does not inherit old links.
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    frequency = models.CharField(_("Tần suất"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    created_at = models.DateTimeField(_("Đăng ký lúc"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Xác nhận lúc"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("Gửi thư xác nhận lúc"), null=True, blank=True)
    suspended = models.BooleanField(
        _("Tạm ngừng gửi"), default=False, help_text=_("Thư gửi đến địa chỉ này liên tục thất bại.")
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Người đăng ký nhận tin")
        verbose_name_plural = _("Người đăng ký nhận tin")

    def __str__(self):
        return _("Người đăng ký #%(id)s") % {"id": self.pk}

    @property
    def manage_token(self):
        return signing.Signer(salt=MANAGE_SALT).sign_object([self.pk, self.nonce])

    def confirmation_token(self):
        return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object([self.pk, self.nonce])

    def may_send_confirmation(self, now=None):
        """A confirmation e-mail goes out at most once per ALERTS_CONFIRMATION_INTERVAL_MINUTES."""
        if self.confirmation_sent_at is None:
            return True
        interval = timedelta(minutes=settings.ALERTS_CONFIRMATION_INTERVAL_MINUTES)
        return (now or timezone.now()) - self.confirmation_sent_at >= interval

    def confirm(self):
        now = timezone.now()
        if self.confirmed_at is None:
            self.confirmed_at = now
            self.save(update_fields=["confirmed_at"])
        self.subscriptions.filter(confirmed_at__isnull=True).update(confirmed_at=now)


class Topic(models.Model):
    """What can be subscribed to: a finder (``alerts.finders``) with its filters, on a site."""

    finder = models.CharField(_("Danh mục"), max_length=50)
    filters = models.JSONField(_("Bộ lọc"), default=dict, blank=True)
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Cổng"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # finder, site and filters in one canonical string, so the same topic is stored once.
    key = models.CharField(max_length=500, unique=True, editable=False)
    label = models.CharField(_("Chủ đề"), max_length=500)
    last_alert_at = models.DateTimeField(_("Có tin mới gần nhất lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Chủ đề nhận tin")
        verbose_name_plural = _("Chủ đề nhận tin")

    def __str__(self):
        return self.label

    @staticmethod
    def make_key(finder, filters, site):
        return f"{finder}|{site.pk if site else ''}|{json.dumps(filters, sort_keys=True, ensure_ascii=False)}"

    @classmethod
    def get_or_create_for(cls, finder, filters, site):
        return cls.objects.get_or_create(
            key=cls.make_key(finder.key, filters, site),
            defaults={"finder": finder.key, "filters": filters, "site": site, "label": finder.describe(filters)},
        )[0]

    def covers_site_of(self, page):
        """Whether ``page`` lies in the topic's scope: the province portal's topics cover every site."""
        if self.site is None or self.site.is_default_site:
            return True
        return page.path.startswith(self.site.root_page.path)


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)
    # A topic added to an address is confirmed from that address too, before anything is sent.
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "topic"], name="alerts_one_subscription")]
        verbose_name = _("Đăng ký chủ đề")
        verbose_name_plural = _("Đăng ký chủ đề")

    def __str__(self):
        return str(self.topic)


class DigestItem(models.Model):
    """A page waiting for a subscriber's daily or weekly digest; kept after sending so it never goes twice."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="digest_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    change_note = models.TextField(blank=True)
    # The same key an immediate alert would have (alerts.sending.alert_key).
    key = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("Tin chờ gửi tổng hợp")
        verbose_name_plural = _("Tin chờ gửi tổng hợp")

    def __str__(self):
        return self.key


class MajorChange(models.Model):
    """An editor's note that a published page changed in substance: its next publication is sent again.

    Kept apart from the page types so every finder's pages (and later ones) get it without a migration.
    """

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("Trang"), on_delete=models.CASCADE, related_name="+")
    note = models.TextField(
        _("Nội dung thay đổi"),
        max_length=1000,
        help_text=_("Lần xuất bản tiếp theo của trang sẽ gửi lại thông báo cho người đăng ký, kèm ghi chú này."),
    )
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Đã gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Thay đổi quan trọng")
        verbose_name_plural = _("Thay đổi quan trọng")

    def __str__(self):
        return self.note[:80]
