from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Revision

from home.models import HomePage, OrganisationPage, StandardPage

pytestmark = pytest.mark.django_db


def test_page_types_are_creatable_only_where_allowed(home_page):
    assert StandardPage.can_create_at(home_page)
    assert OrganisationPage.can_create_at(home_page)
    assert not HomePage.can_create_at(home_page)
    organisation = home_page.add_child(instance=OrganisationPage(title="Sở Y tế"))
    assert OrganisationPage.can_create_at(organisation)
    assert not StandardPage.can_create_at(organisation)


def test_editor_creates_a_standard_page_in_the_admin(admin_client, home_page):
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        {"title": "Hướng dẫn đăng ký kinh doanh", "slug": "huong-dan-dkkd", "lead": "Các bước", "body-count": "0"},
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(title="Hướng dẫn đăng ký kinh doanh")
    assert page.get_parent().pk == home_page.pk
    assert not page.live  # saved as a draft until it goes through review


def test_a_vietnamese_slug_typed_in_the_admin_is_folded_to_ascii(admin_client, home_page):
    # What the admin's slug maker sends for "Thông báo kết luận đợt 1" in Unicode mode.
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        {"title": "Thông báo kết luận đợt 1", "slug": "thông-báo-kết-luận-đợt-1", "lead": "", "body-count": "0"},
    )
    assert response.status_code == 302
    assert StandardPage.objects.get(title="Thông báo kết luận đợt 1").slug == "thong-bao-ket-luan-dot-1"


def test_demo_loads_and_a_second_run_changes_nothing(demo):
    from django.core.management import call_command

    pages, revisions = Page.objects.count(), Revision.objects.count()
    assert pages > 5
    call_command("load_demo", stdout=__import__("io").StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_every_demo_page_renders(client, demo):
    live_pages = Page.objects.live().public().filter(depth__gte=2).select_related("locale").specific()
    assert live_pages.count() > 5
    for page in live_pages:
        # Sub-portal pages have full URLs on their own host name.
        url = urlsplit(page.full_url)
        response = client.get(url.path, HTTP_HOST=url.netloc)
        assert response.status_code == 200, f"{page.full_url} answered {response.status_code}"
        # English translations (under /en/) say so; every other page is Vietnamese.
        assert f'<html lang="{page.locale.language_code}">'.encode() in response.content


def test_layout_has_skip_link_navigation_breadcrumbs_and_footer_facts(client, demo):
    response = client.get("/huong-dan/nop-ho-so-truc-tuyen/")
    html = response.content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert 'aria-label="Điều hướng chính"' in html
    assert 'aria-label="Đường dẫn"' in html
    assert "Cơ cấu tổ chức" in html  # a menu page
    assert "congthongtin@haugiang.gov.vn" in html
    assert "Chịu trách nhiệm nội dung: Chánh Văn phòng Ủy ban nhân dân tỉnh" in html


def test_guidance_blocks_render_for_citizens(client, demo):
    html = client.get("/huong-dan/nop-ho-so-truc-tuyen/").content.decode()
    assert "<details>" in html and "Tôi không có máy tính" in html  # FAQ accordion without JS
    assert "<caption>So sánh cách nộp hồ sơ</caption>" in html
    assert '<a class="button" href="/tim-kiem/">Tra cứu thủ tục</a>' in html


def test_dates_are_shown_day_month_year(client, demo):
    page = StandardPage.objects.get(slug="nop-ho-so-truc-tuyen")
    html = client.get(page.url).content.decode()
    from django.utils import timezone

    expected = timezone.localtime(page.last_published_at).strftime("%d/%m/%Y")
    assert f">{expected}</time>" in html


def test_organisation_page_lists_contact_officials(client, demo):
    html = client.get("/co-cau-to-chuc/so-thong-tin-va-truyen-thong/").content.decode()
    assert "Phạm Quốc Dũng" in html
    assert "Giám đốc Sở" in html
    assert 'href="mailto:pqdung@haugiang.gov.vn"' in html


def test_unknown_address_gets_vietnamese_404(client, demo):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_staff_groups_and_moderation_workflow_exist(db):
    from wagtail.models import GroupPagePermission, Workflow

    editors = Group.objects.get(name="Biên tập viên")
    moderators = Group.objects.get(name="Phê duyệt")
    Group.objects.get(name="Quản trị cổng")
    editor_perms = set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True))
    moderator_perms = set(
        GroupPagePermission.objects.filter(group=moderators).values_list("permission__codename", flat=True)
    )
    assert "publish_page" not in editor_perms and "change_page" in editor_perms
    assert "publish_page" in moderator_perms
    root = Page.get_first_root_node()
    workflow = Workflow.objects.get(name="Quy trình phê duyệt nội dung")
    assert root.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert moderators in task.groups.all()


@pytest.mark.parametrize("link", ["/tim-kiem/", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"])
def test_call_to_action_accepts_portal_paths_and_web_addresses(link):
    from home.blocks import CallToActionBlock

    value = CallToActionBlock().to_python({"text": "Tra cứu", "button_label": "Mở", "external_url": link})
    assert CallToActionBlock().clean(value).url() == link


@pytest.mark.parametrize("link", ["javascript:alert(1)", "//evil.example/", "ftp://x.vn/a"])
def test_call_to_action_rejects_unsafe_links_with_a_vietnamese_message(link):
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import CallToActionBlock

    value = CallToActionBlock().to_python({"text": "Tra cứu", "button_label": "Mở", "external_url": link})
    with pytest.raises(StructBlockValidationError) as caught:
        CallToActionBlock().clean(value)
    assert "Nhập đường dẫn bắt đầu bằng" in str(caught.value.block_errors["external_url"])


def test_only_the_vietnamese_staff_groups_and_workflow_are_offered(db):
    from wagtail.models import Workflow

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Quy trình phê duyệt nội dung"]
