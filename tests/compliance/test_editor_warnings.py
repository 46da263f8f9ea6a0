"""Editors hear of broken links where they work: on the page's edit view, and as they publish."""

import io

import pytest
from django.core.management import call_command
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(home_page):
    page = publish(home_page, StandardPage(title="Kế hoạch chưa duyệt", slug="ke-hoach-chua-duyet"))
    page.unpublish()
    return page


def edit_form(page, html, **actions):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": "",
            "body": streamfield([("paragraph", rich_text(html))]),
            **actions,
        }
    )


def warnings(response):
    """The warnings shown on the page the admin returns to after publishing."""
    return [str(message) for message in response.context["messages"] if message.level_tag == "warning"]


def test_the_edit_view_warns_of_the_broken_links_found_by_the_last_check(client, site, superuser, home_page, draft):
    page = publish(
        home_page,
        StandardPage(
            title="Tin có liên kết",
            slug="tin-co-lien-ket",
            body=[("paragraph", f'<p><a linktype="page" id="{draft.pk}">kế hoạch</a></p>')],
        ),
    )
    call_command("check_links", stdout=io.StringIO())
    client.force_login(superuser)

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Trang có 1 liên kết hỏng: /ke-hoach-chua-duyet/ (Trang đích chưa xuất bản.)" in html
    # A page without broken links opens without a warning.
    assert "liên kết hỏng" not in client.get(f"/admin/pages/{home_page.pk}/edit/").content.decode()


def test_publishing_a_link_to_an_unpublished_page_warns_without_blocking(client, site, superuser, home_page, draft):
    page = publish(home_page, StandardPage(title="Tin mới", slug="tin-moi"))
    client.force_login(superuser)
    html = f'<p>Xem <a linktype="page" id="{draft.pk}">kế hoạch</a>.</p>'

    response = client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, html, **{"action-publish": "1"}), follow=True
    )

    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert warnings(response) == [
        "Trang đã xuất bản nhưng có 1 liên kết hỏng: /ke-hoach-chua-duyet/ (Trang đích chưa xuất bản.)"
    ]
    assert "liên kết hỏng" in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    # The linked page is published and the page published again: the warnings go.
    draft.save_revision().publish()
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, html, **{"action-publish": "1"}), follow=True
    )
    assert warnings(response) == []
    assert "liên kết hỏng" not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_publishing_with_working_links_brings_no_warning(client, site, superuser, home_page):
    page = publish(home_page, StandardPage(title="Tin mới", slug="tin-moi"))
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(page, '<p><a href="/tim-kiem/">Tìm kiếm</a></p>', **{"action-publish": "1"}),
        follow=True,
    )
    page.refresh_from_db()
    assert page.live and warnings(response) == []
