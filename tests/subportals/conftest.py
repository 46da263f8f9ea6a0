import pytest
from django.test import override_settings

from subportals.creating import create_subportal


@pytest.fixture(autouse=True)
def _subdomains_allowed():
    """As in development: every <name>.localhost is an allowed host."""
    with override_settings(ALLOWED_HOSTS=["testserver", "127.0.0.1", "localhost", ".localhost"]):
        yield


@pytest.fixture
def justice(home_page):
    return create_subportal(
        name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department"
    ).subportal


@pytest.fixture
def information(home_page):
    return create_subportal(
        name="Sở Thông tin và Truyền thông", short_name="STTTT", hostname="sotttt.localhost", kind="department"
    ).subportal
