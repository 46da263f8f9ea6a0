import pytest
from wagtail.search.models import IndexEntry

from home.models import StandardPage
from search.results import autocomplete, run_search

from .conftest import ENGINES, add_page, engine_in_use, reindex

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("engine", ENGINES)
def test_query_words_may_be_split_between_the_title_and_the_text(engine, corpus):
    # "lịch tiếp" is in the title, "dịch bệnh" only in the body.
    assert [hit.title for hit in run_search("lich tiep dich benh").hits] == ["Thông báo lịch tiếp công dân"]


def test_drafts_never_take_the_place_of_published_pages(home_page):
    published = add_page(home_page, "Đăng ký tạm trú cho sinh viên")
    # Created later, so they come first among equal scores: more than a page of them.
    for number in range(70):
        home_page.add_child(instance=StandardPage(title=f"Đăng ký tạm trú bản nháp {number}", live=False))
    reindex()
    assert IndexEntry.objects.count() > 70  # the drafts are in the index, only the queries leave them out

    assert [item["title"] for item in autocomplete("dang ky tam tr")] == [published.title]
    outcome = run_search("dang ky tam tru")
    assert [hit.title for hit in outcome.hits] == [published.title] and outcome.total == 1


def test_when_a_short_prefix_matches_very_many_titles_autocomplete_offers_the_newest(
    home_page, admin_client, monkeypatch
):
    """Scoring every match of "ke hoa" (32,000 titles at 100,000 directives) cost 65 ms a keystroke:
    on SQLite the public box ranks only the newest matches. The admin's search runs on autocomplete
    too, and must still find every page, old ones included."""
    from django.db import connection

    from search import results

    if connection.vendor != "sqlite" or engine_in_use():
        pytest.skip("the bound applies to the SQLite FTS5 autocomplete table")
    monkeypatch.setattr(results, "AUTOCOMPLETE_RANKED", 3)
    titles = [f"Kế hoạch tuyên truyền số {number}" for number in range(1, 6)]
    for title in titles:
        add_page(home_page, title)

    assert sorted(item["title"] for item in autocomplete("ke hoa")) == sorted(titles[-3:])
    assert len(autocomplete("ke hoach tuyen truyen so 1")) == 1  # an exact title is still found
    editor_view = admin_client.get("/admin/pages/search/", {"q": "ke hoa"}).content.decode()
    assert all(title in editor_view for title in titles)
