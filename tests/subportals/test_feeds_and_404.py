"""A sub-portal's feeds list its own items on its own host; its 404 page wears its own name, menu and footer."""

import datetime

from django.test import Client

from directives.models import (
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    IssuingBody,
    OperationalNewsIndexPage,
)
from home.models import PortalSettings

from .test_hosts_and_cache import publish_news


def visit(host, path):
    return Client(raise_request_exception=False).get(path, HTTP_HOST=host)


def publish_directive(index, number, title, issuing_body=None):
    directive = DirectivePage(
        title=title,
        number=number,
        doc_type=DocumentType.objects.get_or_create(name="Kế hoạch", defaults={"code": "KH"})[0],
        issuing_body=issuing_body
        or IssuingBody.objects.get_or_create(
            name="Ủy ban nhân dân tỉnh Hậu Giang", defaults={"short_name": "UBND tỉnh"}
        )[0],
        issued_on=datetime.date(2026, 1, 15),
        summary=title,
    )
    index.add_child(instance=directive)
    directive.save_revision().publish()
    return directive


def province_sections(home_page):
    directives = DirectiveIndexPage(title="Văn bản chỉ đạo, điều hành", slug="van-ban")
    news = OperationalNewsIndexPage(title="Tin chỉ đạo, điều hành", slug="tin-chi-dao")
    for page in (directives, news):
        home_page.add_child(instance=page)
        page.save_revision().publish()
    return directives, news


def test_a_subportals_directive_feed_lists_its_own_directives_linked_on_its_host(home_page, justice, information):
    province_index, _ = province_sections(home_page)
    publish_directive(province_index, "1/KH-UBND", "Kế hoạch của Ủy ban nhân dân tỉnh")
    own_index = DirectiveIndexPage.objects.descendant_of(justice.site.root_page).get()
    own = publish_directive(own_index, "12/KH-STP", "Kế hoạch phổ biến pháp luật", justice.issuing_body)
    other_index = DirectiveIndexPage.objects.descendant_of(information.site.root_page).get()
    publish_directive(other_index, "3/KH-STTTT", "Kế hoạch chuyển đổi số", information.issuing_body)

    for path in ("/nguon-tin/van-ban/rss/", "/nguon-tin/van-ban/atom/"):
        feed = visit("sotuphap.localhost", path).content.decode()
        assert "Kế hoạch phổ biến pháp luật" in feed, path
        assert "Kế hoạch chuyển đổi số" not in feed, path
        assert "Kế hoạch của Ủy ban nhân dân tỉnh" not in feed, path
        assert f"http://sotuphap.localhost/van-ban-chi-dao-dieu-hanh/{own.slug}/" in feed, path
        assert "Sở Tư pháp" in feed, path
        assert "Tỉnh Hậu Giang" not in feed, path


def test_the_province_directive_feed_lists_every_agencys_directives_at_their_own_hosts(home_page, justice):
    province_index, _ = province_sections(home_page)
    publish_directive(province_index, "1/KH-UBND", "Kế hoạch của Ủy ban nhân dân tỉnh")
    own_index = DirectiveIndexPage.objects.descendant_of(justice.site.root_page).get()
    own = publish_directive(own_index, "12/KH-STP", "Kế hoạch phổ biến pháp luật", justice.issuing_body)

    feed = visit("testserver", "/nguon-tin/van-ban/rss/").content.decode()

    assert "Kế hoạch của Ủy ban nhân dân tỉnh" in feed
    assert f"http://sotuphap.localhost/van-ban-chi-dao-dieu-hanh/{own.slug}/" in feed


def test_a_subportals_news_feed_lists_its_own_news_linked_on_its_host(home_page, justice, information):
    _, province_news_index = province_sections(home_page)
    own = publish_news(justice, "Sở Tư pháp tập huấn công tác hộ tịch")
    publish_news(information, "Sở Thông tin và Truyền thông họp báo")

    own_feed = visit("sotuphap.localhost", "/nguon-tin/tin-chi-dao/rss/").content.decode()
    province_feed = visit("testserver", "/nguon-tin/tin-chi-dao/rss/").content.decode()

    assert "Sở Tư pháp tập huấn công tác hộ tịch" in own_feed
    assert f"http://sotuphap.localhost/tin-hoat-dong/{own.slug}/" in own_feed
    assert "Sở Thông tin và Truyền thông họp báo" not in own_feed
    assert "<link>http://sotuphap.localhost/tin-hoat-dong/</link>" in own_feed
    # The province's news feed is its own news list's, as on its news page.
    assert "Sở Tư pháp tập huấn công tác hộ tịch" not in province_feed
    assert "<link>http://testserver/tin-chi-dao/</link>" in province_feed


def test_a_404_on_a_subportal_shows_that_sites_name_menu_and_footer(site, home_page, justice):
    PortalSettings.for_site(site).save()
    response = visit("sotuphap.localhost", "/khong-co-trang-nay/")
    body = response.content.decode()

    assert response.status_code == 404
    assert "Không tìm thấy trang" in body
    assert "Cổng thông tin điện tử Sở Tư pháp" in body
    # Its menu: the sub-portal's sections, on its own host.
    assert 'href="/tin-hoat-dong/"' in body
    assert "Cổng thông tin điện tử tỉnh Hậu Giang" not in body
