"""Repeated failed admin logins lock the account and the address, with a Vietnamese message."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

PASSWORD = "mat-khau-dung-2026"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("bientap", "bientap@haugiang.gov.vn", PASSWORD, is_staff=True)


def attempt(client, username, password, address="203.0.113.7", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


@override_settings(AXES_ENABLED=True)
def test_five_wrong_passwords_lock_the_account_with_a_vietnamese_message(client, editor):
    for _ in range(5):
        response = attempt(client, "bientap", "sai-mat-khau")
    response = attempt(client, "bientap", PASSWORD)

    assert response.status_code == 429
    text = response.content.decode()
    assert "tạm thời bị khóa" in text
    assert "15 phút" in text
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_a_locked_account_stays_locked_from_another_address(client, editor):
    for _ in range(5):
        attempt(client, "bientap", "sai-mat-khau", address="203.0.113.7")

    response = attempt(client, "bientap", PASSWORD, address="198.51.100.20")

    assert response.status_code == 429


@override_settings(AXES_ENABLED=True)
def test_an_address_guessing_many_accounts_is_locked(client, editor):
    for number in range(5):
        attempt(client, f"khong-ton-tai-{number}", "sai-mat-khau", address="203.0.113.99")

    response = attempt(client, "bientap", PASSWORD, address="203.0.113.99")

    assert response.status_code == 429


@override_settings(AXES_ENABLED=True)
def test_few_failures_still_let_the_right_password_in(client, editor):
    for _ in range(3):
        response = attempt(client, "bientap", "sai-mat-khau")
        assert response.status_code == 200
    response = attempt(client, "bientap", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@override_settings(AXES_ENABLED=True, CLIENT_IP_HEADER="HTTP_X_REAL_IP")
def test_behind_the_proxy_visitors_are_told_apart_by_their_real_address(client, editor):
    # Every request reaches Django from nginx (127.0.0.1); X-Real-IP carries the visitor.
    for number in range(5):
        attempt(client, f"ke-do-mat-khau-{number}", "sai", address="127.0.0.1", HTTP_X_REAL_IP="203.0.113.66")

    response = attempt(client, "bientap", PASSWORD, address="127.0.0.1", HTTP_X_REAL_IP="198.51.100.5")

    assert response.status_code == 302
