"""Local development: safe, local defaults. Never used in production."""

from .base import *  # noqa: F403
from .environment import env_list, env_str

DEBUG = True
# A development-only key: production.py refuses to start without its own.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
# ".localhost": every sub-portal answers on <name>.localhost:$PORT (browsers resolve *.localhost locally).
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", ".localhost"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
