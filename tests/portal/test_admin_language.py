"""The Wagtail admin speaks Vietnamese: locale/vi overrides Wagtail's nearly empty vi catalogs."""

import ast
import gettext
import html
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail

pytestmark = pytest.mark.django_db


def visible(response):
    """The page's HTML with entities decoded, as a reader of the page would see the words."""
    return html.unescape(response.content.decode())


def json_text(response):
    """Text carried in JSON (sidebar props, JS catalog), with \\uXXXX escapes turned back into letters."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), response.content.decode())


def test_login_page_invites_editors_to_sign_in_in_vietnamese(client):
    page = visible(client.get("/admin/login/"))

    assert "Đăng nhập" in page
    assert "Quên mật khẩu?" in page
    assert "Ghi nhớ đăng nhập" in page
    assert "Sign in to Wagtail" not in page
    assert "Forgotten password?" not in page
    assert "Mật khẩu" in page
    assert "Password" not in page


def test_wrong_password_is_explained_in_vietnamese(client, django_user_model):
    django_user_model.objects.create_user(username="bientap", password="dung-mat-khau-9")

    page = visible(client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"}))

    assert "mật khẩu không đúng. Vui lòng thử lại." in page
    assert "didn't match" not in page


def test_password_reset_email_is_written_in_vietnamese(client, django_user_model):
    django_user_model.objects.create_user(username="bientap", email="bientap@haugiang.gov.vn", password="x")

    client.post("/admin/password_reset/", {"email": "bientap@haugiang.gov.vn"})

    assert len(mail.outbox) == 1
    assert "Vui lòng mở liên kết dưới đây để đặt lại mật khẩu" in mail.outbox[0].body


def test_dashboard_shows_vietnamese_panels_and_menu(admin_client, home_page):
    response = admin_client.get("/admin/")
    page = visible(response)

    assert response.status_code == 200
    assert "<title>Bảng điều khiển" in page
    assert "Tổng quan trang web" in page
    # The sidebar is built from JSON; its labels are part of the same catalog.
    sidebar = json_text(response)
    for label in ("Hình ảnh", "Tài liệu", "Báo cáo", "Thiết lập", "Người dùng", "Nhóm", "Đăng xuất"):
        assert label in sidebar
    assert "Site summary" not in page
    assert "Log out" not in sidebar


def test_page_editor_offers_vietnamese_publishing_actions(admin_client, home_page):
    page = visible(admin_client.get(f"/admin/pages/{home_page.pk}/edit/"))

    for label in ("Lưu bản nháp", "Xuất bản", "Xem trước", "Lịch sử", "Nội dung", "Quảng bá", "Trạng thái"):
        assert label in page
    for english in ("Save draft", ">Publish<", "Content metrics", "Promote"):
        assert english not in page


def test_moderation_action_names_the_workflow_in_vietnamese(admin_client, home_page):
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.create(name="Phê duyệt của Văn phòng")
    WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": workflow})

    page = visible(admin_client.get(f"/admin/pages/{home_page.pk}/edit/"))

    assert "Gửi duyệt theo Phê duyệt của Văn phòng" in page


def test_page_explorer_and_history_are_in_vietnamese(admin_client, home_page):
    explorer = visible(admin_client.get(f"/admin/pages/{home_page.pk}/"))
    history = visible(admin_client.get(f"/admin/pages/{home_page.pk}/history/"))

    assert "Thêm trang con" in explorer
    assert "Add child page" not in explorer
    assert "Đã xuất bản" in history  # the audit log names the publish action
    assert "Lọc theo" in history
    assert "Filter by" not in history


@pytest.mark.parametrize(
    ("path", "vietnamese", "english"),
    [
        ("/admin/images/", "Hình ảnh", "Add an image"),
        ("/admin/documents/", "Tài liệu", "Add a document"),
        ("/admin/users/", "Thêm người dùng", "Add a user"),
        ("/admin/groups/", "Thêm nhóm", "Add a group"),
        ("/admin/reports/locked/", "Trang bị khóa", "Locked pages"),
        ("/admin/reports/site-history/", "Lịch sử trang web", "Site history"),
        ("/admin/workflows/list/", "Thêm quy trình", "Add a workflow"),
    ],
)
def test_main_admin_screens_are_in_vietnamese(admin_client, home_page, path, vietnamese, english):
    page = visible(admin_client.get(path))

    assert vietnamese in page
    assert english not in page


def test_moderator_group_permissions_screen_is_in_vietnamese(admin_client, home_page):
    group = Group.objects.create(name="Biên tập viên Sở")

    page = visible(admin_client.get(f"/admin/groups/edit/{group.pk}/"))

    assert "Quyền trên trang" in page
    assert "Page permissions" not in page


def test_javascript_catalog_translates_editor_widgets(admin_client):
    catalog = json_text(admin_client.get("/admin/jsi18n/"))

    assert "Đang tải…" in catalog
    assert "Xem tất cả" in catalog


def single_line_entries(po_path):
    """(msgid, msgstr) of the catalog's plain entries: no context, no plural, one line each."""
    for block in po_path.read_text(encoding="utf-8").split("\n\n"):
        found = re.search(r'^msgid (".*")\nmsgstr (".*")$', block, re.MULTILINE)
        if found and "msgctxt" not in block and found.group(1) != '""':
            yield ast.literal_eval(found.group(1)), ast.literal_eval(found.group(2))


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalog_matches_its_source(domain):
    """The admin reads the .mo: a .po edited without recompiling would not reach editors."""
    messages = settings.BASE_DIR / "locale" / "vi" / "LC_MESSAGES"
    with open(messages / f"{domain}.mo", "rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)

    entries = list(single_line_entries(messages / f"{domain}.po"))

    assert len(entries) > 50
    stale = [msgid for msgid, msgstr in entries if compiled.gettext(msgid) != msgstr]
    assert stale == []
