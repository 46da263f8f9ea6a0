"""A sub-portal's sitemap, robots.txt and search are its own; the province finder covers every agency."""

import datetime

from django.test import Client

from directives.models import DirectiveIndexPage, DirectivePage, DocumentType
from home.models import StandardPage

from .test_hosts_and_cache import publish_news


def visit(host, path, **params):
    return Client(raise_request_exception=False).get(path, params, HTTP_HOST=host)


def test_each_site_has_its_own_sitemap(site, justice):
    news = publish_news(justice, "Sở Tư pháp tập huấn công tác hộ tịch")

    own = visit("sotuphap.localhost", "/sitemap.xml").content.decode()
    province = visit("testserver", "/sitemap.xml").content.decode()

    assert f"http://sotuphap.localhost/tin-hoat-dong/{news.slug}/" in own
    assert "http://localhost/" not in own
    assert news.slug not in province


def test_robots_txt_points_at_the_sitemap_on_its_own_host(justice):
    body = visit("sotuphap.localhost", "/robots.txt").content.decode()
    assert "Sitemap: http://sotuphap.localhost/sitemap.xml" in body


def test_a_subportal_searches_its_own_pages_with_one_link_to_search_the_whole_province(home_page, justice):
    publish_news(justice, "Hướng dẫn đăng ký hộ tịch trực tuyến")
    guide = StandardPage(title="Đăng ký hộ tịch tại tỉnh", slug="dang-ky-ho-tich")
    home_page.add_child(instance=guide)
    guide.save_revision().publish()

    own = visit("sotuphap.localhost", "/tim-kiem/", q="hộ tịch").content.decode()
    whole = visit("sotuphap.localhost", "/tim-kiem/", q="hộ tịch", toan_tinh="1").content.decode()

    assert "Hướng dẫn đăng ký hộ tịch trực tuyến" in own
    assert "Đăng ký hộ tịch tại tỉnh" not in own
    assert "Tìm trong toàn tỉnh" in own and "toan_tinh=1" in own
    assert "Hướng dẫn đăng ký hộ tịch trực tuyến" in whole
    assert "Đăng ký hộ tịch tại tỉnh" in whole
    # The province's page is linked on the province's own host.
    assert "http://localhost/dang-ky-ho-tich/" in whole


def test_the_province_directive_finder_lists_an_agencys_directive_at_its_canonical_url(home_page, justice):
    province_index = DirectiveIndexPage(title="Văn bản chỉ đạo, điều hành", slug="van-ban")
    home_page.add_child(instance=province_index)
    province_index.save_revision().publish()
    agency_index = DirectiveIndexPage.objects.descendant_of(justice.site.root_page).get()
    directive = DirectivePage(
        title="Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
        slug="ke-hoach-pho-bien-phap-luat-2026",
        number="12/KH-STP",
        doc_type=DocumentType.objects.get_or_create(name="Kế hoạch", defaults={"code": "KH"})[0],
        issuing_body=justice.issuing_body,
        issued_on=datetime.date(2026, 1, 15),
        summary="Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
    )
    agency_index.add_child(instance=directive)
    directive.save_revision().publish()

    province = visit("testserver", "/van-ban/").content.decode()
    agency = visit("sotuphap.localhost", "/van-ban-chi-dao-dieu-hanh/").content.decode()

    assert "http://sotuphap.localhost/van-ban-chi-dao-dieu-hanh/ke-hoach-pho-bien-phap-luat-2026/" in province
    assert "12/KH-STP" in agency
    # The agency is one of the finder's facets.
    assert "Sở Tư pháp" in province
    assert directive.get_url(None) == directive.full_url
