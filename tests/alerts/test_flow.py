"""The whole alert flow through a real SMTP server: subscribe, confirm, publish, receive, unsubscribe."""

import datetime

import pytest
from django.test import Client

from alerts.models import Subscriber
from tests.worker import run_background_worker

from .conftest import link_in, path_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ISSUED = datetime.date(2026, 3, 2)


def test_a_citizen_subscribes_confirms_receives_and_unsubscribes_in_one_click(
    subscribe, smtp_sink, make_directive, plan_type, directive_type
):
    response = subscribe(bo_loc=f"loai={plan_type.slug}")
    assert response.status_code == 302

    run_background_worker()
    [confirmation] = smtp_sink.messages()
    assert confirmation["Subject"].strip() == "Xác nhận đăng ký nhận thông báo qua e-mail"
    assert "Kế hoạch" in confirmation.get_body(("plain",)).get_content()
    confirm_path = link_in(confirmation, "/xac-nhan/")

    # Following the link (as a mail scanner does) shows a button and confirms nothing.
    scanner = Client()
    assert "Xác nhận đăng ký" in scanner.get(confirm_path).content.decode()
    make_directive(number="01/KH-UBND", title="Kế hoạch trước khi xác nhận", published_on=ISSUED)
    run_background_worker()
    assert len(smtp_sink.messages()) == 1

    assert Client(enforce_csrf_checks=False).post(confirm_path).status_code == 302
    plan = make_directive(number="02/KH-UBND", title="Kế hoạch chuyển đổi số năm 2026", published_on=ISSUED)
    make_directive(number="03/CT-UBND", title="Chỉ thị không khớp bộ lọc", doc_type=directive_type, published_on=ISSUED)
    run_background_worker()

    [alert] = smtp_sink.messages()[1:]
    assert alert["To"] == "cong-dan@example.org"
    assert alert["Subject"].strip() == "Tin mới: Kế hoạch chuyển đổi số năm 2026"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = alert.get_body(("plain",)).get_content()
    assert plan.get_full_url() in text and plan.get_full_url().startswith("http://localhost/")
    assert "Kế hoạch chuyển đổi số năm 2026" in alert.get_body(("html",)).get_content()
    unsubscribe_url = alert["List-Unsubscribe"].strip().strip("<>")

    # RFC 8058: the mail program posts without session or CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe_url), {"List-Unsubscribe": "One-Click"}, HTTP_HOST="localhost"
    )
    assert one_click.status_code == 200
    assert not Subscriber.objects.filter(email="cong-dan@example.org").exists()

    smtp_sink.clear()
    make_directive(number="04/KH-UBND", title="Kế hoạch sau khi hủy", published_on=ISSUED)
    run_background_worker()
    assert smtp_sink.messages() == []
