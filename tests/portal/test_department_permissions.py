"""A department's staff edit, publish and approve in its own section and cannot in another department's."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from home.models import StandardPage
from portal.departments import department_groups


@pytest.fixture
def sections(home_page):
    made = {}
    for name, slug in (("Sở Tư pháp", "so-tu-phap"), ("Sở Nội vụ", "so-noi-vu")):
        section = home_page.add_child(instance=StandardPage(title=name, slug=slug))
        section.save_revision().publish()
        article = section.add_child(instance=StandardPage(title=f"Thông báo của {name}", lead="Bản gốc"))
        article.save_revision().publish()
        made[slug] = (section, article)
    return made


def public_html(url):
    return Client().get(url).content.decode()


def member_of(group, username):
    user = get_user_model().objects.create_user(username, f"{username}@haugiang.gov.vn", "mat-khau-2026")
    user.groups.add(group)
    return user


@pytest.fixture
def justice_staff(sections):
    section, _ = sections["so-tu-phap"]
    editors, approvers = department_groups(section, "Sở Tư pháp")
    department_groups(sections["so-noi-vu"][0], "Sở Nội vụ")
    return member_of(editors, "bientap-tuphap"), member_of(approvers, "pheduyet-tuphap")


def edit_form(page, **changes):
    data = {"title": page.title, "slug": page.slug, "lead": page.lead, "body-count": "0"}
    data.update(changes)
    return data


def test_an_editor_opens_and_saves_a_draft_in_their_own_section(client, sections, justice_staff):
    editor, _ = justice_staff
    _, own = sections["so-tu-phap"]
    client.force_login(editor)

    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.post(f"/admin/pages/{own.pk}/edit/", edit_form(own, lead="Bản nháp mới"))

    assert response.status_code == 302
    own.refresh_from_db()
    assert own.get_latest_revision_as_object().lead == "Bản nháp mới"


def test_an_editor_cannot_open_or_change_another_departments_page(client, sections, justice_staff):
    editor, _ = justice_staff
    _, other = sections["so-noi-vu"]
    revisions_before = other.revisions.count()
    client.force_login(editor)

    opened = client.get(f"/admin/pages/{other.pk}/edit/")
    posted = client.post(f"/admin/pages/{other.pk}/edit/", edit_form(other, lead="Sửa trái phép"))

    assert opened.status_code in (302, 403)
    assert posted.status_code in (302, 403)
    assert other.revisions.count() == revisions_before
    assert "Sửa trái phép" not in public_html(other.url)


def test_an_editor_cannot_add_pages_in_another_departments_section(client, sections, justice_staff):
    editor, _ = justice_staff
    other_section, _ = sections["so-noi-vu"]
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/add/home/standardpage/{other_section.pk}/",
        {"title": "Trang lạ", "slug": "trang-la", "lead": "", "body-count": "0"},
    )

    assert response.status_code in (302, 403)
    assert not StandardPage.objects.filter(slug="trang-la").exists()


def test_an_approver_publishes_in_their_own_section(client, sections, justice_staff):
    _, approver = justice_staff
    _, own = sections["so-tu-phap"]
    client.force_login(approver)

    response = client.post(
        f"/admin/pages/{own.pk}/edit/", edit_form(own, lead="Đã duyệt và đăng", **{"action-publish": "1"})
    )

    assert response.status_code == 302
    assert "Đã duyệt và đăng" in public_html(own.url)


def test_an_approver_cannot_publish_or_unpublish_another_departments_page(client, sections, justice_staff):
    _, approver = justice_staff
    _, other = sections["so-noi-vu"]
    client.force_login(approver)

    client.post(f"/admin/pages/{other.pk}/edit/", edit_form(other, lead="Đăng trái phép", **{"action-publish": "1"}))
    client.post(f"/admin/pages/{other.pk}/unpublish/")

    other.refresh_from_db()
    assert other.live
    assert "Bản gốc" in public_html(other.url)
    assert "Đăng trái phép" not in public_html(other.url)


def test_the_command_creates_a_departments_groups_on_its_section(sections):
    call_command("department_groups", "/so-tu-phap/", "Sở Tư pháp", stdout=io.StringIO())

    assert Group.objects.filter(name="Biên tập viên – Sở Tư pháp").exists()
    assert Group.objects.filter(name="Phê duyệt – Sở Tư pháp").exists()


def submit_for_moderation(client, user, page, lead):
    client.force_login(user)
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, lead=lead, **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    return page.current_workflow_task_state


def approve(client, user, page, task_state):
    client.force_login(user)
    return client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "Đồng ý"})


def test_an_approver_approves_what_their_departments_editor_submitted(client, sections, justice_staff):
    editor, approver = justice_staff
    _, own = sections["so-tu-phap"]

    task_state = submit_for_moderation(client, editor, own, "Đã qua phê duyệt của Sở")
    assert "Bản gốc" in public_html(own.url)
    response = approve(client, approver, own, task_state)

    assert response.status_code == 302
    own.refresh_from_db()
    assert own.current_workflow_state is None
    assert "Đã qua phê duyệt của Sở" in public_html(own.url)


def test_an_approver_cannot_approve_another_departments_submission(client, sections, justice_staff):
    _, approver = justice_staff
    home_affairs_editors = Group.objects.get(name="Biên tập viên – Sở Nội vụ")
    other_editor = member_of(home_affairs_editors, "bientap-noivu")
    _, other = sections["so-noi-vu"]

    task_state = submit_for_moderation(client, other_editor, other, "Duyệt trái phép")
    response = approve(client, approver, other, task_state)

    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.current_workflow_state is not None
    assert "Duyệt trái phép" not in public_html(other.url)


def test_the_portal_wide_approvers_still_approve_a_departments_pages(client, sections, justice_staff):
    editor, _ = justice_staff
    _, own = sections["so-tu-phap"]
    portal_approver = member_of(Group.objects.get(name="Phê duyệt"), "pheduyet-tinh")

    task_state = submit_for_moderation(client, editor, own, "Tỉnh phê duyệt")
    approve(client, portal_approver, own, task_state)

    assert "Tỉnh phê duyệt" in public_html(own.url)
