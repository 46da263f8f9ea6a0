"""Search on English pages: English pages only, with English stemming, on every engine."""

import pytest

from home.demo import ensure_translation

from .conftest import ENGINES, add_page, reindex

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(home_page):
    registration = add_page(
        home_page, "Đăng ký kinh doanh hộ cá thể", "Hồ sơ đăng ký hộ kinh doanh nộp tại Ủy ban nhân dân cấp huyện."
    )
    add_page(home_page, "Cấp giấy phép xây dựng nhà ở", "Thủ tục do Sở Xây dựng thực hiện.")
    ensure_translation(home_page, "en", title="Home")
    english, _created = ensure_translation(
        registration,
        "en",
        slug="household-business-registration",
        title="Household business registration",
        lead="Applications for the registration of a household business go to the district People's Committee.",
    )
    reindex()
    return english


def results(client, path, query):
    html = client.get(path, {"q": query}).content.decode()
    return html.split('id="main"', 1)[1]


@pytest.mark.parametrize("engine", ENGINES)
def test_registering_finds_the_english_page_about_registration(client, bilingual, engine):
    found = results(client, "/en/tim-kiem/", "registering")
    assert 'href="/en/household-business-registration/"' in found


@pytest.mark.parametrize("engine", ENGINES)
def test_a_vietnamese_query_on_english_search_finds_no_vietnamese_page(client, bilingual, engine):
    for query in ("đăng ký kinh doanh", "dang ky kinh doanh", "giấy phép xây dựng"):
        found = results(client, "/en/tim-kiem/", query)
        assert "Đăng ký kinh doanh hộ cá thể" not in found
        assert "Cấp giấy phép xây dựng nhà ở" not in found


@pytest.mark.parametrize("engine", ENGINES)
def test_vietnamese_search_keeps_to_vietnamese_pages(client, bilingual, engine):
    assert "Đăng ký kinh doanh hộ cá thể" in results(client, "/tim-kiem/", "dang ky kinh doanh")
    assert "Household business registration" not in results(client, "/tim-kiem/", "registration")
