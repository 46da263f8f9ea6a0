"""E-mail that survives a mail server outage: queued in the database, sent by the task worker.

``queue_email`` stores the message and enqueues ``deliver_email`` once the surrounding
transaction commits (django-tasks, database backend; the worker is ``manage.py db_worker --backend background``).
A failed attempt is retried with a growing delay; after ``MAX_ATTEMPTS`` the message is
given up, and callers can see it (``OutgoingEmail.gave_up``), e.g. to suspend a subscription.
``manage.py send_queued_email`` sends whatever is due, for cron or after a worker was lost.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Minutes to wait after the n-th failed attempt; the last entry repeats until MAX_ATTEMPTS.
BACKOFF_MINUTES = (1, 5, 30, 120, 720)
MAX_ATTEMPTS = 8
# Errors of the mail server or the network: worth another try later.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


def queue_email(to, subject, text, html="", headers=None, key=None):
    """Store one message and have the worker send it; None when ``key`` was queued before."""
    try:
        with transaction.atomic():
            message = OutgoingEmail.objects.create(
                to=to, subject=subject, text=text, html=html, headers=headers or {}, key=key
            )
    except IntegrityError:
        return None
    transaction.on_commit(lambda: deliver_email.enqueue(message.pk))
    return message


def backoff(attempts):
    return timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def send(message):
    """One attempt at ``message``; True once it has been handed to the mail server."""
    if message.sent_at is not None or message.gave_up:
        return message.sent_at is not None
    email = EmailMultiAlternatives(message.subject, message.text, to=[message.to], headers=message.headers)
    if message.html:
        email.attach_alternative(message.html, "text/html")
    try:
        email.send()
    except TRANSIENT_ERRORS as error:
        message.attempts += 1
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.gave_up = message.attempts >= MAX_ATTEMPTS
        message.next_attempt_at = None if message.gave_up else timezone.now() + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "gave_up", "next_attempt_at"])
        logger.warning("E-mail %s not sent (attempt %s): %s", message.pk, message.attempts, message.last_error)
        return False
    message.attempts += 1
    message.sent_at = timezone.now()
    message.save(update_fields=["attempts", "sent_at"])
    return True


@task(backend="background")
def deliver_email(message_id):
    """Task: send one queued message, and schedule the next attempt if the server refused it."""
    message = OutgoingEmail.objects.filter(pk=message_id).first()
    if message is None or send(message):
        return
    if not message.gave_up:
        deliver_email.using(run_after=message.next_attempt_at).enqueue(message.pk)


def due():
    """Unsent messages whose next attempt has come."""
    now = timezone.now()
    return OutgoingEmail.objects.filter(sent_at__isnull=True, gave_up=False).exclude(next_attempt_at__gt=now)


def send_due(limit=None):
    """Send what is due now, oldest first; returns (sent, failed)."""
    sent = failed = 0
    for message in due().order_by("created_at")[:limit]:
        if send(message):
            sent += 1
        else:
            failed += 1
    return sent, failed
