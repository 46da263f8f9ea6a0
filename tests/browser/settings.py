"""Settings of the live server the browser tests start: the test settings, made shareable.

The test settings give every process its own temporary media folder; the browser tests run
several processes (migrate, load_demo, the server) that must see the same files, so the
folders come from the environment. Static files are served by whitenoise straight from the
source folders, as in production but without a collectstatic step.
"""

import os

from portal.settings.test import *  # noqa: F403

DEBUG = False
MEDIA_ROOT = os.environ["BROWSER_TEST_MEDIA_ROOT"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
ROOT_URLCONF = "tests.browser.urls"
# The demo's sub-portals answer at <name>.localhost on the server's port, as in development.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, ".localhost"]  # noqa: F405
