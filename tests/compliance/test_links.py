"""``check_links``: every link of live pages and settings, internal ones through the resolver and the
page tree, external ones against a local web server; the broken ones listed for staff."""

import csv
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model

from compliance import links
from compliance.models import CheckedLink
from home.models import PortalSettings, StandardPage
from services.levels import LegacyLevel, OnlineLevel
from services.models import AdminLevel, Agency, Applicants, ProcedureField, ProcedureIndexPage, ProcedurePage

from .conftest import publish, staff

pytestmark = pytest.mark.django_db


def document(title):
    return get_document_model().objects.create(title=title, file=ContentFile(b"%PDF-1.4\n", name="van-ban.pdf"))


@pytest.fixture
def linking_page(home_page, web_server):
    """A page linking, in every way a page can, to things that work and things that do not."""
    draft = publish(home_page, StandardPage(title="Bản nháp", slug="ban-nhap"))
    draft.unpublish()
    gone = publish(home_page, StandardPage(title="Trang sẽ xóa", slug="trang-se-xoa"))
    kept = document("Quyết định còn")
    lost = document("Quyết định sẽ xóa")
    paragraph = (
        f'<p><a linktype="page" id="{draft.pk}">nháp</a> <a href="/tim-kiem/">tìm kiếm</a> '
        f'<a href="/khong-co-trang-nay/">sai</a> <a linktype="document" id="{kept.pk}">văn bản</a> '
        f'<a href="mailto:vanphong@haugiang.gov.vn">thư</a> <a href="{web_server.url}/ok">ngoài</a></p>'
    )
    faq_answer = f'<p><a href="{web_server.url}/missing">hướng dẫn cũ</a></p>'
    page = publish(
        home_page,
        StandardPage(
            title="Trang có liên kết",
            slug="trang-co-lien-ket",
            body=[
                ("paragraph", paragraph),
                ("call_to_action", {"text": "Xem", "button_label": "Xem", "page": gone, "external_url": ""}),
                ("document", {"document": lost, "title": ""}),
                ("faq", {"title": "Hỏi đáp", "items": [{"question": "Ở đâu?", "answer": faq_answer}]}),
            ],
        ),
    )
    gone.delete()
    lost.delete()
    return page


def results(page):
    return {(link.url, link.kind, link.status, link.error) for link in CheckedLink.objects.filter(page=page)}


def test_internal_links_are_checked_through_the_resolver_and_the_page_tree(site, linking_page):
    call_command("check_links", stdout=io.StringIO())

    found = results(linking_page)
    assert ("/ban-nhap/", "page", "broken", "Trang đích chưa xuất bản.") in found
    assert any(kind == "page" and error == "Trang đích đã bị xóa." for _url, kind, _status, error in found)
    assert ("/tim-kiem/", "internal", "ok", "") in found
    assert ("/khong-co-trang-nay/", "internal", "broken", "Không có trang này trên cổng.") in found
    assert any(kind == "document" and status == "ok" for _url, kind, status, _error in found)
    assert any(kind == "document" and error == "Tài liệu đã bị xóa." for _url, kind, _status, error in found)
    # Without --external, nothing leaves the machine.
    assert not any(kind == "external" for _url, kind, _status, _error in found)
    assert not any("mailto" in url for url, _kind, _status, _error in found)


