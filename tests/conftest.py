import email
import email.policy
import io
import mailbox
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Site


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, and
    the site structure kept per content generation (home.structure) must not outlive it."""
    cache.clear()


@pytest.fixture(autouse=True)
def _vietnamese_first():
    """Each test starts in Vietnamese: LocaleMiddleware activates a request's language in the thread
    and nothing switches it back, so a test that opened an /en/ page would leave English behind."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db):
    """A site whose root is the portal's HomePage, as load_demo leaves it."""
    from home.demo import ensure_home_page

    home, _ = ensure_home_page()
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo(db):
    """The full demo content, loaded the way `make run` loads it."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def smtp_sink_url():
    """The throw-away SMTP server that ops/test-suite.sh starts (SMTP_SINK_URL); started here when run alone."""
    url = os.environ.get("SMTP_SINK_URL")
    if url:
        yield url
        return
    script = Path(__file__).resolve().parent.parent / "ops" / "smtp.sh"
    started = subprocess.run([str(script), "start"], capture_output=True, text=True, timeout=120, check=True)
    yield started.stdout.strip()


def _arrival(key):
    """Sort key of a Maildir name, "<seconds>.M<microseconds>P<pid>Q<count>.<host>": arrival order.
    (As text, M999 would sort after M1000 within one second.)"""
    seconds, rest = key.split(".", 1)
    match = re.match(r"M(\d+)P\d+Q(\d+)", rest)
    return (int(seconds), int(match.group(1)), int(match.group(2))) if match else (int(seconds), 0, 0)


class SmtpSink:
    """What a real SMTP server received: each message as the recipient's mail program parses it."""

    def __init__(self, maildir):
        self.maildir = mailbox.Maildir(maildir, create=True)

    def messages(self):
        return [
            email.message_from_bytes(self.maildir.get_bytes(key), policy=email.policy.default)
            for key in sorted(self.maildir.keys(), key=_arrival)
        ]

    def clear(self):
        self.maildir.clear()


@pytest.fixture
def smtp_sink(smtp_sink_url, settings):
    """Django sends through the real SMTP server for this test; the sink starts empty."""
    parsed = urlparse(smtp_sink_url)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = parsed.hostname, parsed.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    sink = SmtpSink(parse_qs(parsed.query)["maildir"][0])
    sink.clear()
    return sink
