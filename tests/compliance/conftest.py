import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from compliance.models import ComplianceEntry, ComplianceSource
from subportals.creating import create_subportal


@pytest.fixture(autouse=True)
def _subdomains_allowed():
    with override_settings(ALLOWED_HOSTS=["testserver", "127.0.0.1", "localhost", ".localhost"]):
        yield


@pytest.fixture
def justice(home_page):
    return create_subportal(
        name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department"
    ).subportal


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("quantri", "quantri@haugiang.gov.vn", "x")


def staff(username, *groups):
    user = get_user_model().objects.create_user(username, password="x", first_name=username)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def publish(parent, page, when=None):
    """Add ``page`` under ``parent`` and publish it, dated ``when`` if given."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(last_published_at=when)
        page.refresh_from_db()
    return page


def map_category(site, category, *, pages=(), finders=(), **fields):
    entry = ComplianceEntry.objects.create(site=site, category=category, **fields)
    for page in pages:
        ComplianceSource.objects.create(entry=entry, page=page)
    for finder in finders:
        ComplianceSource.objects.create(entry=entry, finder=finder)
    return entry
