"""E-mail that survives a mail server outage: queued in the database, sent by the task worker.

``queue_email`` stores the message and enqueues ``deliver_email`` once the surrounding
transaction commits (django-tasks, database backend; the worker is ``manage.py db_worker --backend background``).
A failed attempt is retried with a growing delay; after ``MAX_ATTEMPTS`` the message is
given up, and callers can see it (``OutgoingEmail.gave_up``), e.g. to suspend a subscription.
``queue_many`` is the same for thousands of messages at once (alerts): one INSERT per chunk and one
``deliver_batch`` task per ``BATCH_SIZE`` messages, sent over one SMTP connection.
``manage.py send_queued_email`` sends whatever is due, for cron or after a worker was lost, and
queues again the tasks a lost worker had claimed (``requeue_stalled``): every background task of
the portal may run twice, since what it queues or sends is keyed or marked.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
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
# Messages per deliver_batch task: one SMTP connection each. A worker killed mid-batch leaves the
# rest of its batch to ``send_queued_email`` (the task stays claimed), so it should not be huge.
BATCH_SIZE = 500
# Rows per INSERT / per key lookup: under SQLite's limit on query parameters.
CHUNK_SIZE = 2000
# A background task still running after this long was claimed by a worker that died.
STALLED_AFTER = timedelta(minutes=30)


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


def queue_many(messages):
    """Store many keyed messages at once and have the worker send them in batches; returns how many were new.

    ``messages`` are dicts with ``queue_email``'s arguments; each needs a ``key``, since keys are
    how the rows are found again after a bulk INSERT. Keys queued before are skipped, as in ``queue_email``.
    """
    messages = {message["key"]: message for message in messages}
    new_keys = []
    keys = list(messages)
    for start in range(0, len(keys), CHUNK_SIZE):
        chunk = keys[start : start + CHUNK_SIZE]
        known = set(OutgoingEmail.objects.filter(key__in=chunk).values_list("key", flat=True))
        rows = [
            OutgoingEmail(
                to=message["to"],
                subject=message["subject"],
                text=message["text"],
                html=message.get("html", ""),
                headers=message.get("headers") or {},
                key=key,
            )
            for key in chunk
            if key not in known
            for message in [messages[key]]
        ]
        # ignore_conflicts: a key queued meanwhile by someone else is theirs to send.
        OutgoingEmail.objects.bulk_create(rows, ignore_conflicts=True)
        new_keys += [row.key for row in rows]
    ids = []
    for start in range(0, len(new_keys), CHUNK_SIZE):
        ids += OutgoingEmail.objects.filter(key__in=new_keys[start : start + CHUNK_SIZE], attempts=0).values_list(
            "pk", flat=True
        )
    ids.sort()
    batches = [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]
    transaction.on_commit(lambda: [deliver_batch.enqueue(batch) for batch in batches])
    return len(ids)


def backoff(attempts):
    return timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def send(message, connection=None):
    """One attempt at ``message`` (over ``connection`` if given); True once the mail server has taken it."""
    if message.sent_at is not None or message.gave_up:
        return message.sent_at is not None
    email = EmailMultiAlternatives(
        message.subject, message.text, to=[message.to], headers=message.headers, connection=connection
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    try:
        email.send()
    except TRANSIENT_ERRORS as error:
        if connection is not None:
            _reset(connection)
        message.attempts += 1
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.gave_up = message.attempts >= MAX_ATTEMPTS
        message.next_attempt_at = None if message.gave_up else timezone.now() + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "gave_up", "next_attempt_at"])
        logger.warning("E-mail %s not sent (attempt %s): %s", message.pk, message.attempts, message.last_error)
        return False
    # Marked at once, outside any transaction: a worker killed now sends this message again
    # at most (at-least-once delivery; the window is one message per worker).
    message.attempts += 1
    message.sent_at = timezone.now()
    message.save(update_fields=["attempts", "sent_at"])
    return True


def _reset(connection):
    """Drop a connection that failed."""
    try:
        connection.close()
    except TRANSIENT_ERRORS:
        connection.connection = None


def _open(connection):
    """Open ``connection`` for the messages to come; when the server is down, each one's send() says so."""
    try:
        connection.open()
    except TRANSIENT_ERRORS:
        _reset(connection)


def _retry_later(message):
    if not message.gave_up:
        deliver_email.using(run_after=message.next_attempt_at).enqueue(message.pk)


@task(backend="background")
def deliver_email(message_id):
    """Task: send one queued message, and schedule the next attempt if the server refused it."""
    message = OutgoingEmail.objects.filter(pk=message_id).first()
    if message is None or send(message):
        return
    _retry_later(message)


@task(backend="background")
def deliver_batch(message_ids):
    """Task: send queued messages over one SMTP connection; each refused one is retried on its own."""
    # Opened here: a connection send() opens itself is closed again after each message.
    connection = get_connection()
    _open(connection)
    try:
        for message in OutgoingEmail.objects.filter(pk__in=message_ids).order_by("pk").iterator():
            if not send(message, connection):
                _retry_later(message)
                _open(connection)
    finally:
        _reset(connection)


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


def requeue_stalled(older_than=STALLED_AFTER):
    """Hand the background tasks a lost worker had claimed to the next worker; returns how many.

    django-tasks-db never gives a claimed task to another worker, so a worker killed in the middle
    of, say, an alert fan-out would leave the rest of it undone for good.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        backend_name="background",
        status=TaskResultStatus.RUNNING,
        started_at__lt=timezone.now() - older_than,
    ).update(status=TaskResultStatus.READY, started_at=None, run_after=timezone.now())
