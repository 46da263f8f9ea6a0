"""A document is downloadable by the public only when a live, public page shows it, or when no page
ever attached it and staff keep it in a public collection. Drafts and private pages keep theirs."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import Collection, PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_document():
    def make(title="Biểu mẫu đăng ký", collection=None):
        document = Document(title=title, collection=collection or Collection.get_first_root_node())
        document.file.save("bieu-mau.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    return make


@pytest.fixture
def make_page(home_page):
    """Factory: a guidance page under the home page, a draft unless ``publish``."""

    def make(title="Hướng dẫn", body=(), publish=False, parent=None):
        page = StandardPage(title=title, body=list(body), live=False)
        (parent or home_page).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    return make


def document_block(document):
    return ("document", {"document": document, "title": ""})


def rich_text_link(document):
    return ("paragraph", f'<p>Tải <a linktype="document" id="{document.pk}">biểu mẫu</a>.</p>')


def test_a_document_linked_only_from_a_draft_page_is_not_found_until_the_page_is_published(
    client, make_document, make_page
):
    document = make_document()
    page = make_page(body=[document_block(document)])

    assert client.get(document.url).status_code == 404

    page.get_latest_revision().publish()
    assert client.get(document.url).status_code == 200


def test_a_rich_text_link_in_a_draft_keeps_the_document_private(client, make_document, make_page):
    document = make_document()
    make_page(body=[rich_text_link(document)])

    assert client.get(document.url).status_code == 404


def test_a_document_added_in_unpublished_changes_of_a_live_page_waits_for_publication(client, make_document, make_page):
    document = make_document()
    page = make_page(publish=True)
    page.body = [document_block(document)]
    page.save_revision()

    assert client.get(document.url).status_code == 404
    page.get_latest_revision().publish()
    assert client.get(document.url).status_code == 200


def test_a_document_a_live_page_still_shows_stays_public_while_a_draft_removes_it(client, make_document, make_page):
    document = make_document()
    page = make_page(body=[rich_text_link(document)], publish=True)
    page.body = []
    page.save_revision()

    assert client.get(document.url).status_code == 200


def test_a_document_shown_only_on_a_private_page_is_not_found(client, make_document, make_page):
    document = make_document()
    page = make_page(body=[document_block(document)], publish=True)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(document.url).status_code == 404

    make_page(title="Thủ tục công khai", body=[document_block(document)], publish=True)
    assert client.get(document.url).status_code == 200


def test_a_document_under_a_private_section_is_not_found(client, make_document, make_page):
    document = make_document()
    section = make_page(title="Nội bộ", publish=True)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="mk")
    make_page(title="Công văn nội bộ", body=[rich_text_link(document)], publish=True, parent=section)

    assert client.get(document.url).status_code == 404


def test_an_unattached_document_follows_its_collection_which_staff_mark_public(admin_client, make_document):
    internal = Collection.get_first_root_node().add_child(name="Hồ sơ nội bộ")
    document = make_document(collection=internal)
    anonymous = Client()

    assert anonymous.get(document.url).status_code == 404
    assert admin_client.get(document.url).status_code == 200  # staff may still open it

    form = admin_client.get("/admin/settings/portal/documentprivacy/", follow=True)
    assert "Bộ sưu tập công khai" in form.content.decode()
    root = Collection.get_first_root_node()
    saved = admin_client.post(form.wsgi_request.path, {"public_collections": [root.pk, internal.pk]})
    assert saved.status_code == 302
    assert anonymous.get(document.url).status_code == 200


def test_the_root_collection_is_public_out_of_the_box(client, make_document):
    from portal.models import DocumentPrivacy

    assert Collection.get_first_root_node() in DocumentPrivacy.load().public_collections.all()
    assert client.get(make_document().url).status_code == 200


def test_a_document_once_attached_to_a_page_no_longer_follows_its_collection(client, make_document, make_page):
    document = make_document()
    page = make_page(publish=True)
    page.body = [document_block(document)]
    page.save_revision()
    page.body = []
    page.save_revision()

    assert client.get(document.url).status_code == 404


def test_serving_a_document_costs_the_same_queries_however_many_drafts_the_site_holds(client, make_document, make_page):
    shown = make_document(title="Công khai")
    make_page(title="Trang công khai", body=[document_block(shown)], publish=True)
    withheld = make_document(title="Dự thảo")
    make_page(title="Dự thảo 0", body=[document_block(withheld)])

    def queries():
        counts = []
        for document in (shown, withheld):
            # The first request after new content refills the per-generation caches (private sections, site).
            client.get(document.url)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(document.url).status_code
            assert not any("wagtailcore_revision" in query["sql"] for query in captured), "drafts were scanned"
            counts.append((status, len(captured)))
        return counts

    queries()  # the 404 page creates the portal's settings row on its first showing
    with_one_draft = queries()
    for number in range(1, 21):
        make_page(title=f"Dự thảo {number}", body=[document_block(make_document(title=f"Tệp {number}"))])
    assert queries() == with_one_draft
    assert [status for status, _count in with_one_draft] == [200, 404]


def test_a_password_alone_does_not_open_a_draft_document_until_the_second_factor(client, make_document, make_page):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    editor = get_user_model().objects.create_user("bientap", "bientap@haugiang.gov.vn", "mat-khau-bien-tap-2026")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    device = TOTPDevice.objects.create(user=editor, name="Điện thoại", confirmed=True)
    document = make_document()
    make_page(body=[document_block(document)])

    client.post("/admin/login/", {"username": "bientap", "password": "mat-khau-bien-tap-2026"})
    assert client.get(document.url).status_code == 404

    code = f"{totp(bytes.fromhex(device.key), t0=0, step=30, digits=6, drift=0):06d}"
    verified = client.post("/admin/xac-thuc-hai-buoc/", {"code": code, "next": document.url})
    assert verified["Location"] == document.url
    assert client.get(document.url).status_code == 200
