"""Two-factor authentication for staff, on django-otp's TOTP devices.

After Wagtail's own password login (throttled by django-axes), a user who has
an authenticator device, or whom the admin's two-factor policy covers, must
enter a one-time code before any other admin page. Covered users without a
device are sent to set one up first. django-otp throttles wrong codes itself.

Outside the admin such a user, until the code is confirmed, is served as a visitor: staff-only
things on the public side (withheld documents, pages restricted to signed-in users or to groups)
stay closed to a session that passed the password alone.
"""

import functools

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django_otp import user_has_device

ALWAYS_ALLOWED = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "portal_two_factor_verify",
    "portal_two_factor_setup",
)


def user_must_use_two_factor(user):
    from .models import TwoFactorPolicy

    if user_has_device(user, confirmed=True):
        return True
    return TwoFactorPolicy.load().applies_to(user)


def user_needs_code(user):
    """True while a covered user has not yet confirmed a code in this session."""
    if not user.is_authenticated or user.is_verified():
        return False
    return user_must_use_two_factor(user)


def is_verified_staff(request):
    """A signed-in user who may use the admin and, if the policy covers them, confirmed a code."""
    user = request.user
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin") and not user_needs_code(user)


def _visitor_unless_verified(user):
    if not user_needs_code(user):
        return user
    visitor = AnonymousUser()
    # What django-otp's middleware gives every user, so code that asks gets an answer.
    visitor.otp_device = None
    visitor.is_verified = lambda: False
    return visitor


class TwoFactorMiddleware:
    """Keeps an unverified covered user on the two-factor pages inside the admin, a visitor outside it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(settings.TWO_FACTOR_PROTECTED_PATHS):
            redirect_response = self.redirect_if_unverified(request)
            if redirect_response is not None:
                return redirect_response
        else:
            # Lazy, like the user itself: a visitor without a session costs no query.
            request.user = SimpleLazyObject(functools.partial(_visitor_unless_verified, request.user))
        return self.get_response(request)

    def redirect_if_unverified(self, request):
        match = request.resolver_match or _resolve(request.path_info)
        if match is not None and match.url_name in ALWAYS_ALLOWED:
            return None
        if not user_needs_code(request.user):
            return None
        if user_has_device(request.user, confirmed=True):
            target = reverse("portal_two_factor_verify")
        else:
            target = reverse("portal_two_factor_setup")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def _resolve(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None
