"""The synonym list staff edit, and the query expansion public search applies on every engine."""

import pytest

from search.expansion import IY_VARIANT, SYNONYM, expansions_for, iy_variant
from search.models import Synonym
from search.results import run_search

from .conftest import ENGINES
from .test_behaviour_table import _check_engine, titles

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/search/synonym/add/"


def _edit_url(synonym):
    return f"/admin/snippets/search/synonym/edit/{synonym.pk}/"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_synonym_staff_add_or_change_in_the_admin_applies_to_the_next_search(engine, admin_client, corpus):
    _check_engine(engine)
    assert titles("chích ngừa") == []

    response = admin_client.post(
        ADD_URL,
        {"terms": "chích ngừa, tiêm chủng", "direction": "two_way", "expansions": "", "note": "Cách nói ở miền Nam."},
    )
    assert response.status_code == 302
    assert titles("chích ngừa")[0] == "Tiêm chủng mở rộng cho trẻ em"
    assert titles("chich ngua")[0] == "Tiêm chủng mở rộng cho trẻ em"

    # One way only: "tiêm chủng" also searches "chích ngừa", but no longer the reverse.
    synonym = Synonym.objects.get(terms__startswith="chích ngừa")
    response = admin_client.post(
        _edit_url(synonym), {"terms": "tiêm chủng", "direction": "one_way", "expansions": "chích ngừa", "note": ""}
    )
    assert response.status_code == 302
    assert titles("chích ngừa") == []
    assert titles("tiêm chủng")[0] == "Tiêm chủng mở rộng cho trẻ em"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"terms": "chích ngừa", "direction": "two_way"}, "Từ hai chiều cần ít nhất hai từ"),
        ({"terms": "chích ngừa", "direction": "one_way"}, "Từ một chiều cần ít nhất một từ để tìm thêm"),
        ({"terms": "a, b", "direction": "two_way", "expansions": "c"}, "Từ hai chiều không dùng ô"),
        ({"terms": "!!!, ???", "direction": "two_way"}, "Nhập ít nhất một từ"),
    ],
)
def test_an_incomplete_synonym_is_refused_with_a_vietnamese_message(admin_client, data, message):
    count = Synonym.objects.count()
    response = admin_client.post(ADD_URL, {"expansions": "", "note": "", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Synonym.objects.count() == count


def test_the_admin_lists_and_searches_the_synonyms(admin_client):
    response = admin_client.get("/admin/snippets/search/synonym/", {"q": "CCCD"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Từ đồng nghĩa khi tìm kiếm" in page and "căn cước công dân" in page


def test_the_default_list_is_installed_and_every_entry_is_valid():
    """Migration search.0007 loads search/data/synonyms.json; staff could save each entry unchanged."""
    synonyms = list(Synonym.objects.all())
    assert len(synonyms) >= 40
    for synonym in synonyms:
        synonym.full_clean()
        assert synonym.note


@pytest.mark.parametrize(
    ("word", "variant"),
    [
        ("ký", "kí"),
        ("kì", "kỳ"),
        ("Mỹ", "mĩ"),
        ("tỷ", "tỉ"),
        ("ly", "li"),
        ("sĩ", "sỹ"),
        ("hy", "hi"),
        ("KỴ", "kị"),
        # Not interchangeable: the rule leaves these words alone.
        ("y", None),  # y alone: "y tế"
        ("quy", None),  # qu + y
        ("tuy", None),  # uy is not ui
        ("tuyên", None),  # yê
        ("tay", None),  # ay is not ai
        ("thi", None),  # a two-letter onset
        ("khi", None),
        ("di", None),  # d never took y
        ("vy", None),  # names: Vy and Vi differ
    ],
)
def test_only_one_syllable_h_k_l_m_s_t_words_swap_i_and_y(word, variant):
    assert iy_variant(word) == variant


def test_expansions_say_what_was_searched_besides_the_query():
    expansions = expansions_for("sang tên sổ đỏ kỹ")
    assert [(expansion.typed, expansion.reason) for expansion in expansions] == [
        ("sang tên sổ đỏ", SYNONYM),  # the longest listed term wins
        ("kỹ", IY_VARIANT),
    ]
    assert "chuyển nhượng" in expansions[0].alternatives
    assert expansions[1].alternatives == ("kĩ",)


def test_one_way_synonyms_expand_only_from_the_citizens_word():
    assert "quyết định" in expansions_for("QĐ")[0].alternatives
    assert expansions_for("quyết định") == []


def test_document_numbers_are_not_expanded():
    assert expansions_for("15/2011/QĐ-UBND") == []
    assert expansions_for("07/KH-UBND") == []


def test_a_query_without_synonyms_is_searched_as_before(corpus):
    assert expansions_for("tiem chung") == []
    assert run_search("tiem chung").hits[0].title == "Tiêm chủng mở rộng cho trẻ em"


def test_snippets_mark_the_synonym_that_found_the_page(procedures, default_synonyms):
    hit = next(hit for hit in run_search("LLTP").hits if hit.title.startswith("Cấp phiếu lý lịch tư pháp"))
    assert "<mark>lý</mark> <mark>lịch</mark> <mark>tư</mark> <mark>pháp</mark>" in hit.snippet


def test_a_query_with_synonyms_is_scored_once_per_column_on_postgresql(corpus):
    """ "an toan thuc pham" searches four alternatives (ATTP, VSATTP, ...): averaging a ts_rank() per
    alternative and column tripled the query's time at 100,000 directives, so one per column."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's ranking")
    with CaptureQueriesContext(connection) as captured:
        run_search("an toan thuc pham")
    ranked = [query["sql"] for query in captured if "ts_rank(" in query["sql"]]
    assert ranked and all(sql.count("ts_rank(") == 2 for sql in ranked)
    assert "attp" in ranked[0]  # the synonyms are searched
