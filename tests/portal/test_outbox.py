"""Queued e-mail reaches a real SMTP server through the task worker, and survives the server being down."""

import io
import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal import outbox
from portal.models import OutgoingEmail
from tests.worker import run_background_worker

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The worker takes its own transactions, as it does in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_queued_message_is_delivered_by_the_worker_with_its_html_and_headers(smtp_sink):
    outbox.queue_email(
        "cong-dan@example.org",
        "Xác nhận đăng ký nhận tin",
        "Nội dung văn bản",
        html="<p>Nội dung <strong>HTML</strong></p>",
        headers={"List-Unsubscribe": "<https://example.org/huy/abc/>"},
    )
    assert smtp_sink.messages() == []  # queued, not sent in the request

    run_background_worker()

    [message] = smtp_sink.messages()
    assert message["To"] == "cong-dan@example.org"
    assert message["Subject"] == "Xác nhận đăng ký nhận tin"
    assert message["List-Unsubscribe"] == "<https://example.org/huy/abc/>"
    assert message.get_body(("plain",)).get_content().strip() == "Nội dung văn bản"
    assert "<strong>HTML</strong>" in message.get_body(("html",)).get_content()
    assert OutgoingEmail.objects.get().sent_at is not None


def test_the_same_key_is_never_queued_twice(smtp_sink):
    assert outbox.queue_email("a@example.org", "Tin mới", "…", key="alert:1:page:7") is not None
    assert outbox.queue_email("a@example.org", "Tin mới", "…", key="alert:1:page:7") is None
    assert OutgoingEmail.objects.count() == 1


def test_a_message_waits_while_the_mail_server_is_down_and_goes_out_when_it_returns(smtp_sink, settings):
    message = outbox.queue_email("cong-dan@example.org", "Câu hỏi của bạn đã được tiếp nhận", "Mã tra cứu: HD-1")
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, closed_port()

    assert outbox.send_due() == (0, 1)
    message.refresh_from_db()
    assert message.sent_at is None and message.attempts == 1 and "Connection" in message.last_error
    assert message.next_attempt_at > timezone.now()
    assert outbox.send_due() == (0, 0)  # not due again before its backoff

    settings.EMAIL_PORT = working_port
    OutgoingEmail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_queued_email", stdout=io.StringIO())

    assert [m["Subject"].strip() for m in smtp_sink.messages()] == ["Câu hỏi của bạn đã được tiếp nhận"]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 2


def test_a_message_is_given_up_after_the_last_attempt(smtp_sink, settings):
    message = outbox.queue_email("sai@example.org", "Tin mới", "…")
    settings.EMAIL_PORT = closed_port()
    OutgoingEmail.objects.filter(pk=message.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)

    outbox.send_due()

    message.refresh_from_db()
    assert message.gave_up and message.next_attempt_at is None
    assert smtp_sink.messages() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_messages_queued_at_once_each_arrive_once_and_known_keys_are_skipped(smtp_sink):
    outbox.queue_email("da-co@example.org", "Tin mới", "…", key="alert:0:7:first")
    messages = [
        {"to": f"nguoi-{n}@example.org", "subject": "Tin mới", "text": f"Thư {n}", "key": f"alert:{n}:7:first"}
        for n in range(1203)
    ]

    assert outbox.queue_many(messages) == 1202  # alert:0 was queued before
    assert outbox.queue_many(messages) == 0
    run_background_worker()

    received = sorted(message["To"] for message in smtp_sink.messages())
    assert received == sorted(["da-co@example.org"] + [f"nguoi-{n}@example.org" for n in range(1, 1203)])
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_batch_goes_to_the_mail_server_over_one_connection_and_each_message_arrives_once(smtp_sink, monkeypatch):
    import smtplib

    connections = []
    connect = smtplib.SMTP.connect

    def counted(self, *args, **kwargs):
        connections.append(args)
        return connect(self, *args, **kwargs)

    monkeypatch.setattr(smtplib.SMTP, "connect", counted)
    outbox.queue_many(
        {"to": f"nguoi-{n}@example.org", "subject": "Tin mới", "text": f"Thư {n}", "key": f"alert:{n}:9:first"}
        for n in range(40)
    )

    run_background_worker()

    assert sorted(message["To"] for message in smtp_sink.messages()) == sorted(
        f"nguoi-{n}@example.org" for n in range(40)
    )
    assert len(connections) == 1
