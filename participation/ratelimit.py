"""Per-address rate limits for citizen submissions, counted in the cache (no database rows).

Two counters per form: the client's IP address (portal.security.client_ip, which honours
CLIENT_IP_HEADER behind nginx as login throttling does) and the sender's e-mail address.
Keys hold a hash, never the address itself. Windows are fixed: the first submission starts one.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from portal.security import client_ip

KEY = "participation:ratelimit:{scope}:{kind}:{digest}"


def _count(scope, kind, value, seconds):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
    key = KEY.format(scope=scope, kind=kind, digest=digest)
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return 1


def refusal(request, scope, email=None):
    """Count one submission; a Vietnamese refusal when it goes over a limit, else None."""
    checks = [("ip", client_ip(request) or "")]
    if email:
        checks.append(("email", email))
    for kind, value in checks:
        allowed, seconds = settings.PARTICIPATION_RATE_LIMITS[kind]
        if _count(scope, kind, value, seconds) > allowed:
            minutes = max(seconds // 60, 1)
            return _("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(minutes)s phút.") % {
                "minutes": minutes
            }
    return None
