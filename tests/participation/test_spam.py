import base64
import datetime
import json

import pytest
from django import forms
from django.test import RequestFactory, override_settings
from django.utils import timezone

from participation import retention
from participation.spam import ProtectedFormMixin
from portal.models import OutgoingEmail


class CommentForm(ProtectedFormMixin, forms.Form):
    rate_limit_scope = "test"
    email = forms.EmailField()
    text = forms.CharField()


def submit(proof, email="an@example.vn", ip="203.0.113.7", text="Góp ý"):
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    return CommentForm({"email": email, "text": text, "proof": proof}, request=request)


def errors_of(form):
    return " ".join(message for messages in form.errors.values() for message in messages)


def test_the_challenge_endpoint_serves_a_fresh_signed_challenge_never_cached(db, client):
    first = client.get("/tham-gia/altcha/")
    second = client.get("/tham-gia/altcha/")
    assert first.status_code == 200
    assert set(first.json()) == {"algorithm", "challenge", "maxNumber", "salt", "signature"}
    assert first.json()["algorithm"] == "SHA-256"
    assert "expires=" in first.json()["salt"]
    assert first.json()["challenge"] != second.json()["challenge"]
    assert "no-cache" in first["Cache-Control"] or "max-age=0" in first["Cache-Control"]


def test_a_solved_proof_is_accepted(db, proof):
    assert submit(proof()).is_valid()


def test_without_a_proof_the_form_is_refused_in_vietnamese_and_keeps_the_text(db):
    form = submit("", text="Ý kiến của tôi")
    assert not form.is_valid()
    assert "Chưa hoàn tất bước chống thư rác" in errors_of(form)
    assert "JavaScript" in errors_of(form)
    assert form["text"].value() == "Ý kiến của tôi"
    assert 'value=""' not in str(form["proof"]) and "value=" not in str(form["proof"])


def test_a_forged_or_garbled_proof_is_refused(db, proof):
    data = json.loads(base64.b64decode(proof()))
    data["number"] += 1
    forged = base64.b64encode(json.dumps(data).encode()).decode()
    for bad in (forged, "not base64!", base64.b64encode(b"[1, 2]").decode()):
        form = submit(bad)
        assert not form.is_valid()
        assert "không hợp lệ hoặc đã hết hạn" in errors_of(form)


def test_an_expired_proof_is_refused(db, proof, settings):
    settings.ALTCHA_EXPIRES_SECONDS = -5
    form = submit(proof())
    assert not form.is_valid()
    assert "hết hạn" in errors_of(form)


def test_a_replayed_proof_is_refused(db, proof):
    used = proof()
    assert submit(used).is_valid()
    replay = submit(used, email="other@example.vn")
    assert not replay.is_valid()
    assert "đã được dùng" in errors_of(replay)


def test_a_form_refused_for_another_field_does_not_spend_its_proof(db, proof):
    answer = proof()
    assert not submit(answer, email="not an address").is_valid()
    assert submit(answer).is_valid()


@override_settings(PARTICIPATION_RATE_LIMITS={"ip": (3, 3600), "email": (2, 3600)})
def test_the_rate_limit_refuses_a_fourth_submission_from_one_address(db, proof):
    for number in range(3):
        assert submit(proof(), email=f"person{number}@example.vn").is_valid()
    refused = submit(proof(), email="person9@example.vn")
    assert not refused.is_valid()
    assert "quá nhiều lần" in errors_of(refused)
    assert submit(proof(), email="person9@example.vn", ip="198.51.100.1").is_valid()


@override_settings(PARTICIPATION_RATE_LIMITS={"ip": (100, 3600), "email": (2, 3600)})
def test_the_rate_limit_counts_an_email_address_across_client_addresses(db, proof):
    assert submit(proof(), email="An@Example.vn", ip="198.51.100.1").is_valid()
    assert submit(proof(), email="an@example.vn", ip="198.51.100.2").is_valid()
    refused = submit(proof(), email="an@example.vn", ip="198.51.100.3")
    assert "Vui lòng thử lại sau 60 phút" in errors_of(refused)


@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP", PARTICIPATION_RATE_LIMITS={"ip": (1, 3600), "email": (9, 9)})
def test_behind_the_proxy_the_rate_limit_counts_the_real_client_address(db, proof):
    def via_proxy(real_ip, email):
        request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=real_ip)
        return CommentForm({"email": email, "text": "x", "proof": proof()}, request=request)

    assert via_proxy("203.0.113.1", "a@example.vn").is_valid()
    assert via_proxy("203.0.113.2", "b@example.vn").is_valid()
    assert not via_proxy("203.0.113.1", "c@example.vn").is_valid()


@pytest.fixture
def outbox_retention(settings):
    """A registered kind on a real model with a contact field and a text."""
    settings.PARTICIPATION_RETENTION_DAYS = {**settings.PARTICIPATION_RETENTION_DAYS, "test_mail": 30}
    retention.register("test_mail", OutgoingEmail, "created_at", ["to"])
    yield
    retention.unregister("test_mail")


def test_purge_erases_contact_details_past_retention_and_keeps_the_text(db, outbox_retention):
    old = OutgoingEmail.objects.create(to="old@example.vn", subject="s", text="Nội dung cũ")
    recent = OutgoingEmail.objects.create(to="new@example.vn", subject="s", text="Nội dung mới")
    OutgoingEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    OutgoingEmail.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=29))

    assert retention.purge()["test_mail"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.to, old.text) == ("", "Nội dung cũ")
    assert recent.to == "new@example.vn"
    assert retention.purge()["test_mail"] == 0