def test_external_links_come_from_rich_text_blocks_procedures_and_settings(site, home_page, linking_page, web_server):
    index = publish(home_page, ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh"))
    procedure = publish(
        index,
        ProcedurePage(
            title="Đăng ký kinh doanh hộ cá thể",
            code="9.000001",
            field=ProcedureField.objects.create(name="Doanh nghiệp"),
            agency=Agency.objects.create(name="Sở Tài chính"),
            admin_level=AdminLevel.PROVINCE,
            applicants=Applicants.CITIZEN,
            legacy_level=LegacyLevel(3),
            online_level=OnlineLevel.PARTIAL,
            online_url=f"{web_server.url}/loop-a",
        ),
    )
    portal = PortalSettings.for_site(site)
    portal.facebook_url = f"{web_server.url}/slow"
    portal.save()

    call_command("check_links", "--external", "--timeout", "0.5", "--per-host-interval", "0", stdout=io.StringIO())

    assert (f"{web_server.url}/ok", "external", "ok", "") in results(linking_page)
    missing = CheckedLink.objects.get(url=f"{web_server.url}/missing")
    assert (missing.page_id, missing.status, missing.http_status) == (linking_page.pk, "broken", 404)
    assert missing.source == "Nội dung"
    loop = CheckedLink.objects.get(page=procedure)
    assert (loop.status, loop.error, loop.source) == (
        "broken",
        "Vòng lặp chuyển hướng.",
        "Địa chỉ dịch vụ công trực tuyến",
    )
    setting = CheckedLink.objects.get(url=f"{web_server.url}/slow")
    assert (setting.page, setting.status, setting.error) == (None, "broken", "Quá thời gian chờ phản hồi.")
    assert setting.source == "Thông tin cổng: Facebook"


def test_a_second_run_replaces_the_results(site, linking_page):
    call_command("check_links", stdout=io.StringIO())
    first = CheckedLink.objects.count()
    call_command("check_links", "--site", "localhost", stdout=io.StringIO())
    assert CheckedLink.objects.count() == first


def test_an_unknown_site_is_refused(site):
    with pytest.raises(CommandError, match="Không có cổng nào có tên miền") as raised:
        call_command("check_links", "--site", "khong-co.localhost", stdout=io.StringIO())
    assert raised.value.returncode == 2


def test_a_link_to_another_sites_page_is_checked_on_that_site(site, home_page, justice):
    page = publish(
        home_page,
        StandardPage(
            title="Liên kết sang sở",
            slug="lien-ket-sang-so",
            body=[
                ("paragraph", '<p><a href="http://sotuphap.localhost/huong-dan/">đúng</a></p>'),
                ("paragraph", '<p><a href="http://sotuphap.localhost/khong-co/">sai</a></p>'),
            ],
        ),
    )
    found = {(link.url, link.kind): (link.status, link.error) for link in links.check_site(site) if link.page == page}
    assert found[("http://sotuphap.localhost/huong-dan/", "internal")] == ("ok", "")
    assert found[("http://sotuphap.localhost/khong-co/", "internal")] == ("broken", "Không có trang này trên cổng.")


def test_the_broken_links_report_lists_them_by_page_and_owner_and_exports_csv(client, site, superuser, linking_page):
    StandardPage.objects.filter(pk=linking_page.pk).update(owner=superuser)
    call_command("check_links", stdout=io.StringIO())
    client.force_login(superuser)

    response = client.get(reverse("compliance:broken_links"))
    assert response.status_code == 200
    listed = list(response.context["object_list"])
    assert listed and all(link.status == "broken" for link in listed)
    html = response.content.decode()
    assert "Trang có liên kết" in html and "/khong-co-trang-nay/" in html and "quantri" in html
    assert reverse("wagtailadmin_pages:edit", args=[linking_page.pk]) in html

    exported = client.get(reverse("compliance:broken_links"), {"export": "csv"})
    table = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert table[0] == [
        "Trang",
        "Tên miền",
        "Vị trí",
        "Địa chỉ",
        "Loại liên kết",
        "Lỗi",
        "Chủ sở hữu trang",
        "Kiểm tra lúc",
    ]
    row = next(row for row in table if row[3] == "/khong-co-trang-nay/")
    assert row[:3] == ["Trang có liên kết", "localhost", "Nội dung"]
    assert row[4:7] == ["Đường dẫn trên cổng", "Không có trang này trên cổng.", "quantri"]
    xlsx = client.get(reverse("compliance:broken_links"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_a_subportal_editor_sees_only_their_sites_broken_links(client, site, justice, linking_page):
    call_command("check_links", stdout=io.StringIO())
    client.force_login(staff("bien-tap-stp", "Biên tập viên – Sở Tư pháp"))
    response = client.get(reverse("compliance:broken_links"))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
