"""What goes out: confirmation e-mails, immediate alerts and digests, all through portal.outbox.

A page reaches an address once: the outbox key (immediate) or the digest item's key (digest) is
``alert:<subscriber>:<page>:first``, so republishing or correcting a page sends nothing; an
editor's ``MajorChange`` gives the next publication a new key, and the note goes with it.
"""

import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.models import OutgoingEmail
from portal.outbox import queue_email, queue_many

from .finders import FINDERS, finders_for
from .models import DigestItem, Frequency, MajorChange, Subscriber, Topic


def site_url(path):
    """An absolute URL on the province portal, where subscriptions are managed."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "") + path


def manage_url(subscriber):
    return site_url(reverse("alerts:manage", args=[subscriber.manage_token]))


def unsubscribe_url(subscriber):
    return site_url(reverse("alerts:unsubscribe", args=[subscriber.manage_token]))


def list_headers(unsubscribe):
    """RFC 2369 / RFC 8058: mail programs show an unsubscribe button that POSTs to this URL."""
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _render(template, context):
    from home.models import PortalSettings

    site = Site.objects.filter(is_default_site=True).first()
    context = {**context, "portal_name": PortalSettings.for_site(site).portal_name if site else ""}
    return (
        render_to_string(f"alerts/email/{template}.txt", context).strip() + "\n",
        render_to_string(f"alerts/email/{template}.html", context),
    )


def send_confirmation(subscriber, confirm_url):
    """Queue the double opt-in e-mail unless one went out within the interval; True if queued."""
    now = timezone.now()
    if not subscriber.may_send_confirmation(now):
        return False
    topics = [subscription.topic.label for subscription in subscriber.subscriptions.select_related("topic")]
    text, html = _render("confirm", {"confirm_url": confirm_url, "topics": topics, "subscriber": subscriber})
    queue_email(subscriber.email, _("Xác nhận đăng ký nhận thông báo qua e-mail"), text, html=html)
    subscriber.confirmation_sent_at = now
    subscriber.save(update_fields=["confirmation_sent_at"])
    return True


def alert_key(subscriber, page, change=None):
    return f"alert:{subscriber.pk}:{page.pk}:{f'change-{change.pk}' if change else 'first'}"


def _entry(page, note=""):
    return {
        "title": page.title,
        "summary": page.specific.link_preview_description(),
        "url": page.get_full_url(),
        "note": note,
    }


def _add_to_digest(subscriber, page, change):
    key = alert_key(subscriber, page, change)
    if not OutgoingEmail.objects.filter(key=key).exists():
        DigestItem.objects.get_or_create(
            key=key, defaults={"subscriber": subscriber, "page": page, "change_note": change.note if change else ""}
        )


def _immediate_alerts(subscribers, page, change):
    """The immediate alerts of ``page`` to ``subscribers``, queued in bulk; only the links differ per address.

    Rendered once with a placeholder where the subscriber's token goes: 50,000 renders would take
    the worker's place as the slow part of publishing.
    """
    placeholder = f"token{secrets.token_hex(8)}"
    manage, unsubscribe = (
        site_url(reverse(f"alerts:{name}", args=[placeholder])) for name in ("manage", "unsubscribe")
    )
    note = change.note if change else ""
    text, html = _render("alert", {"entry": _entry(page, note), "manage_url": manage})
    subject = (_("Cập nhật quan trọng: %(title)s") if change else _("Tin mới: %(title)s")) % {"title": page.title}
    waiting_in_digests = set(DigestItem.objects.filter(page=page).values_list("key", flat=True))
    messages = []
    for subscriber in subscribers:
        key = alert_key(subscriber, page, change)
        if key in waiting_in_digests:
            continue
        token = subscriber.manage_token
        messages.append(
            {
                "to": subscriber.email,
                "subject": subject[:300],
                "text": text.replace(placeholder, token),
                "html": html.replace(placeholder, token),
                "headers": list_headers(unsubscribe.replace(placeholder, token)),
                "key": key,
            }
        )
    return queue_many(messages)


def matching_topics(page):
    finders = [finder.key for finder in finders_for(page)]
    topics = Topic.objects.filter(finder__in=finders, subscriptions__isnull=False).distinct()
    return [
        topic
        for topic in topics.select_related("site__root_page")
        if topic.covers_site_of(page) and FINDERS[topic.finder].matches(page, topic.filters)
    ]


def alert_subscribers(page):
    """Alert everyone whose topics the just-published ``page`` matches; returns how many addresses."""
    page = page.specific
    if not finders_for(page) or not type(page).objects.live().public().filter(pk=page.pk).exists():
        return 0
    change = MajorChange.objects.filter(page=page, sent_at__isnull=True).order_by("-created_at").first()
    topics = matching_topics(page)
    now = timezone.now()
    subscribers = (
        Subscriber.objects.active()
        .filter(subscriptions__topic__in=topics, subscriptions__confirmed_at__isnull=False)
        .distinct()
    )
    subscribers = list(subscribers.only("pk", "email", "nonce", "frequency"))
    immediate = [subscriber for subscriber in subscribers if subscriber.frequency == Frequency.IMMEDIATE]
    with transaction.atomic():
        _immediate_alerts(immediate, page, change)
        for subscriber in subscribers:
            if subscriber.frequency != Frequency.IMMEDIATE:
                _add_to_digest(subscriber, page, change)
    count = len(subscribers)
    Topic.objects.filter(pk__in=[topic.pk for topic in topics]).update(last_alert_at=now)
    if change:
        MajorChange.objects.filter(page=page, sent_at__isnull=True).update(sent_at=now)
    return count


def send_digest(subscriber):
    """One e-mail with every page waiting for ``subscriber``; the items are marked sent with it."""
    items = list(subscriber.digest_items.filter(sent_at__isnull=True).select_related("page").order_by("created_at"))
    if not items:
        return False
    entries = [_entry(item.page, item.change_note) for item in items if item.page.live]
    with transaction.atomic():
        if entries:
            context = {
                "entries": entries,
                "manage_url": manage_url(subscriber),
                "frequency": subscriber.get_frequency_display(),
            }
            text, html = _render("digest", context)
            subject = _("%(frequency)s: %(count)s tin mới") % {
                "frequency": subscriber.get_frequency_display(),
                "count": len(entries),
            }
            # Keyed by the items it carries: a digest run killed half-way and started again sends nothing twice.
            key = f"digest:{subscriber.pk}:{items[0].pk}-{items[-1].pk}"
            queue_email(
                subscriber.email, subject, text, html=html, headers=list_headers(unsubscribe_url(subscriber)), key=key
            )
        DigestItem.objects.filter(pk__in=[item.pk for item in items]).update(sent_at=timezone.now())
    return bool(entries)


def send_digests(frequency):
    """Queue the digests of every active subscriber with ``frequency``; returns how many were queued."""
    subscribers = Subscriber.objects.active().filter(frequency=frequency, digest_items__sent_at__isnull=True)
    return sum(send_digest(subscriber) for subscriber in subscribers.distinct().iterator())
