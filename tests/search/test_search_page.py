import json

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import ZeroResultDailyHits

from .conftest import ENGINES, add_page, reindex

pytestmark = pytest.mark.django_db

JUNK = ["", "   ", "x" * 10_000, "!!!???...", '"', "*", "NEAR(", "-", "(((", "a\x00b", "\x00", "đăng ký\x00 kinh doanh"]
# Query syntax around words that expand to phrases (synonyms, i/y) or get corrected.
JUNK += ['sổ đỏ "', "CCCD & | !", "an toàn thực phẩm <-> :*", "thủ tục' hành chính", "thu tuc hanh chinhh ((("]


def test_search_page_shows_highlighted_results_for_an_unaccented_query(client, corpus):
    response = client.get("/tim-kiem/", {"q": "cap phep xay dung"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cấp giấy phép xây dựng nhà ở riêng lẻ" in html
    assert "Tìm thấy 1 kết quả" in html
    assert "<mark>Xây</mark> <mark>dựng</mark>" in html  # the snippet marks the accented words


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("junk", JUNK, ids=lambda value: repr(value[:12]))
def test_junk_queries_give_an_ordinary_page(client, home_page, junk, engine, caplog):
    response = client.get("/tim-kiem/", {"q": junk})
    assert response.status_code == 200
    assert "<h1>Tìm kiếm</h1>" in response.content.decode()
    api = client.get("/api/search/", {"q": junk})
    assert api.status_code == 200 and "results" in api.json()
    assert client.get("/api/search/autocomplete/", {"q": junk}).status_code == 200
    assert "answering from the database backend" not in caplog.text  # the engine itself coped


def test_junk_filters_and_page_numbers_give_an_ordinary_page(client, corpus):
    response = client.get("/tim-kiem/", {"q": "dat", "page": "999x", "year": "\x00", "sort": "((", "type": "x" * 500})
    assert response.status_code == 200


def test_a_query_that_finds_nothing_suggests_the_online_services_and_fewer_filters(client, corpus):
    response = client.get("/tim-kiem/", {"q": "khong co tu nay xyzq", "year": "2024", "type": "home.standardpage"})
    html = response.content.decode()
    assert "<strong>Trang thông tin</strong> (0)" in html  # the selected filter, named, with a way to remove it
    assert "Không có kết quả phù hợp" in html
    assert "Bỏ các bộ lọc" in html
    assert "Thử từ khóa ngắn hơn" in html


def test_api_returns_results_and_facets_as_json(client, corpus):
    response = client.get("/api/search/", {"q": "dang ky kinh doanh"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["total"] == 1
    assert data["results"][0]["title"] == "Đăng ký kinh doanh hộ cá thể"
    assert data["results"][0]["url"].endswith("/dang-ky-kinh-doanh-ho-ca-the/")
    assert data["results"][0]["type"] == "home.standardpage"
    assert data["facets"]["type"]["options"][0] == {
        "value": "home.standardpage",
        "label": "Trang thông tin",
        "count": 1,
        "selected": False,
    }


def test_facet_filter_narrows_results_and_keeps_counts_of_other_options(client, home_page):
    add_page(home_page, "Thủ tục đất đai năm cũ", first_published_at=_aware(2015))
    add_page(home_page, "Thủ tục đất đai năm nay", first_published_at=_aware(2024))
    reindex()
    data = client.get("/api/search/", {"q": "thu tuc dat dai", "year": "2015"}).json()
    assert [hit["title"] for hit in data["results"]] == ["Thủ tục đất đai năm cũ"]
    years = {option["value"]: option["count"] for option in data["facets"]["year"]["options"]}
    assert years == {"2024": 1, "2015": 1}


def test_sorting_by_date_puts_the_newest_first(client, home_page):
    add_page(home_page, "Hướng dẫn đất đai cũ", first_published_at=_aware(2012))
    add_page(home_page, "Hướng dẫn đất đai mới", first_published_at=_aware(2025))
    reindex()
    data = client.get("/api/search/", {"q": "huong dan dat dai", "sort": "date"}).json()
    assert [hit["title"] for hit in data["results"]] == ["Hướng dẫn đất đai mới", "Hướng dẫn đất đai cũ"]


def test_results_are_paginated(client, home_page):
    for number in range(12):
        add_page(home_page, f"Thông báo tuyển dụng số {number}")
    reindex()
    first = client.get("/api/search/", {"q": "tuyen dung"}).json()
    second = client.get("/api/search/", {"q": "tuyen dung", "page": 2}).json()
    assert first["total"] == 12 and first["pages"] == 2
    assert len(first["results"]) == 10 and len(second["results"]) == 2
    html = client.get("/tim-kiem/", {"q": "tuyen dung"}).content.decode()
    assert 'rel="next"' in html


def test_staff_promoted_result_is_shown_first_whatever_the_accents(client, corpus):
    promoted = corpus["Hướng dẫn nộp hồ sơ trực tuyến"]
    SearchPromotion.objects.create(query=Query.get("Giấy phép"), page=promoted, description="Nộp hồ sơ qua mạng")
    html = client.get("/tim-kiem/", {"q": "giay phep"}).content.decode()
    assert "Gợi ý của cổng" in html
    assert html.index("Hướng dẫn nộp hồ sơ trực tuyến") < html.index("Cấp giấy phép xây dựng nhà ở riêng lẻ")
    assert "Nộp hồ sơ qua mạng" in html


def test_a_promotion_added_after_a_search_shows_on_the_next_search(client, corpus):
    assert "Gợi ý của cổng" not in client.get("/tim-kiem/", {"q": "giay phep"}).content.decode()
    promoted = corpus["Hướng dẫn nộp hồ sơ trực tuyến"]
    SearchPromotion.objects.create(query=Query.get("Giấy phép"), page=promoted, description="Nộp hồ sơ qua mạng")
    assert "Gợi ý của cổng" in client.get("/tim-kiem/", {"q": "giay phep"}).content.decode()


def test_searches_are_logged_for_the_staff_report(client, corpus):
    client.get("/tim-kiem/", {"q": "Đăng ký kinh doanh"})
    client.get("/tim-kiem/", {"q": "khong co tu nay xyzq"})
    assert Query.get("Đăng ký kinh doanh").daily_hits.get().hits == 1
    assert not ZeroResultDailyHits.objects.filter(query=Query.get("Đăng ký kinh doanh")).exists()
    assert ZeroResultDailyHits.objects.get(query=Query.get("khong co tu nay xyzq")).hits == 1


def test_a_repeated_search_is_counted_each_time_and_finds_a_page_published_in_between(client, corpus):
    # The search page keeps each outcome for the content generation (search.views._outcome).
    client.get("/")  # the first visit creates the site's settings row, a content change of its own
    first = client.get("/tim-kiem/", {"q": "cap phep xay dung"}).content.decode()
    assert "Tìm thấy 1 kết quả" in first
    assert "Tìm thấy 1 kết quả" in client.get("/tim-kiem/", {"q": "cap phep xay dung"}).content.decode()
    assert Query.get("cap phep xay dung").daily_hits.get().hits == 2
    page = corpus["Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    add_page(page.get_parent(), "Cấp lại giấy phép xây dựng có thời hạn")
    reindex()
    html = client.get("/tim-kiem/", {"q": "cap phep xay dung"}).content.decode()
    assert "Cấp lại giấy phép xây dựng có thời hạn" in html
    assert "Tìm thấy 2 kết quả" in html
    assert Query.get("cap phep xay dung").daily_hits.get().hits == 3


def test_a_shared_link_with_tracking_parameters_is_answered_like_the_search_it_carries(client, corpus):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")  # the first visit creates the site's settings row, a content change of its own
    assert "Tìm thấy 1 kết quả" in client.get("/tim-kiem/", {"q": "cap phep xay dung"}).content.decode()
    with CaptureQueriesContext(connection) as captured:
        shared = client.get("/tim-kiem/", {"q": "  cap phep xay dung ", "fbclid": "IwAR3x", "utm_source": "zalo"})
    assert "Tìm thấy 1 kết quả" in shared.content.decode()
    # The kept outcome answered: nothing read the search index again, only the search was counted.
    assert not [query for query in captured.captured_queries if "indexentry" in query["sql"]]
    assert Query.get("cap phep xay dung").daily_hits.get().hits == 2


def test_autocomplete_returns_at_most_ten_suggestions(client, home_page):
    for number in range(14):
        add_page(home_page, f"Đăng ký thường trú đợt {number}")
    reindex()
    data = client.get("/api/search/autocomplete/", {"q": "dang ky thuong t"}).json()
    assert len(data["results"]) == 10
    assert all(item["title"].startswith("Đăng ký thường trú") for item in data["results"])
    assert {"title", "url", "type"} <= set(data["results"][0])


def test_search_boxes_load_the_autocomplete_script(client, home_page):
    html = client.get("/tim-kiem/").content.decode()
    assert "search/autocomplete.js" in html
    assert 'data-autocomplete-url="/api/search/autocomplete/"' in html


def _aware(year):
    from datetime import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime(year, 6, 1, 9, 0))


def test_staff_see_popular_and_zero_result_queries(admin_client, corpus):
    for _ in range(3):
        admin_client.get("/tim-kiem/", {"q": "giay phep lai xe"})
    admin_client.get("/tim-kiem/", {"q": "cap phep xay dung"})
    zero = admin_client.get("/admin/search-reports/zero-results/")
    assert zero.status_code == 200
    html = zero.content.decode()
    assert "giay phep lai xe" in html and "cap phep xay dung" not in html
    popular = admin_client.get("/admin/searchpicks/reports/search-terms/")
    assert popular.status_code == 200
    assert "giay phep lai xe" in popular.content.decode() and "cap phep xay dung" in popular.content.decode()


def test_citizens_cannot_open_the_search_reports(client, django_user_model):
    user = django_user_model.objects.create_user("dan", password="mat-khau-dai-123")
    client.force_login(user)
    response = client.get("/admin/search-reports/zero-results/")
    assert response.status_code in (302, 403)


def test_any_typed_text_gives_an_ordinary_answer(home_page):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from search.results import autocomplete, run_search

    add_page(home_page, "Đăng ký kinh doanh hộ cá thể", "Hồ sơ 07/KH-UBND, mã 1.001612")
    alphabet = st.sampled_from(list("aăâđeêoôơuưyĐ0123456789 ./-\"*()^:+~&|!?\\'\x00\t") + ["NEAR", "AND", "OR", "NOT"])

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(alphabet, max_size=20).map("".join))
    def check(text):
        outcome = run_search(text)
        assert outcome.total >= 0
        assert isinstance(autocomplete(text), list)

    check()
