"""Security headers every response carries, and the client address behind the proxy.

Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy,
Cross-Origin-Opener-Policy and (in production) HSTS; XFrameOptionsMiddleware sends
X-Frame-Options. This module adds what Django 5.2 lacks: Content-Security-Policy and
Permissions-Policy. The public site runs no inline script, so its policy is strict;
the Wagtail admin still relies on a few inline scripts and styles and frames its own
previews, so paths under the admin get a separate, looser policy.
"""

from django.conf import settings


def build_policy(directives):
    """``{"default-src": ["'self'"], ...}`` -> ``"default-src 'self'; ..."``."""
    return "; ".join(" ".join([name, *values]).strip() for name, values in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = build_policy(settings.PORTAL_CSP)
        self.admin_policy = build_policy(settings.PORTAL_CSP_ADMIN)
        self.admin_prefixes = tuple(settings.PORTAL_CSP_ADMIN_PATHS)
        self.permissions_policy = settings.PORTAL_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefixes):
            policy = self.admin_policy
        else:
            policy = self.public_policy
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


def client_ip(request):
    """The visitor's address for login throttling.

    Behind nginx every request comes from the proxy, so throttling by REMOTE_ADDR
    would lock everybody out at once. When CLIENT_IP_HEADER names a header that the
    proxy overwrites (nginx: ``proxy_set_header X-Real-IP $remote_addr``), it wins.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.META.get(header, "").split(",")[0].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR")
