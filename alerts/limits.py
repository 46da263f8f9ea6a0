"""Request counters per address and per IP in the shared cache: double opt-in is the spam defence,
these keep one visitor from using the form to flood an inbox or the mail server."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _over(kind, value, limit):
    # Hashed: the cache holds no address in clear.
    key = "alerts-limit:" + kind + ":" + hashlib.sha256(str(value).encode()).hexdigest()
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > limit


def refused(email, ip):
    """Whether this request goes over the hourly limit for its address or its IP (both are counted)."""
    by_ip = _over("ip", ip, settings.ALERTS_SUBSCRIBE_LIMIT_PER_IP)
    by_address = _over("email", email, settings.ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS)
    return by_ip or by_address
