"""Out-of-date English pages: staff see them in the admin, visitors never do."""

import pytest
from django.test import Client

from home.demo import ensure_translation
from home.models import OrganisationPage
from portal.translations import stale_translations, translation_is_stale

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(home_page):
    source = OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc", description="<p>Chức năng</p>")
    home_page.add_child(instance=source)
    source.save_revision().publish()
    ensure_translation(home_page, "en", title="Home")
    english, _created = ensure_translation(source, "en", slug="organisation", title="Organisational structure")
    return source, english


def republish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    page.refresh_from_db()


def test_a_translation_published_after_its_source_is_current(pair):
    source, english = pair
    assert not translation_is_stale(english)
    assert not translation_is_stale(source)  # the Vietnamese page is nobody's translation


def test_publishing_the_vietnamese_page_again_makes_the_english_one_stale_until_it_is_updated(pair):
    source, english = pair
    republish(source, description="<p>Chức năng, nhiệm vụ mới</p>")
    assert translation_is_stale(english)
    assert list(stale_translations()) == [english.page_ptr]

    republish(english, description="<p>New functions and tasks</p>")
    assert not translation_is_stale(english)
    assert not stale_translations().exists()


def test_staff_see_the_notice_on_the_edit_view_and_in_the_page_listing(admin_client, pair):
    source, english = pair
    republish(source, description="<p>Chức năng, nhiệm vụ mới</p>")

    edit = admin_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Bản tiếng Việt “Cơ cấu tổ chức” đã được xuất bản lại lúc" in edit

    listing = admin_client.get(f"/admin/pages/{english.get_parent().pk}/").content.decode()
    assert "Bản dịch cũ hơn bản tiếng Việt" in listing
    assert f'href="/admin/pages/{source.pk}/edit/"' in listing


def test_the_notice_stays_out_of_a_current_translation_and_out_of_the_public_page(admin_client, pair):
    source, english = pair
    assert (
        "Bản dịch cũ hơn bản tiếng Việt"
        not in admin_client.get(f"/admin/pages/{english.get_parent().pk}/").content.decode()
    )

    republish(source, description="<p>Chức năng, nhiệm vụ mới</p>")
    public = Client().get("/en/organisation/", HTTP_HOST="localhost").content.decode()
    assert "Organisational structure" in public
    assert "Bản dịch" not in public and "xuất bản lại" not in public
    # Nor for staff looking at the public page: the notice belongs to the admin.
    assert "xuất bản lại" not in admin_client.get("/en/organisation/", HTTP_HOST="localhost").content.decode()
