import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import load_workbook

from directives import metrics
from directives.models import DirectivePage

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def year_2013(make_entry, make_directive):
    for n in range(1, 11):
        number = f"{n}/KH-UBND"
        make_entry(number, issued_on=D(2013, n, 5))
        if n <= 8:
            make_directive(number, issued_on=D(2013, n, 5), published_on=D(2013, n, 5 + n))
    return metrics.year(2013)


def test_report_shows_the_rate_against_the_target_and_the_outstanding_entries(client, moderator, year_2013):
    client.force_login(moderator)
    html = client.get("/admin/van-ban/bao-cao/?period=year&year=2013").content.decode()
    assert "8 trên 10 văn bản chỉ đạo đã đăng trên cổng (80,0%, mục tiêu 80%) – đạt mục tiêu" in html
    assert "Văn bản chưa đăng trên cổng (2), cũ nhất trước" in html
    assert html.index("9/KH-UBND") < html.index("10/KH-UBND")
    assert "kể cả khi đăng lên cổng sau khi kỳ kết thúc" in html  # methodology


def test_report_exports_csv_and_xlsx(client, moderator, year_2013):
    client.force_login(moderator)
    response = client.get("/admin/van-ban/bao-cao/?period=year&year=2013&export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kỳ báo cáo", "Năm 2013"]
    assert ["Tổng cộng", "10", "8", "80.0", "4.5", "8"] in rows
    assert rows[-1][0] == "10/KH-UBND" and rows[-1][-1] == "05/10/2013"
    response = client.get("/admin/van-ban/bao-cao/?period=year&year=2013&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["Tổng cộng", 10, 8, 80.0, 4.5, 8] in values


def test_report_with_junk_filters_falls_back_to_this_quarter(client, moderator):
    client.force_login(moderator)
    response = client.get("/admin/van-ban/bao-cao/?period=range&start=abc&year=zz&issuing_body=999")
    assert response.status_code == 200
    assert metrics.current_quarter().label in response.content.decode()


def test_editors_without_register_rights_cannot_see_the_report(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("khach", "k@haugiang.gov.vn", "mat-khau-2026")
    client.force_login(user)
    assert client.get("/admin/van-ban/bao-cao/").status_code in (302, 403)


def test_dashboard_panel_reports_this_quarter_against_the_target(client, moderator, make_entry, make_directive):
    today = timezone.localdate()
    quarter = metrics.current_quarter()
    oldest = quarter.start
    make_entry("1/KH-UBND", issued_on=oldest, title="Kế hoạch chưa đăng")
    make_entry("2/KH-UBND", issued_on=today)
    make_directive("2/KH-UBND", issued_on=today, published_on=today)
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert (
        "Quý này 1 trên 2 văn bản chỉ đạo đã đăng trên cổng (50,0%, mục tiêu 80%); 1 văn bản chưa đăng, "
        f"văn bản cũ nhất ban hành {oldest:%d/%m/%Y}." in html
    )
    assert "/admin/van-ban/so-theo-doi/" in html and "tạo trang từ sổ theo dõi" in html


def test_creating_a_missing_page_from_the_register_prefills_a_draft(client, moderator, make_entry, directive_index):
    entry = make_entry(
        "09/CT-UBND", issued_on=D(2014, 9, 29), title="Chỉ thị về an toàn thông tin", signer="Trần Văn Hòa"
    )
    client.force_login(moderator)
    url = f"/admin/van-ban/so-theo-doi/{entry.pk}/tao-trang/"
    assert "Chỉ thị về an toàn thông tin" in client.get(url).content.decode()
    response = client.post(url)
    page = DirectivePage.objects.get(number="09/CT-UBND")
    assert response.url == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert (page.title, page.signer, page.issued_on, page.issuing_body) == (
        "Chỉ thị về an toàn thông tin",
        "Trần Văn Hòa",
        D(2014, 9, 29),
        entry.issuer,
    )
    assert page.get_parent().pk == directive_index.pk
    entry.refresh_from_db()
    assert entry.directive_id == page.pk  # the report now links to the draft instead of offering a second one
    assert client.get(url).url == f"/admin/pages/{page.pk}/edit/"


def test_snippets_are_listed_in_the_admin(admin_client, province, make_entry):
    make_entry()
    assert "UBND tỉnh" in admin_client.get("/admin/snippets/directives/issuingbody/").content.decode()
    assert "07/KH-UBND" in admin_client.get("/admin/snippets/directives/registerentry/").content.decode()


def test_staff_groups_get_rights_on_the_reference_lists_and_register(db):
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    editors, moderators, admins = codenames("Biên tập viên"), codenames("Phê duyệt"), codenames("Quản trị cổng")
    assert {"add_registerentry", "change_registerentry", "view_registerentry", "change_issuingbody"} <= editors
    assert "delete_registerentry" not in editors and "import_registerentry" not in editors
    assert {"delete_registerentry", "import_registerentry", "delete_field"} <= moderators
    assert {"delete_documenttype", "import_registerentry"} <= admins


def test_directive_pages_have_a_filterable_admin_listing(admin_client, make_directive, directive_type):
    make_directive("07/KH-UBND", title="Kế hoạch ứng dụng CNTT")
    make_directive("05/CT-UBND", title="Chỉ thị văn bản điện tử", doc_type=directive_type)
    html = admin_client.get(f"/admin/directive_pages/?doc_type={directive_type.pk}").content.decode()
    assert "Chỉ thị văn bản điện tử" in html and "Kế hoạch ứng dụng CNTT" not in html
