"""Production: refuses to start without a secret key and allowed hosts."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_required, env_str, refuse_insecure

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY", "production never invents a secret key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set: a comma-separated list of host names")
refuse_insecure(secret_key=SECRET_KEY, allowed_hosts=ALLOWED_HOSTS)

WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# TLS is terminated by the reverse proxy (nginx), which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# nginx overwrites X-Real-IP with the connecting address; login throttling reads it.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "HTTP_X_REAL_IP")

# Two-factor sign-in for superusers and portal administrators, whatever the admin's policy says;
# superusers are exempted only by this explicit switch.
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = not env_bool("TWO_FACTOR_SUPERUSERS_OPTIONAL", False)
TWO_FACTOR_REQUIRED_GROUPS = ["Quản trị cổng"]
