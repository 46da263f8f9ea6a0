import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, and
    the site structure kept per content generation (home.structure) must not outlive it."""
    cache.clear()


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
