"""Anonymous pages are cached and refreshed the moment content is published."""

import pytest
from django.test import Client

from home.models import StandardPage
from portal.cache import STATUS_HEADER


def anonymous_get(url):
    return Client().get(url)


@pytest.fixture
def guidance_page(home_page):
    page = home_page.add_child(instance=StandardPage(title="Hướng dẫn nộp hồ sơ", lead="Phiên bản đầu"))
    page.save_revision().publish()
    # The first visit ever creates the site's settings row, itself a content change.
    anonymous_get(home_page.url)
    return page


def test_second_anonymous_visit_is_served_from_the_cache(page_cache, guidance_page):
    first = anonymous_get(guidance_page.url)
    second = anonymous_get(guidance_page.url)

    assert first[STATUS_HEADER] == "miss"
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second
    assert "Phiên bản đầu" in second.content.decode()


def test_publishing_a_change_shows_it_on_the_next_visit(page_cache, guidance_page, home_page):
    anonymous_get(guidance_page.url)
    anonymous_get(home_page.url)
    assert anonymous_get(guidance_page.url)[STATUS_HEADER] == "hit"

    guidance_page.lead = "Phiên bản sửa đổi"
    guidance_page.save_revision().publish()

    response = anonymous_get(guidance_page.url)
    assert response[STATUS_HEADER] == "miss"
    assert "Phiên bản sửa đổi" in response.content.decode()
    assert anonymous_get(home_page.url)[STATUS_HEADER] == "miss"


def test_saving_a_draft_does_not_change_what_visitors_see(page_cache, guidance_page):
    anonymous_get(guidance_page.url)

    guidance_page.lead = "Bản nháp chưa duyệt"
    guidance_page.save_revision()

    response = anonymous_get(guidance_page.url)
    assert response[STATUS_HEADER] == "hit"
    assert "Bản nháp chưa duyệt" not in response.content.decode()


def test_unpublishing_removes_the_page_at_once(page_cache, guidance_page):
    assert anonymous_get(guidance_page.url).status_code == 200
    url = guidance_page.url

    guidance_page.unpublish()

    assert anonymous_get(url).status_code == 404


def test_deleting_a_page_removes_it_at_once(page_cache, guidance_page):
    url = guidance_page.url
    anonymous_get(url)

    guidance_page.delete()

    assert anonymous_get(url).status_code == 404


def test_a_logged_in_editor_never_reaches_the_anonymous_cache(page_cache, guidance_page, admin_client):
    editor_view = admin_client.get(guidance_page.url)
    assert editor_view.status_code == 200
    assert STATUS_HEADER not in editor_view
    assert "wagtail-userbar" in editor_view.content.decode()

    visitor_view = anonymous_get(guidance_page.url)
    assert visitor_view[STATUS_HEADER] == "miss"
    assert "wagtail-userbar" not in visitor_view.content.decode()

    # And the other way round: the editor is not handed the visitors' cached copy.
    assert anonymous_get(guidance_page.url)[STATUS_HEADER] == "hit"
    editor_again = admin_client.get(guidance_page.url)
    assert STATUS_HEADER not in editor_again
    assert "wagtail-userbar" in editor_again.content.decode()


def test_query_strings_are_cached_separately(page_cache, guidance_page):
    anonymous_get(guidance_page.url)

    response = anonymous_get(f"{guidance_page.url}?trang=2")

    assert response[STATUS_HEADER] == "miss"


def test_the_admin_and_health_check_are_never_cached(page_cache, guidance_page):
    for url in ("/admin/login/", "/healthz"):
        anonymous_get(url)
        assert STATUS_HEADER not in anonymous_get(url), url


def test_pages_are_served_uncached_when_the_cache_is_down(unreachable_cache, guidance_page):
    response = anonymous_get(guidance_page.url)
    again = anonymous_get(guidance_page.url)

    assert response.status_code == again.status_code == 200
    assert "Phiên bản đầu" in again.content.decode()
    # Neither a hit nor a miss kept for later: the cache was tried, found down, and skipped.
    assert STATUS_HEADER not in response
    assert STATUS_HEADER not in again


def test_publishing_still_works_when_the_cache_is_down(unreachable_cache, guidance_page):
    guidance_page.lead = "Đăng khi bộ nhớ đệm hỏng"
    guidance_page.save_revision().publish()

    assert "Đăng khi bộ nhớ đệm hỏng" in anonymous_get(guidance_page.url).content.decode()


def test_a_head_request_is_answered_from_the_cache_without_a_body(page_cache, guidance_page):
    anonymous_get(guidance_page.url)

    response = Client().head(guidance_page.url)

    assert response[STATUS_HEADER] == "hit"
    assert response.content == b""


def test_a_forged_host_header_is_refused_not_cached(page_cache, guidance_page):
    response = Client(raise_request_exception=False).get(guidance_page.url, HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert STATUS_HEADER not in response


def test_searches_are_never_cached_and_never_empty_the_cache(page_cache, guidance_page):
    anonymous_get(guidance_page.url)

    for query in ("khong-co-ket-qua-nao-1", "khong-co-ket-qua-nao-2"):
        search = anonymous_get(f"/tim-kiem/?q={query}")
        assert search.status_code == 200
        assert STATUS_HEADER not in search

    assert anonymous_get(guidance_page.url)[STATUS_HEADER] == "hit"


def test_autocomplete_suggestions_are_cached_and_follow_publishing(page_cache, guidance_page, home_page):
    url = "/api/search/autocomplete/?q=huong+dan+n"
    first = anonymous_get(url)
    assert first[STATUS_HEADER] == "miss"
    assert "Hướng dẫn nộp hồ sơ" in first.content.decode()
    assert anonymous_get(url)[STATUS_HEADER] == "hit"

    page = home_page.add_child(instance=StandardPage(title="Hướng dẫn nộp lệ phí", lead="Mới"))
    page.save_revision().publish()

    response = anonymous_get(url)
    assert response[STATUS_HEADER] == "miss"
    assert "Hướng dẫn nộp lệ phí" in response.content.decode()


def test_local_memory_entries_live_a_minute_because_other_processes_cannot_invalidate_them(page_cache, settings):
    from django.core.cache.backends.redis import RedisCache

    from portal.cache import cache_seconds

    expected = settings.PAGE_CACHE_SECONDS if isinstance(page_cache, RedisCache) else 60
    assert cache_seconds(page_cache) == expected
