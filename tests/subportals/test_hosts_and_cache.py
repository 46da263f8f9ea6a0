"""Each host name gets its own site's pages, from a page cache kept per site; unknown hosts get none."""

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from directives.models import OperationalNewsIndexPage, OperationalNewsPage
from home.models import PortalSettings
from portal.cache import STATUS_HEADER

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "subportal-pages"}}


@pytest.fixture
def page_cache(db):
    with override_settings(CACHES=LOCMEM, PAGE_CACHE_ENABLED=True):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def visit(host, path="/"):
    return Client(raise_request_exception=False).get(path, HTTP_HOST=host)


def publish_news(subportal, title):
    index = OperationalNewsIndexPage.objects.descendant_of(subportal.site.root_page).get()
    page = OperationalNewsPage(title=title, lead=title)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_same_path_on_two_hosts_gives_each_sites_own_content(page_cache, site, justice, information):
    PortalSettings.for_site(site).save()
    for host, own, other in (
        ("sotuphap.localhost", "Sở Tư pháp", "Sở Thông tin và Truyền thông"),
        ("sotttt.localhost", "Sở Thông tin và Truyền thông", "Sở Tư pháp"),
    ):
        for _ in range(2):  # a miss, then a hit: both the site's own page
            body = visit(host).content.decode()
            assert f"Cổng thông tin điện tử {own}" in body
            assert other not in body
    assert visit("sotttt.localhost")[STATUS_HEADER] == "hit"


def test_publishing_on_one_subportal_refreshes_it_and_the_province_but_not_another_subportal(
    page_cache, site, justice, information
):
    hosts = ["sotuphap.localhost", "sotttt.localhost", "testserver"]
    for host in hosts:
        visit(host)
        assert visit(host)[STATUS_HEADER] == "hit", host

    publish_news(justice, "Sở Tư pháp tập huấn công tác hộ tịch")

    assert visit("sotuphap.localhost")[STATUS_HEADER] == "miss"
    assert visit("testserver")[STATUS_HEADER] == "miss"
    assert visit("sotttt.localhost")[STATUS_HEADER] == "hit"


def test_publishing_on_the_province_portal_refreshes_every_site(page_cache, home_page, justice):
    for host in ("sotuphap.localhost", "testserver"):
        visit(host)
    home_page.save_revision().publish()
    assert visit("sotuphap.localhost")[STATUS_HEADER] == "miss"
    assert visit("testserver")[STATUS_HEADER] == "miss"


def test_a_forged_host_gets_djangos_400(page_cache, justice):
    response = visit("evil.example")
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/", "/sitemap.xml", "/robots.txt", "/tim-kiem/"])
def test_an_allowed_but_unknown_subdomain_gets_a_404_not_the_province_portal(page_cache, site, justice, path):
    PortalSettings.for_site(site).save()
    visit("testserver", path)  # the province's page is in the cache

    response = visit("khongco.localhost", path)

    assert response.status_code == 404
    body = response.content.decode()
    assert "khongco.localhost" in body
    assert "Hậu Giang" not in body and "Sở Tư pháp" not in body
