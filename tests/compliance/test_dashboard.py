"""What staff see: the home panel and the report (with its CSV and XLSX exports), site by site."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from home.models import StandardPage

from .conftest import days_ago, map_category, publish, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(site, home_page, justice, superuser):
    """The province has a stale guidance section; the sub-portal has its organisation page mapped."""
    guidance = publish(home_page, StandardPage(title="Hướng dẫn", slug="huong-dan"), when=days_ago(400))
    map_category(site, "policy-guidance", pages=[guidance], owner_user=superuser)
    organisation = justice.site.root_page.get_children().type(StandardPage).first()
    map_category(justice.site, "organisation", pages=[organisation])
    return guidance


def rows(response):
    return [(row.site.hostname, row.category.code, row.state) for row in response.context["object_list"]]


def test_the_admin_home_panel_lists_missing_and_stale_categories(client, superuser, mapped):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "Tuân thủ Nghị định 42" in html
    assert "Điều ước, thỏa thuận quốc tế" in html  # missing everywhere
    assert "Quá 180 ngày chưa cập nhật." in html  # the province's stale guidance
    assert "quantri" in html  # its owner
    assert "Sở Tư pháp" in html
    assert reverse("compliance:report") in html


def test_the_report_lists_every_category_of_every_site_for_an_administrator(client, superuser, mapped):
    client.force_login(superuser)
    response = client.get(reverse("compliance:report"))
    assert response.status_code == 200
    listed = rows(response)
    assert len(listed) == 2 * 13
    assert ("localhost", "policy-guidance", "stale") in listed
    assert ("localhost", "treaties", "missing") in listed
    assert ("sotuphap.localhost", "organisation", "ok") in listed
    html = response.content.decode()
    assert "Quá hạn" in html and "Thiếu" in html and "Đạt" in html


def test_the_report_exports_to_csv_and_xlsx(client, superuser, mapped):
    client.force_login(superuser)
    response = client.get(reverse("compliance:report"), {"export": "csv"})
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert table[0] == [
        "Cổng",
        "Nhóm thông tin bắt buộc",
        "Tình trạng",
        "Phụ trách",
        "Cập nhật gần nhất",
        "Thời hạn (ngày)",
        "Ghi chú",
    ]
    stale = next(row for row in table if row[1] == "Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách")
    assert stale[2:4] == ["Quá hạn", "quantri"] and stale[0] != "sotuphap.localhost"
    assert len(table) == 1 + 2 * 13

    xlsx = client.get(reverse("compliance:report"), {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")


def test_a_subportal_editor_sees_only_their_own_site(client, mapped, justice):
    client.force_login(staff("bien-tap-stp", "Biên tập viên – Sở Tư pháp"))
    response = client.get(reverse("compliance:report"))
    assert response.status_code == 200
    assert {hostname for hostname, _code, _state in rows(response)} == {"sotuphap.localhost"}

    html = client.get("/admin/").content.decode()
    assert "Điều ước, thỏa thuận quốc tế" in html
    assert "Quá 180 ngày chưa cập nhật." not in html  # the province's problem is not theirs


def test_staff_answering_for_no_site_see_neither_panel_nor_report(client, mapped):
    outsider = get_user_model().objects.create_user("ngoai", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(reverse("compliance:report")).status_code in (302, 403)
    assert "Tuân thủ Nghị định 42" not in client.get("/admin/").content.decode()
