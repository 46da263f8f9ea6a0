"""The two-factor pages of the admin: confirm a code, set up an authenticator app."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import user_must_use_two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=8,
        help_text=_("Mã 6 chữ số đang hiển thị trong ứng dụng xác thực trên điện thoại của bạn."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not any(device.verify_is_allowed()[0] for device in self.devices):
            raise forms.ValidationError(
                _("Bạn đã nhập sai mã nhiều lần. Vui lòng chờ ít giây rồi nhập mã mới nhất."), code="throttled"
            )
        for device in self.devices:
            if device.verify_token(code):
                self.device = device
                return code
        raise forms.ValidationError(
            _("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới nhất trong ứng dụng."), code="invalid"
        )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    devices = list(devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect(f"{reverse('portal_two_factor_setup')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(_next_url(request))
    return TemplateResponse(request, "portal/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Add an authenticator app: scan the QR code (or type the key), confirm one code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not request.user.is_verified() and user_has_device(request.user, confirmed=True):
        # A user with a device proves it first; setting up another is no way around it.
        return redirect(f"{reverse('portal_two_factor_verify')}?next={request.get_full_path()}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Ứng dụng xác thực", confirmed=False)
    form = CodeForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Đã bật xác thực hai bước cho tài khoản của bạn."))
        return redirect(_next_url(request))
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, title="Mã QR cài đặt"),
        "secret": b32encode(device.bin_key).decode("ascii"),
        "required": user_must_use_two_factor(request.user),
    }
    return TemplateResponse(request, "portal/two_factor_setup.html", context)
