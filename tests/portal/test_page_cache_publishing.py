"""Publishing a directive refreshes every cached page that shows it (on Redis, with the demo)."""

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from directives.models import DirectiveIndexPage, DirectivePage
from home.models import HomePage
from indicators.models import IndicatorTrackerPage
from portal.cache import STATUS_HEADER

FEEDS = ["/nguon-tin/van-ban/rss/", "/nguon-tin/van-ban/atom/"]


@pytest.fixture
def redis_page_cache(redis_url, demo):
    from .conftest import cache_settings

    with override_settings(CACHES=cache_settings(redis_url), PAGE_CACHE_ENABLED=True):
        from django.core.cache import caches

        caches["default"].clear()
        yield
        caches["default"].clear()


def visit(url):
    return Client().get(url)


def uncached(url):
    with override_settings(PAGE_CACHE_ENABLED=False):
        return Client().get(url)


def test_publishing_a_directive_refreshes_its_page_listing_home_feeds_sitemap_and_tracker(redis_page_cache):
    index = DirectiveIndexPage.objects.live().first()
    home = HomePage.objects.live().first()
    tracker = IndicatorTrackerPage.objects.live().first()
    template = DirectivePage.objects.live().child_of(index).first()
    urls = {"listing": index.url, "home": home.url, "sitemap": "/sitemap.xml", "tracker": tracker.url}
    urls.update({f"feed {feed}": feed for feed in FEEDS})
    for url in urls.values():
        visit(url)
        assert visit(url)[STATUS_HEADER] == "hit", url

    directive = DirectivePage(
        title="Chỉ thị về phòng, chống lũ lụt khẩn cấp năm 2026",
        slug="chi-thi-phong-chong-lu-lut-2026",
        number="99/CT-UBND",
        doc_type=template.doc_type,
        issuing_body=template.issuing_body,
        issued_on=timezone.localdate(),
        effective_on=timezone.localdate(),
        summary="Chỉ thị về phòng, chống lũ lụt khẩn cấp năm 2026",
        live=False,
    )
    index.add_child(instance=directive)
    revision = directive.save_revision()
    # The new page is a draft: nothing public has changed yet.
    assert visit(index.url)[STATUS_HEADER] == "hit"
    revision.publish()

    page = visit(directive.url)
    assert page.status_code == 200
    assert "99/CT-UBND" in page.content.decode()
    for name, url in urls.items():
        response = visit(url)
        assert response[STATUS_HEADER] == "miss", name
        assert response.content == uncached(url).content, name
    for name in ("listing", "home", "sitemap", *[f"feed {feed}" for feed in FEEDS]):
        body = visit(urls[name]).content.decode()
        assert directive.url.rstrip("/") in body or "99/CT-UBND" in body, name
