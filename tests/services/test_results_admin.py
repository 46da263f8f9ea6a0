import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User


@pytest.fixture
def counted_campaign(browser_client, campaign, online_procedure):
    browser_client.get(campaign.url)
    browser_client.get(campaign.url)
    browser_client.get(campaign.go_path(online_procedure))
    browser_client.get(campaign.go_path(online_procedure, "poster"))
    return campaign


@pytest.fixture
def editor(db):
    user = User.objects.create_user("bientap", password="x")
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


def test_staff_see_campaign_results(client, editor, counted_campaign):
    client.force_login(editor)

    index = client.get("/admin/ket-qua-tuyen-truyen/")
    detail = client.get(f"/admin/ket-qua-tuyen-truyen/{counted_campaign.pk}/")

    assert index.status_code == 200
    assert counted_campaign.title in index.content.decode()
    assert detail.status_code == 200
    assert "50,0%" in detail.content.decode()


def test_results_export_as_csv_by_day_service_and_channel(client, editor, counted_campaign, online_procedure):
    client.force_login(editor)

    response = client.get(f"/admin/ket-qua-tuyen-truyen/{counted_campaign.pk}/?format=csv")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Ngày", "Chiến dịch", "Mã thủ tục", "Thủ tục", "Kênh", "Lượt xem", "Lượt truy cập dịch vụ"]
    body = sorted((row[2], row[4], row[5], row[6]) for row in rows[1:])
    assert body == [(online_procedure.code, "poster", "0", "1"), (online_procedure.code, "web", "2", "1")]


def test_results_are_not_shown_to_people_without_the_permission(client, counted_campaign):
    outsider = User.objects.create_user("khach", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    response = client.get("/admin/ket-qua-tuyen-truyen/")

    assert response.status_code in (302, 403)
    assert counted_campaign.title not in response.content.decode()


def test_the_staff_groups_can_edit_fields_and_agencies(editor):
    assert editor.has_perm("services.add_procedurefield")
    assert editor.has_perm("services.change_agency")
    assert not editor.has_perm("services.delete_agency")
    approver = User.objects.create_user("pheduyet", password="x")
    approver.groups.add(Group.objects.get(name="Phê duyệt"))
    assert approver.has_perm("services.delete_agency")
