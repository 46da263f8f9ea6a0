"""English pages (Nghị định 42/2022/NĐ-CP): under /en/, linked both ways, announced to search engines."""

import re

import pytest
from django.test import Client

from home.demo import ensure_translation
from home.models import OrganisationPage
from subportals.creating import create_subportal

pytestmark = pytest.mark.django_db


def visit(path, host="localhost", **params):
    return Client(raise_request_exception=False).get(path, params, HTTP_HOST=host)


def switcher(html):
    """The language switcher in the page header."""
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    match = re.search(r'<nav class="language-switcher".*?</nav>', header, re.S)
    assert match, "no language switcher in the header"
    return match.group(0)


@pytest.fixture
def structure(home_page):
    page = OrganisationPage(
        title="Cơ cấu tổ chức", slug="co-cau-to-chuc", show_in_menus=True, description="<p>Chức năng, nhiệm vụ</p>"
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def english(home_page, structure):
    ensure_translation(home_page, "en", title="Hậu Giang Province e-Information Portal", intro="In English.")
    page, _created = ensure_translation(
        structure,
        "en",
        slug="organisation",
        title="Organisational structure",
        description="<p>Functions and tasks</p>",
        show_in_menus=True,
    )
    return page


def test_an_english_page_answers_under_en_in_english(english):
    response = visit("/en/organisation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Functions and tasks" in html


def test_the_vietnamese_page_keeps_its_address_and_language(english):
    response = visit("/co-cau-to-chuc/")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()


def test_the_switcher_links_each_page_to_its_translation(english):
    vietnamese = switcher(visit("/co-cau-to-chuc/").content.decode())
    assert '<a href="/en/organisation/" lang="en" hreflang="en" rel="alternate">English</a>' in vietnamese
    english_side = switcher(visit("/en/organisation/").content.decode())
    assert '<a href="/co-cau-to-chuc/" lang="vi" hreflang="vi" rel="alternate">Tiếng Việt</a>' in english_side


def test_a_translation_shows_in_the_switcher_as_soon_as_it_is_published(home_page, structure):
    """The translations of a page are kept in the cache; publishing one must refresh them at once."""
    ensure_translation(home_page, "en", title="Hậu Giang Province e-Information Portal", intro="In English.")
    visit("/")  # the first visit creates the site's settings, a content change of its own
    before = visit("/co-cau-to-chuc/").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in switcher(before)
    ensure_translation(structure, "en", slug="organisation", title="Organisational structure")
    after = visit("/co-cau-to-chuc/").content.decode()
    assert '<a href="/en/organisation/" lang="en" hreflang="en" rel="alternate">English</a>' in switcher(after)
    assert 'hreflang="en" href="http://localhost/en/organisation/"' in after.split("</head>", 1)[0]


def test_both_pages_announce_each_other_with_hreflang(english):
    expected = [
        '<link rel="alternate" hreflang="en" href="http://localhost/en/organisation/">',
        '<link rel="alternate" hreflang="vi" href="http://localhost/co-cau-to-chuc/">',
        '<link rel="alternate" hreflang="x-default" href="http://localhost/co-cau-to-chuc/">',
    ]
    for path in ("/co-cau-to-chuc/", "/en/organisation/"):
        head = visit(path).content.decode().split("</head>", 1)[0]
        for link in expected:
            assert link in head, f"{path} lacks {link}"


def test_a_page_without_translation_offers_the_english_home_page_and_no_vietnamese_under_en(home_page, english):
    guide = OrganisationPage(title="Giới thiệu chung", slug="gioi-thieu-chung")
    home_page.add_child(instance=guide)
    guide.save_revision().publish()

    html = visit("/gioi-thieu-chung/").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in switcher(html)
    assert 'hreflang="en"' not in html.split("</head>", 1)[0]
    # Wagtail would serve the Vietnamese page under /en/, marked as English: not here.
    assert visit("/en/gioi-thieu-chung/").status_code == 404


def test_the_english_home_page_links_to_the_english_pages_and_its_menu_is_english(english):
    visit("/")  # the Vietnamese menu is kept in the cache first
    html = visit("/en/").content.decode()
    assert '<html lang="en">' in html
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/en/organisation/">Organisational structure</a>' in nav
    assert "Cơ cấu tổ chức" not in nav
    main = html.split("<main", 1)[1]
    assert 'href="/en/organisation/"' in main
    assert "Cơ cấu tổ chức" in visit("/").content.decode()


def test_english_search_and_the_404_page_answer_in_english(english):
    search = visit("/en/tim-kiem/", q="organisation")
    assert search.status_code == 200
    assert '<html lang="en">' in search.content.decode()
    assert 'action="/en/tim-kiem/"' in search.content.decode()
    missing = visit("/en/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert '<html lang="en">' in missing.content.decode()


def test_a_subportal_answers_in_english_on_its_own_host(home_page):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    root = justice.subportal.site.root_page
    ensure_translation(root, "en", title="Department of Justice", intro="The Department's portal in English.")
    about = OrganisationPage.objects.child_of(root).get()
    ensure_translation(about, "en", slug="about", title="About the Department", show_in_menus=True)

    response = visit("/en/", host="sotuphap.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert 'href="/en/about/"' in html
    assert visit("/en/about/", host="sotuphap.localhost").status_code == 200


def test_the_sitemap_lists_english_pages_with_their_alternates(english):
    sitemap = visit("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/en/organisation/</loc>" in sitemap
    entry = sitemap.split("<loc>http://localhost/co-cau-to-chuc/</loc>", 1)[1].split("</url>", 1)[0]
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/organisation/"/>' in entry
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost/co-cau-to-chuc/"/>' in entry


def test_a_browser_that_prefers_english_still_gets_vietnamese_at_vietnamese_addresses(english):
    response = Client().get("/co-cau-to-chuc/", HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
