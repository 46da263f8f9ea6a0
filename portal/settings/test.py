"""Settings for the test suite: the database comes from DATABASE_URL when set."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 - never leaves the test run
# ".localhost": the demo's sub-portals live on <name>.localhost, as in development.
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
# Project-wide layers that would leak state between tests or demand a real login flow;
# tests/portal switches each one on where it is the subject.
PAGE_CACHE_ENABLED = False
AXES_ENABLED = False
