import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.directives.conftest import (  # noqa: F401 - fixtures shared with the directive tests
    directive_index,
    directive_type,
    make_directive,
    make_news,
    news_index,
    plan_type,
    province,
)
from tests.services.conftest import make_procedure, procedure_index  # noqa: F401
from tests.worker import run_background_worker


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def link_in(message, pattern):
    """The first URL in the plain-text part of ``message`` whose path matches ``pattern``."""
    text = message.get_body(("plain",)).get_content()
    return next(path_of(url) for url in re.findall(r"https?://\S+", text) if re.search(pattern, url))


@pytest.fixture
def subscribe(client):
    """Fill in /dang-ky-nhan-tin/ as a citizen does: returns the response."""

    def post(email="cong-dan@example.org", finder="directives", bo_loc="", frequency="immediate", **extra):
        data = {"email": email, "finder": finder, "bo_loc": bo_loc, "frequency": frequency}
        return client.post("/dang-ky-nhan-tin/", data, **extra)

    return post


@pytest.fixture
def confirmed(subscribe, smtp_sink):
    """Subscribe and confirm through the e-mail's link, as the citizen would; returns the address."""

    def make(email="cong-dan@example.org", **fields):
        assert subscribe(email=email, **fields).status_code == 302
        run_background_worker()
        [message] = [m for m in smtp_sink.messages() if m["To"] == email]
        confirm_path = link_in(message, "/xac-nhan/")
        assert Client().post(confirm_path).status_code == 302
        smtp_sink.clear()
        return email

    return make


@pytest.fixture
def make_subscriber(site):
    """A confirmed subscriber to one topic, as the confirmation leaves it."""
    from alerts.finders import FINDERS
    from alerts.models import Subscriber, Subscription, Topic

    def make(email="cong-dan@example.org", frequency="immediate", finder="directives", filters=None):
        subscriber, _ = Subscriber.objects.get_or_create(email=email, defaults={"frequency": frequency})
        topic = Topic.get_or_create_for(FINDERS[finder], filters or {}, site)
        Subscription.objects.create(subscriber=subscriber, topic=topic)
        subscriber.confirm()
        return subscriber

    return make
