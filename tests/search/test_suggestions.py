"""Corrections of misspelt queries as a citizen sees them on the search page (search/suggestions.py)."""

import html
from urllib.parse import quote_plus

import pytest
from wagtail.contrib.search_promotions.models import Query

from search.models import ZeroResultDailyHits
from search.suggestions import edit_distance, nearest

pytestmark = pytest.mark.django_db


def _page(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_misspelt_query_shows_the_corrected_results_with_a_link_to_the_words_as_typed(client, corpus):
    page = _page(client, q="dang ky kinh doanhh")
    assert "Đang hiển thị kết quả cho “đăng ký kinh doanh”." in page
    assert 'Tìm chính xác: <a href="?q=dang+ky+kinh+doanhh&chinh_xac=1">“dang ky kinh doanhh”</a>' in page
    assert "Đăng ký kinh doanh hộ cá thể" in page
    assert 'value="đăng ký kinh doanh"' in page  # the search box holds the query whose results are shown


def test_the_words_as_typed_find_nothing_and_offer_the_correction_as_a_link(client, corpus):
    page = _page(client, q="dang ky kinh doanhh", chinh_xac="1")
    assert "Không có kết quả phù hợp" in page
    assert "Đang hiển thị kết quả cho" not in page
    link = f'<a href="?q={quote_plus("đăng ký kinh doanh")}">đăng ký kinh doanh</a>'
    assert f"Có phải bạn muốn tìm: {link}" in page


def test_an_ambiguous_correction_is_offered_not_applied(client, corpus):
    # "chunh" is one letter from both "chung" and "chinh".
    page = _page(client, q="chunh")
    assert "Có phải bạn muốn tìm:" in page
    assert "Đang hiển thị kết quả cho" not in page
    assert "Không có kết quả phù hợp" in page


def test_a_corrected_search_counts_the_words_as_typed_as_finding_nothing(client, corpus):
    _page(client, q="tiem chungg")
    typed = Query.objects.get(query_string="tiem chungg")
    assert ZeroResultDailyHits.objects.get(query=typed).hits == 1
    assert not Query.objects.filter(query_string="tiêm chủng").exists()


def test_the_api_says_which_query_its_results_are_for(client, corpus):
    data = client.get("/api/search/", {"q": "tiem chungg"}).json()
    assert (data["query"], data["corrected_from"]) == ("tiêm chủng", "tiem chungg")
    assert data["results"][0]["title"] == "Tiêm chủng mở rộng cho trẻ em"


def test_edit_distance_counts_a_swap_of_neighbours_as_one_typo():
    assert edit_distance("dnag", "dang") == 1
    assert edit_distance("sinhh", "sinh") == 1
    assert edit_distance("kinh", "sinh") == 1
    assert edit_distance("abc", "abc") == 0


def test_short_words_are_never_corrected_and_ties_are_ambiguous():
    assert nearest("kyy", {"ky": 5}) == (None, False)
    assert nearest("chunh", {"chung": 3, "chinh": 2}) == ("chung", False)
    assert nearest("sinhh", {"sinh": 1, "kinh": 9}) == ("sinh", True)


def test_a_second_misspelt_query_does_not_read_the_index_vocabulary_again(corpus):
    """SQLite's fts5vocab reads every entry of each word it lists (0.1 to 0.3 s a letter at 100,000
    directives): the words of a letter are kept, so a citizen's next typo is answered at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.suggestions import VOCABULARY_TABLE, correct

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL reads its vocabulary through a trigram index")
    assert correct("dang ky kinh doanhh").query == "dang ky kinh doanh"
    with CaptureQueriesContext(connection) as captured:
        assert correct("dang ky kinh doannh").query == "dang ky kinh doanh"
    assert not [query for query in captured if "term >=" in query["sql"] and VOCABULARY_TABLE in query["sql"]]
