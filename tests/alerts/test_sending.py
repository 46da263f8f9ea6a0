"""What publishing sends: once per address, digests grouped, major changes with their note, faults survived."""

import datetime
import io
import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import MajorChange, Subscriber
from portal import outbox
from portal.models import OutgoingEmail
from tests.worker import run_background_worker

# Publishing queues a fan-out task; the worker (in its own transactions, as in production) does the rest.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ISSUED = datetime.date(2026, 3, 2)


def subjects(smtp_sink):
    return sorted((m["To"], m["Subject"].strip()) for m in smtp_sink.messages())


def test_republishing_or_correcting_a_page_sends_nothing_again(make_subscriber, make_directive, smtp_sink):
    make_subscriber()
    plan = make_directive(title="Kế hoạch số hóa", published_on=ISSUED)
    plan.title = "Kế hoạch số hóa (sửa lỗi chính tả)"
    plan.save_revision().publish()
    plan.save_revision().publish()
    run_background_worker()
    assert subjects(smtp_sink) == [("cong-dan@example.org", "Tin mới: Kế hoạch số hóa")]


def test_a_major_change_is_sent_again_with_its_note_once(make_subscriber, make_directive, smtp_sink):
    make_subscriber()
    plan = make_directive(title="Kế hoạch số hóa", published_on=ISSUED)
    MajorChange.objects.create(page=plan, note="Lùi thời hạn nộp báo cáo đến 30/6.")
    plan.save_revision().publish()
    plan.save_revision().publish()  # the note went with the previous publication
    run_background_worker()

    first, change = smtp_sink.messages()
    assert change["Subject"].strip() == "Cập nhật quan trọng: Kế hoạch số hóa"
    assert "Thay đổi quan trọng: Lùi thời hạn nộp báo cáo đến 30/6." in change.get_body(("plain",)).get_content()
    assert "Lùi thời hạn" in change.get_body(("html",)).get_content()
    assert len(smtp_sink.messages()) == 2


def test_daily_subscribers_get_one_digest_with_every_page_and_nothing_twice(
    make_subscriber, make_directive, make_news, smtp_sink
):
    make_subscriber("ngay@example.org", frequency="daily")
    make_subscriber("ngay@example.org", finder="news")  # two topics, one address
    make_subscriber("tuan@example.org", frequency="weekly")
    make_directive(number="01/KH-UBND", title="Kế hoạch một", published_on=ISSUED)
    make_directive(number="02/KH-UBND", title="Kế hoạch hai", published_on=ISSUED)
    make_news(title="Họp giao ban tháng 3")
    run_background_worker()
    assert smtp_sink.messages() == []  # nothing until the digest

    call_command("send_digests", "--frequency", "daily", stdout=io.StringIO())
    call_command("send_digests", "--frequency", "daily", stdout=io.StringIO())  # cron ran twice
    outbox.send_due()

    [digest] = smtp_sink.messages()
    assert digest["To"] == "ngay@example.org"
    assert digest["Subject"].strip() == "Tổng hợp hằng ngày: 3 tin mới"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = digest.get_body(("plain",)).get_content()
    assert text.index("Kế hoạch một") < text.index("Kế hoạch hai") < text.index("Họp giao ban tháng 3")

    smtp_sink.clear()
    call_command("send_digests", "--frequency", "weekly", stdout=io.StringIO())
    outbox.send_due()
    [weekly] = smtp_sink.messages()
    assert weekly["To"] == "tuan@example.org"
    assert weekly["Subject"].strip() == "Tổng hợp hằng tuần: 2 tin mới"


def test_only_pages_matching_the_filters_are_sent(make_subscriber, make_directive, directive_type, smtp_sink):
    make_subscriber(filters={"loai": directive_type.slug})
    make_directive(number="01/KH-UBND", title="Kế hoạch không khớp", published_on=ISSUED)
    make_directive(number="02/CT-UBND", title="Chỉ thị khớp", doc_type=directive_type, published_on=ISSUED)
    run_background_worker()
    assert subjects(smtp_sink) == [("cong-dan@example.org", "Tin mới: Chỉ thị khớp")]


def test_procedure_alerts_use_the_procedure_finder_filters(make_subscriber, make_procedure, smtp_sink):
    from services.models import ProcedureField

    civil = ProcedureField.objects.create(name="Hộ tịch")
    make_subscriber(finder="procedures", filters={"linh_vuc": civil.slug})
    make_procedure(title="Đăng ký khai sinh", field="Hộ tịch")
    make_procedure(title="Cấp giấy chứng nhận quyền sử dụng đất", field="Đất đai")
    run_background_worker()
    assert subjects(smtp_sink) == [("cong-dan@example.org", "Tin mới: Đăng ký khai sinh")]


def test_an_alert_waits_while_the_mail_server_is_down_and_arrives_once_it_is_back(
    make_subscriber, make_directive, smtp_sink, settings
):
    make_subscriber()
    working_port = settings.EMAIL_PORT
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = probe.getsockname()[1]
    make_directive(title="Kế hoạch khi máy chủ thư hỏng", published_on=ISSUED)
    run_background_worker()
    assert OutgoingEmail.objects.get().attempts == 1

    settings.EMAIL_PORT = working_port
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    outbox.send_due()
    assert subjects(smtp_sink) == [("cong-dan@example.org", "Tin mới: Kế hoạch khi máy chủ thư hỏng")]


def test_an_address_the_outbox_gave_up_on_is_suspended_and_gets_nothing_more(
    make_subscriber, make_directive, smtp_sink, settings
):
    make_subscriber("sai@example.org")
    make_subscriber("dung@example.org")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, probe.getsockname()[1]
    make_directive(number="01/KH-UBND", title="Kế hoạch một", published_on=ISSUED)
    run_background_worker()  # the mail server is down: both wait for their next attempt
    message = OutgoingEmail.objects.get(to="sai@example.org")
    OutgoingEmail.objects.filter(pk=message.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)
    outbox.send(OutgoingEmail.objects.get(pk=message.pk))
    settings.EMAIL_PORT = working_port

    assert Subscriber.objects.get(email="sai@example.org").suspended
    make_directive(number="02/KH-UBND", title="Kế hoạch hai", published_on=ISSUED)
    run_background_worker()
    assert [m["To"] for m in smtp_sink.messages() if "Kế hoạch hai" in m["Subject"]] == ["dung@example.org"]


def test_unconfirmed_subscribers_get_nothing(subscribe, make_directive, site, smtp_sink):
    subscribe()
    make_directive(title="Kế hoạch", published_on=ISSUED)
    run_background_worker()
    assert [m["Subject"].strip() for m in smtp_sink.messages()] == ["Xác nhận đăng ký nhận thông báo qua e-mail"]
