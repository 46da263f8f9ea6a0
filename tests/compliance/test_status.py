"""The compliance rules, at their boundaries: missing, stale, fresh."""

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from compliance import categories, status
from directives.models import OperationalNewsIndexPage, OperationalNewsPage
from home.models import StandardPage

from .conftest import days_ago, map_category, publish

pytestmark = pytest.mark.django_db


def by_code(site):
    return {item.category.code: item for item in status.site_compliance(site)}


def test_every_category_of_the_decree_is_in_the_data_file():
    codes = [category.code for category in categories.categories()]
    assert codes == [
        "organisation",
        "legal-documents",
        "treaties",
        "procedures",
        "policy-guidance",
        "strategies-plans",
        "finance-statistics",
        "public-disclosure-list",
        "news",
        "draft-consultation",
        "investment-procurement",
        "science-programmes",
        "citizen-qa",
    ]
    assert all(category.name and category.reference and category.max_age_days for category in categories.categories())


def test_a_new_decree_is_a_change_of_data_not_code(tmp_path, monkeypatch, site):
    data = json.loads(categories.DATA_FILE.read_text(encoding="utf-8"))
    data["categories"].append(
        {
            "code": "open-data",
            "name": "Dữ liệu mở",
            "reference": "Nghị định mới",
            "certainty": "confirmed",
            "max_age_days": 30,
        }
    )
    new_file = tmp_path / "decree.json"
    new_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(categories, "DATA_FILE", new_file)
    categories.categories.cache_clear()
    try:
        assert by_code(site)["open-data"].state == status.MISSING
    finally:
        monkeypatch.undo()
        categories.categories.cache_clear()


def test_an_unmapped_category_is_missing(site):
    item = by_code(site)["treaties"]
    assert item.state == status.MISSING
    assert item.entry is None
    assert str(item.reason) == "Chưa gắn trang hoặc bộ tra cứu nào."


def test_a_category_whose_pages_are_all_unpublished_is_missing(site, home_page):
    page = publish(home_page, StandardPage(title="Điều ước quốc tế", slug="dieu-uoc"))
    page.unpublish()
    map_category(site, "treaties", pages=[page])
    item = by_code(site)["treaties"]
    assert item.state == status.MISSING
    assert "chưa xuất bản" in str(item.reason)


def test_a_deleted_mapped_page_leaves_the_category_missing(site, home_page):
    page = publish(home_page, StandardPage(title="Điều ước quốc tế", slug="dieu-uoc"))
    map_category(site, "treaties", pages=[page])
    page.delete()
    assert by_code(site)["treaties"].state == status.MISSING


def test_an_index_page_is_as_fresh_as_its_newest_live_article(site, home_page):
    index = publish(home_page, OperationalNewsIndexPage(title="Tin", slug="tin"), when=days_ago(400))
    publish(index, OperationalNewsPage(title="Tin cũ", slug="tin-cu", lead="Sapô"), when=days_ago(100))
    fresh = publish(index, OperationalNewsPage(title="Tin mới", slug="tin-moi", lead="Sapô"), when=days_ago(3))
    map_category(site, "news", pages=[index])

    item = by_code(site)["news"]
    assert item.state == status.OK
    assert item.newest == fresh.last_published_at

    fresh.unpublish()
    item = by_code(site)["news"]
    assert item.state == status.STALE  # 100 days > the 14 days allowed for news
    assert "14" in str(item.reason)


def test_the_maximum_age_is_a_boundary(site, home_page):
    now = timezone.now()
    limit = now - datetime.timedelta(days=180)
    page = publish(home_page, StandardPage(title="Hướng dẫn", slug="huong-dan"), when=limit)
    map_category(site, "policy-guidance", pages=[page])
    assert status.site_compliance(site, now=now)[4].state == status.OK
    later = now + datetime.timedelta(seconds=1)
    assert status.site_compliance(site, now=later)[4].state == status.STALE


def test_the_entrys_own_maximum_age_overrides_the_default(site, home_page):
    page = publish(home_page, StandardPage(title="Hướng dẫn", slug="huong-dan"), when=days_ago(40))
    map_category(site, "policy-guidance", pages=[page], max_age_days=30)
    item = by_code(site)["policy-guidance"]
    assert (item.state, item.max_age_days) == (status.STALE, 30)


def test_a_finder_is_as_fresh_as_the_newest_live_item_it_lists_on_the_site(site, home_page, justice):
    index = publish(home_page, OperationalNewsIndexPage(title="Tin", slug="tin"), when=days_ago(400))
    old = publish(index, OperationalNewsPage(title="Tin cũ", slug="tin-cu", lead="Sapô"), when=days_ago(30))
    # The sub-portal's own news is recent, but it is not on the province site.
    justice_news = justice.site.root_page.get_children().type(OperationalNewsIndexPage).first()
    publish(justice_news, OperationalNewsPage(title="Tin của sở", slug="tin-cua-so", lead="Sapô"), when=days_ago(1))
    map_category(site, "news", finders=["news"])

    item = by_code(site)["news"]
    assert item.newest == old.last_published_at
    assert item.state == status.STALE


def test_an_english_translation_older_than_its_vietnamese_source_is_stale(site, home_page):
    page = publish(home_page, StandardPage(title="Cơ cấu tổ chức", slug="co-cau"), when=days_ago(10))
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    Page.objects.filter(pk=english.pk).update(last_published_at=days_ago(5))
    map_category(site, "organisation", pages=[page])
    assert by_code(site)["organisation"].state == status.OK

    # The Vietnamese page changes; the English one does not follow.
    page.save_revision().publish()
    item = by_code(site)["organisation"]
    assert item.state == status.STALE
    assert "tiếng Anh" in str(item.reason)
