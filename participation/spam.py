"""Abuse defence for citizen forms: a self-hosted proof of work (ALTCHA, v1 challenge format).

The browser fetches a signed challenge from ``/tham-gia/altcha/`` and searches for the number
whose SHA-256 with the challenge's salt gives the challenge (static/js/altcha-form.js); the form
sends the answer back in a hidden field. No third party sees the visitor. A proof is spent once:
its signature stays in the cache until the challenge expires, so a replayed proof is refused.

Forms use ``ProtectedFormMixin``: it adds the proof field and, once everything else is valid,
spends the proof and counts the submission against the rate limits (participation.ratelimit).
"""

import base64
import binascii
import datetime
import json
import time

import altcha
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import ratelimit

USED_KEY = "participation:altcha-used:{signature}"

MISSING_MESSAGE = _(
    "Chưa hoàn tất bước chống thư rác. Bước này cần JavaScript: hãy bật JavaScript trong trình duyệt "
    "rồi bấm gửi lại (nội dung bạn đã nhập vẫn được giữ)."
)
INVALID_MESSAGE = _("Bước chống thư rác không hợp lệ hoặc đã hết hạn. Vui lòng bấm gửi lại.")
REPLAYED_MESSAGE = _("Bước chống thư rác này đã được dùng cho một lần gửi khác. Vui lòng bấm gửi lại.")


def hmac_key():
    return settings.ALTCHA_HMAC_KEY or salted_hmac("participation.spam.altcha", "hmac-key").hexdigest()


def new_challenge():
    expires = timezone.now() + datetime.timedelta(seconds=settings.ALTCHA_EXPIRES_SECONDS)
    return altcha.create_challenge_v1(
        algorithm="SHA-256",
        max_number=settings.ALTCHA_MAX_NUMBER,
        salt_length=12,
        hmac_key=hmac_key(),
        salt="",
        number=None,
        expires=expires,
        params=None,
    )


@never_cache
@require_GET
def challenge_view(request):
    """A fresh challenge as JSON, never cached: each form submission needs its own."""
    from django.http import JsonResponse

    return JsonResponse(new_challenge().to_dict())


def decode(payload):
    """The payload's fields, or None when it is not base64 JSON of an object."""
    try:
        data = json.loads(base64.b64decode(payload, validate=True).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def is_valid(payload):
    """True when the payload solves a challenge this portal signed and that has not expired."""
    data = decode(payload)
    if data is None or data.get("algorithm") != "SHA-256":
        return False
    try:
        verified, _error = altcha.verify_solution_v1(data, hmac_key(), check_expires=True)
    except (AttributeError, TypeError, ValueError, KeyError):
        return False
    # An unexpiring proof could be replayed for ever once its cache entry is gone: require one.
    return verified and bool(altcha.extract_params_v1(data).get("expires"))


def spend(payload):
    """Mark a valid proof as used; False when it was used before (a replay)."""
    data = decode(payload)
    expires = int(altcha.extract_params_v1(data)["expires"][0])
    timeout = max(int(expires - time.time()), 1) + 60
    return cache.add(USED_KEY.format(signature=data["signature"]), True, timeout)


class ProofOfWorkInput(forms.HiddenInput):
    """The hidden answer; never re-rendered, so a refused form gets a fresh proof."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.attrs.setdefault("data-altcha-challenge", reverse_lazy("participation_altcha_challenge"))
        self.attrs.setdefault("data-altcha-working", _("Đang xác minh chống thư rác, vui lòng chờ trong giây lát…"))
        self.attrs.setdefault("data-altcha-done", _("Đã xác minh. Đang gửi…"))
        self.attrs.setdefault(
            "data-altcha-failed", _("Không xác minh được chống thư rác. Vui lòng kiểm tra kết nối mạng và gửi lại.")
        )

    def format_value(self, value):
        return None


class ProofOfWorkField(forms.CharField):
    widget = ProofOfWorkInput
    default_error_messages = {"required": MISSING_MESSAGE, "invalid": INVALID_MESSAGE}

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Xác minh chống thư rác"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not is_valid(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return value


class ProtectedFormMixin:
    """A public form protected by proof of work and rate limits; pass ``request=`` to it.

    ``rate_limit_scope`` separates the counters of different forms; ``rate_limit_email_field``
    names the field holding the sender's e-mail, counted apart from the address.
    """

    proof_field_name = "proof"
    rate_limit_scope = "participation"
    rate_limit_email_field = "email"

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields[self.proof_field_name] = ProofOfWorkField()

    def clean(self):
        cleaned = super().clean()
        # Only a submission that is otherwise acceptable spends its proof and counts:
        # a citizen correcting a typo is neither blocked nor rate-limited for it.
        if self._errors:
            return cleaned
        if not spend(cleaned[self.proof_field_name]):
            self.add_error(self.proof_field_name, forms.ValidationError(REPLAYED_MESSAGE, code="replayed"))
            return cleaned
        refusal = ratelimit.refusal(self.request, self.rate_limit_scope, cleaned.get(self.rate_limit_email_field))
        if refusal:
            self.add_error(None, forms.ValidationError(refusal, code="rate_limited"))
        return cleaned
