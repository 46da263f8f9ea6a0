"""What goes out: confirmation e-mails, immediate alerts and digests, all through portal.outbox.

A page reaches an address once: the outbox key (immediate) or the digest item's key (digest) is
``alert:<subscriber>:<page>:first``, so republishing or correcting a page sends nothing; an
editor's ``MajorChange`` gives the next publication a new key, and the note goes with it.

Publishing only queues one ``fan_out_alerts`` task (the editor does not wait for 50,000 rows);
the worker then matches the page, and writes the e-mails ``CHUNK_SIZE`` subscribers at a time,
each chunk committed with its delivery tasks, so sending starts before the fan-out ends. Rerunning
a fan-out (a worker killed half-way, see ``portal.outbox.requeue_stalled``) queues nothing twice.
"""

import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page, Revision, Site

from portal.models import OutgoingEmail
from portal.outbox import CHUNK_SIZE, queue_email, queue_many

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


def _add_to_digests(subscribers, page, change):
    """Digest items of ``page`` for ``subscribers`` (one chunk): one lookup and one INSERT."""
    items = {alert_key(subscriber, page, change): subscriber for subscriber in subscribers}
    sent = set(OutgoingEmail.objects.filter(key__in=list(items)).values_list("key", flat=True))
    note = change.note if change else ""
    DigestItem.objects.bulk_create(
        [
            DigestItem(key=key, subscriber=subscriber, page=page, change_note=note)
            for key, subscriber in items.items()
            if key not in sent
        ],
        ignore_conflicts=True,  # already waiting: a rerun or a republication
    )


class _ImmediateAlert:
    """The immediate alert of one page, rendered once with a placeholder where each subscriber's token goes:
    50,000 renders would make the fan-out the slow part."""

    def __init__(self, page, change, shown=None):
        self.page, self.change = page, change
        shown = shown or page
        self.placeholder = f"token{secrets.token_hex(8)}"
        self.manage, self.unsubscribe = (
            site_url(reverse(f"alerts:{name}", args=[self.placeholder])) for name in ("manage", "unsubscribe")
        )
        note = change.note if change else ""
        self.text, self.html = _render("alert", {"entry": _entry(shown, note), "manage_url": self.manage})
        subject = _("Cập nhật quan trọng: %(title)s") if change else _("Tin mới: %(title)s")
        self.subject = (subject % {"title": shown.title})[:300]

    def queue(self, subscribers):
        """Queue it to ``subscribers`` (one chunk) in bulk, skipping pages waiting in their digest."""
        return queue_many(self.messages(subscribers))

    def messages(self, subscribers):
        keys = {alert_key(subscriber, self.page, self.change): subscriber for subscriber in subscribers}
        waiting_in_digests = set(DigestItem.objects.filter(key__in=list(keys)).values_list("key", flat=True))
        messages = []
        for key, subscriber in keys.items():
            if key in waiting_in_digests:
                continue
            token = subscriber.manage_token
            messages.append(
                {
                    "to": subscriber.email,
                    "subject": self.subject,
                    "text": self.text.replace(self.placeholder, token),
                    "html": self.html.replace(self.placeholder, token),
                    "headers": list_headers(self.unsubscribe.replace(self.placeholder, token)),
                    "key": key,
                }
            )
        return messages


def matching_topics(page):
    finders = [finder.key for finder in finders_for(page)]
    topics = Topic.objects.filter(finder__in=finders, subscriptions__isnull=False).distinct()
    return [
        topic
        for topic in topics.select_related("site__root_page")
        if topic.covers_site_of(page) and FINDERS[topic.finder].matches(page, topic.filters)
    ]


def queue_alerts(page, revision=None):
    """On publication: queue the fan-out of ``page``'s alerts, with the editor's major change if one waits.

    The change is taken now, for this publication: the next one is a plain republication again; the
    e-mail shows the published ``revision``, not a later correction. The task row is written in the
    publishing transaction, so it exists exactly when the publication does.
    """
    if not finders_for(page.specific):
        return None
    change = MajorChange.objects.filter(page=page, sent_at__isnull=True).order_by("-created_at").first()
    if change:
        MajorChange.objects.filter(page=page, sent_at__isnull=True).update(sent_at=timezone.now())
    return fan_out_alerts.enqueue(page.pk, change.pk if change else None, revision.pk if revision else None)


@task(backend="background")
def fan_out_alerts(page_id, change_id=None, revision_id=None):
    """Task: alert everyone whose topics the published page matches; returns how many addresses."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    change = MajorChange.objects.filter(pk=change_id).first() if change_id else None
    revision = Revision.objects.filter(pk=revision_id).first() if revision_id else None
    return alert_subscribers(page, change, revision.as_object() if revision else None)


def alert_subscribers(page, change=None, shown=None):
    """Alert everyone whose topics the live ``page`` matches, one committed chunk at a time; returns how many."""
    page = page.specific
    if not finders_for(page) or not type(page).objects.live().public().filter(pk=page.pk).exists():
        return 0
    topics = matching_topics(page)
    subscribers = (
        Subscriber.objects.active()
        .filter(subscriptions__topic__in=topics, subscriptions__confirmed_at__isnull=False)
        .distinct()
        .order_by("pk")
    )
    subscribers = list(subscribers.only("pk", "email", "nonce", "frequency"))
    alert = _ImmediateAlert(page, change, shown)
    for start in range(0, len(subscribers), CHUNK_SIZE):
        chunk = subscribers[start : start + CHUNK_SIZE]
        # Built before the transaction: on SQLite it holds the write lock the sending worker needs too.
        messages = alert.messages([subscriber for subscriber in chunk if subscriber.frequency == Frequency.IMMEDIATE])
        with transaction.atomic():
            queue_many(messages)
            _add_to_digests(
                [subscriber for subscriber in chunk if subscriber.frequency != Frequency.IMMEDIATE], page, change
            )
    Topic.objects.filter(pk__in=[topic.pk for topic in topics]).update(last_alert_at=timezone.now())
    return len(subscribers)


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
