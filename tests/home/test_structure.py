"""The menu, footer, privacy and routing that every page shares, now read from the structure cache."""

import pytest
from wagtail.models import PageViewRestriction, Site

from home.models import OrganisationPage, PortalSettings, StandardPage

pytestmark = pytest.mark.django_db


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def menu_html(client):
    html = client.get("/").content.decode()
    return html.split('aria-label="Điều hướng chính"', 1)[1].split("</nav>", 1)[0]


def test_a_page_published_into_the_menu_shows_on_the_next_visit_and_leaves_when_unpublished(client, home_page):
    publish(home_page, StandardPage(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True))
    assert "Giới thiệu" in menu_html(client)

    news = publish(home_page, StandardPage(title="Tin tức", slug="tin-tuc", show_in_menus=True))
    assert '<a href="/tin-tuc/">Tin tức</a>' in menu_html(client)

    news.unpublish()
    assert "Tin tức" not in menu_html(client)


def test_the_menu_marks_the_section_being_read(client, home_page):
    guide = publish(home_page, StandardPage(title="Hướng dẫn", slug="huong-dan", show_in_menus=True))
    publish(guide, StandardPage(title="Nộp hồ sơ", slug="nop-ho-so"))
    html = client.get("/huong-dan/nop-ho-so/").content.decode()
    assert '<a href="/huong-dan/" aria-current="true">Hướng dẫn</a>' in html
    html = client.get("/huong-dan/").content.decode()
    assert '<a href="/huong-dan/" aria-current="page">Hướng dẫn</a>' in html


def test_making_a_section_private_hides_it_from_the_menu_and_guards_its_pages_at_once(client, home_page):
    section = publish(home_page, StandardPage(title="Nội bộ", slug="noi-bo", show_in_menus=True))
    publish(section, StandardPage(title="Lịch họp", slug="lich-hop"))
    assert "Nội bộ" in menu_html(client)
    assert client.get("/noi-bo/lich-hop/").status_code == 200

    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-rieng"
    )
    assert "Nội bộ" not in menu_html(client)
    html = client.get("/noi-bo/lich-hop/").content.decode()
    assert "Lịch họp" not in html
    assert 'name="password"' in html


def test_the_footer_shows_edited_portal_facts_on_the_next_visit(client, home_page):
    assert "0293 3333 999" not in client.get("/").content.decode()
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.phone = "0293 3333 999"
    settings.save()
    assert "0293 3333 999" in client.get("/").content.decode()


def test_pages_deep_in_the_tree_are_served_with_their_breadcrumbs(client, home_page):
    department = publish(home_page, OrganisationPage(title="Sở Y tế", slug="so-y-te"))
    office = publish(department, OrganisationPage(title="Văn phòng Sở", slug="van-phong"))
    publish(office, OrganisationPage(title="Tổ một cửa", slug="to-mot-cua"))

    response = client.get("/so-y-te/van-phong/to-mot-cua/")
    assert response.status_code == 200
    breadcrumbs = response.content.decode().split('aria-label="Đường dẫn"', 1)[1].split("</nav>", 1)[0]
    assert [part in breadcrumbs for part in ("Trang chủ", "Sở Y tế", "Văn phòng Sở", "Tổ một cửa")] == [True] * 4
    assert client.get("/so-y-te/van-phong/khong-co/").status_code == 404
    assert client.get("/so-y-te/khong-co/to-mot-cua/").status_code == 404


def test_the_same_slug_in_two_sections_leads_to_each_sections_own_page(client, home_page):
    health = publish(home_page, OrganisationPage(title="Sở Y tế", slug="so-y-te"))
    education = publish(home_page, OrganisationPage(title="Sở Giáo dục", slug="so-giao-duc"))
    publish(health, OrganisationPage(title="Văn phòng Sở Y tế", slug="van-phong"))
    publish(education, OrganisationPage(title="Văn phòng Sở Giáo dục", slug="van-phong"))

    assert "Văn phòng Sở Giáo dục" in client.get("/so-giao-duc/van-phong/").content.decode()
    assert "Văn phòng Sở Y tế" in client.get("/so-y-te/van-phong/").content.decode()


def test_a_draft_is_not_served_but_a_live_page_under_an_unpublished_section_still_is(client, home_page):
    section = publish(home_page, StandardPage(title="Chuyên mục", slug="chuyen-muc"))
    publish(section, StandardPage(title="Bài đã đăng", slug="bai-da-dang"))
    section.add_child(instance=StandardPage(title="Bản nháp", slug="ban-nhap", live=False))
    assert client.get("/chuyen-muc/ban-nhap/").status_code == 404

    # As Wagtail's own routing does: a page keeps its address when its section is unpublished.
    section.unpublish()
    assert client.get("/chuyen-muc/").status_code == 404
    assert client.get("/chuyen-muc/bai-da-dang/").status_code == 200
