import pytest
from wagtail.search.models import IndexEntry

from home.models import StandardPage
from search.results import autocomplete, run_search

from .conftest import ENGINES, add_page, reindex

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
