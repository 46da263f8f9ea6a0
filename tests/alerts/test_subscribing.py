"""The subscription page: pre-filled from a finder, refusals in Vietnamese that keep the input, limits."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from alerts.models import Subscriber, Topic
from portal import outbox
from portal.models import OutgoingEmail

from .conftest import link_in

pytestmark = pytest.mark.django_db


def test_the_directive_finder_links_to_the_subscription_page_with_its_filters(client, directive_index, plan_type):
    listing = client.get(directive_index.url + f"?loai={plan_type.slug}&nam=abc").content.decode()
    assert f'href="/dang-ky-nhan-tin/?finder=directives&amp;loai={plan_type.slug}"' in listing

    page = client.get(f"/dang-ky-nhan-tin/?finder=directives&loai={plan_type.slug}").content.decode()
    assert "Văn bản chỉ đạo, điều hành – Loại văn bản: Kế hoạch" in page
    assert f'value="loai={plan_type.slug}"' in page


def test_the_news_and_procedure_finders_link_to_the_subscription_page(client, news_index, home_page):
    from services.models import ProcedureIndexPage

    procedures = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc")
    home_page.add_child(instance=procedures)
    procedures.save_revision().publish()
    assert 'href="/dang-ky-nhan-tin/?finder=news"' in client.get(news_index.url).content.decode()
    assert 'href="/dang-ky-nhan-tin/?finder=procedures"' in client.get(procedures.url).content.decode()


def test_a_wrong_address_is_refused_in_vietnamese_and_the_form_keeps_what_was_typed(client, site):
    response = client.post(
        "/dang-ky-nhan-tin/", {"email": "cong-dan@", "finder": "news", "frequency": "weekly", "bo_loc": ""}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Địa chỉ e-mail chưa đúng" in html
    assert 'value="cong-dan@"' in html
    assert re.search(r'<input[^>]*value="weekly"[^>]*checked', html)
    assert not Subscriber.objects.exists() and not OutgoingEmail.objects.exists()


def test_subscribing_sends_only_a_confirmation_and_never_twice_within_the_interval(subscribe, site, smtp_sink):
    subscribe(finder="news")
    subscribe(finder="news")
    assert OutgoingEmail.objects.count() == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=16))
    subscribe(finder="news")
    assert OutgoingEmail.objects.count() == 2
    outbox.send_due()
    assert [m["Subject"].strip() for m in smtp_sink.messages()] == ["Xác nhận đăng ký nhận thông báo qua e-mail"] * 2
    assert Topic.objects.count() == 1


def test_requests_over_the_hourly_limit_per_address_are_refused_with_the_input_kept(subscribe, site, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS = 2
    assert subscribe(finder="news").status_code == 302
    assert subscribe(finder="directives").status_code == 302
    refused = subscribe(finder="procedures")
    assert refused.status_code == 429
    assert "quá nhiều yêu cầu" in refused.content.decode()
    assert 'value="cong-dan@example.org"' in refused.content.decode()
    # Another address from another computer is not affected.
    assert subscribe(email="khac@example.org", REMOTE_ADDR="10.0.0.9").status_code == 302


def test_requests_over_the_hourly_limit_per_ip_are_refused(subscribe, site, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_IP = 2
    for number in range(2):
        assert subscribe(email=f"nguoi-{number}@example.org").status_code == 302
    assert subscribe(email="nguoi-3@example.org").status_code == 429


def test_a_confirmation_link_older_than_its_lifetime_is_refused(subscribe, site, settings, smtp_sink):
    subscribe(finder="news")
    outbox.send_due()
    confirm_path = link_in(smtp_sink.messages()[0], "/xac-nhan/")
    settings.ALERTS_CONFIRMATION_MAX_AGE_HOURS = 0  # every link is now past its lifetime

    response = Client().post(confirm_path)

    assert response.status_code == 410
    assert "Liên kết đã hết hạn" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_a_forged_manage_link_is_refused(client, site):
    response = client.get("/dang-ky-nhan-tin/quan-ly/WzEsImFiYyJd:khong-dung/")
    assert response.status_code == 404
    assert "Liên kết không hợp lệ" in response.content.decode()


def test_the_subscription_page_renders_without_a_topic(client, site):
    response = client.get("/dang-ky-nhan-tin/")
    assert response.status_code == 200
    assert "Nhận thông báo qua e-mail" in response.content.decode()


def test_the_manage_page_changes_frequency_removes_topics_and_erases_the_address(make_subscriber, client):
    subscriber = make_subscriber(finder="news")
    make_subscriber(finder="directives")
    manage = f"/dang-ky-nhan-tin/quan-ly/{subscriber.manage_token}/"
    page = client.get(manage).content.decode()
    assert "Tin chỉ đạo, điều hành" in page and "Văn bản chỉ đạo, điều hành" in page

    client.post(manage, {"frequency": "weekly"})
    assert Subscriber.objects.get().frequency == "weekly"

    news = subscriber.subscriptions.get(topic__finder="news")
    client.post(manage, {"remove": news.pk})
    assert "Tin chỉ đạo, điều hành" not in client.get(manage).content.decode()

    last = subscriber.subscriptions.get()
    response = client.post(manage, {"remove": last.pk})
    assert "Địa chỉ e-mail của bạn đã được xóa" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert client.get(manage).status_code == 404
