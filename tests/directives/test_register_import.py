import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from directives.models import RegisterEntry
from directives.register_import import RegisterFileError, import_register
from directives.signals import register_imported

pytestmark = pytest.mark.django_db

HEADER = "number,doc_type,title,issuer,signer,issued_on\n"
GOOD = (
    HEADER + "07/KH-UBND,Kế hoạch,Ứng dụng CNTT giai đoạn 2011-2015,UBND tỉnh,Lê Thị Mai,14/03/2011\n"
    "05/CT-UBND,CT,Tăng cường văn bản điện tử,ủy ban nhân dân tỉnh hậu giang,Trần Văn Hòa,2011-04-20\n"
)


@pytest.fixture(autouse=True)
def reference_lists(province, plan_type, directive_type):
    return province


def csv_bytes(text, bom=False):
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def test_a_good_file_stores_every_row_with_its_issuer_matched_without_accents(province):
    result = import_register(csv_bytes(GOOD), "so.csv")
    assert (result.created, result.bad_rows) == (2, [])
    entry = RegisterEntry.objects.get(number="05/CT-UBND")
    assert entry.issuer == province
    assert entry.issued_on == datetime.date(2011, 4, 20)
    assert entry.doc_type.name == "Chỉ thị"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("09/KH-UBND,KH,Kế hoạch,Sở Không Có,Ai đó,01/02/2012", "không có cơ quan ban hành “Sở Không Có”"),
        (",KH,Kế hoạch,UBND tỉnh,Ai đó,01/02/2012", "thiếu số ký hiệu"),
        ("09/KH-UBND,KH,Kế hoạch,UBND tỉnh,Ai đó,31/02/2012", "ngày ban hành “31/02/2012” không có thật"),
        ("09/KH-UBND,KH,Kế hoạch,UBND tỉnh,Ai đó,", "thiếu ngày ban hành"),
        ("KH-UBND 09,KH,Kế hoạch,UBND tỉnh,Ai đó,01/02/2012", "sai định dạng"),
        ("09/KH-UBND,Nghị quyết,Kế hoạch,UBND tỉnh,Ai đó,01/02/2012", "không có loại văn bản “Nghị quyết”"),
    ],
)
def test_each_kind_of_bad_row_is_reported_with_its_line_and_good_rows_are_kept(row, reason):
    result = import_register(csv_bytes(GOOD + row + "\n"), "so.csv")
    assert result.created == 2
    assert len(result.bad_rows) == 1
    assert result.bad_rows[0].line == 4
    assert reason in result.bad_rows[0].reason
    assert RegisterEntry.objects.count() == 2


def test_a_file_with_a_byte_order_mark_reads_its_header():
    result = import_register(csv_bytes(GOOD, bom=True), "so.csv")
    assert result.created == 2 and not result.bad_rows


def test_an_xlsx_file_with_real_dates_and_text_dates_is_imported():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["number", "doc_type", "title", "issuer", "signer", "issued_on"])
    sheet.append(["07/KH-UBND", "KH", "Ứng dụng CNTT", "UBND tỉnh", "Lê Thị Mai", datetime.datetime(2011, 3, 14)])
    sheet.append(["05/CT-UBND", "CT", "Văn bản điện tử", "UBND TỈNH", None, "20/04/2011"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = import_register(buffer.getvalue(), "so.xlsx")
    assert result.created == 2 and not result.bad_rows
    assert RegisterEntry.objects.get(number="07/KH-UBND").issued_on == datetime.date(2011, 3, 14)


def test_reimporting_the_same_file_changes_nothing():
    import_register(csv_bytes(GOOD), "so.csv")
    before = list(RegisterEntry.objects.values_list("pk", "updated_at"))
    result = import_register(csv_bytes(GOOD), "so.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert list(RegisterEntry.objects.values_list("pk", "updated_at")) == before


def test_a_corrected_file_updates_rows_and_never_duplicates_them():
    import_register(csv_bytes(GOOD), "so.csv")
    corrected = GOOD.replace("Ứng dụng CNTT giai đoạn 2011-2015", "Ứng dụng công nghệ thông tin 2011-2015").replace(
        "07/KH-UBND", "7/kh-ubnd"
    )
    result = import_register(csv_bytes(corrected), "so.csv")
    assert (result.created, result.updated) == (0, 1)
    assert RegisterEntry.objects.count() == 2
    assert RegisterEntry.objects.get(number="7/KH-UBND").title == "Ứng dụng công nghệ thông tin 2011-2015"


def test_a_file_that_is_not_utf8_or_lacks_columns_is_refused_with_a_clear_message():
    with pytest.raises(RegisterFileError, match="UTF-8"):
        import_register(GOOD.encode("utf-16"), "so.csv")
    with pytest.raises(RegisterFileError, match="thiếu cột: issued_on"):
        import_register(csv_bytes("number,doc_type,title,issuer\n"), "so.csv")
    with pytest.raises(RegisterFileError, match="CSV hoặc XLSX"):
        import_register(b"x", "so.pdf")


def test_a_crash_half_way_loses_nothing_already_imported():
    from django.db.models.signals import post_save

    def power_cut(sender, instance, **kwargs):
        if instance.title == "Kế hoạch 120":
            raise RuntimeError("mất điện")

    rows = "".join(f"{n}/KH-UBND,KH,Kế hoạch {n},UBND tỉnh,,01/02/2012\n" for n in range(1, 151))
    post_save.connect(power_cut, sender=RegisterEntry)
    try:
        with pytest.raises(RuntimeError):
            import_register(csv_bytes(HEADER + rows), "so.csv")
    finally:
        post_save.disconnect(power_cut, sender=RegisterEntry)
    assert RegisterEntry.objects.count() == 100  # the first, committed batch
    result = import_register(csv_bytes(HEADER + rows), "so.csv")  # running again finishes the job
    assert (result.created, result.unchanged) == (50, 100)


def test_the_command_reports_counts_bad_lines_and_a_progress_bar_for_large_files(tmp_path):
    rows = "".join(f"{n}/KH-UBND,KH,Kế hoạch {n},UBND tỉnh,,01/02/2012\n" for n in range(1, 251))
    path = tmp_path / "so.csv"
    path.write_bytes(csv_bytes(HEADER + rows + "x/KH,KH,Sai,UBND tỉnh,,01/02/2012\n"))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_register", str(path), stdout=out, stderr=err)
    assert "250 thêm mới" in out.getvalue()
    assert "[##############################] 100% (251/251)" in out.getvalue()
    assert "Dòng 252:" in err.getvalue()


def test_the_command_refuses_a_missing_file():
    with pytest.raises(CommandError, match="Không mở được tệp"):
        call_command("import_register", "/khong/co/tep.csv", stdout=io.StringIO())


def test_the_import_announces_itself_to_listeners():
    heard = []

    def listener(sender, result, **kwargs):
        heard.append((sender, result.created))

    register_imported.connect(listener)
    try:
        import_register(csv_bytes(GOOD), "so.csv")
    finally:
        register_imported.disconnect(listener)
    assert heard == [(RegisterEntry, 2)]


def test_a_moderator_uploads_the_register_in_the_admin_and_sees_bad_rows(client, moderator):
    client.force_login(moderator)
    upload = SimpleUploadedFile("so.csv", csv_bytes(GOOD + ",KH,Thiếu số,UBND tỉnh,,01/02/2012\n"))
    response = client.post("/admin/van-ban/so-theo-doi/nhap/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 thêm mới" in html
    assert "<td>4</td><td>thiếu số ký hiệu</td>" in html
    assert RegisterEntry.objects.count() == 2


def test_an_editor_cannot_upload_the_register(client, editor):
    client.force_login(editor)
    response = client.get("/admin/van-ban/so-theo-doi/nhap/")
    assert response.status_code in (302, 403)
    assert RegisterEntry.objects.count() == 0


def admin_register_search(client, query):
    """The numbers the admin listing of the register shows for a search (it matches numbers)."""
    response = client.get("/admin/snippets/directives/registerentry/", {"q": query})
    assert response.status_code == 200
    return set(re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>', response.content.decode()))


def test_after_an_import_the_admin_search_of_the_register_finds_the_imported_entries(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_register(csv_bytes(GOOD), "so.csv")
    assert admin_register_search(admin_client, "05/CT") == {"05/CT-UBND"}
    assert admin_register_search(admin_client, "07/KH-UBND") == {"07/KH-UBND"}
    # Staff also look entries up by the words of their summary, as typed, accents or not.
    assert admin_register_search(admin_client, "tang cuong van ban") == {"05/CT-UBND"}


def test_a_corrected_import_is_found_by_its_corrected_number(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_register(csv_bytes(GOOD), "so.csv")
    with django_capture_on_commit_callbacks(execute=True):
        result = import_register(csv_bytes(GOOD.replace("07/KH-UBND", "7/kh-ubnd")), "so.csv")
    assert result.updated == 1
    assert admin_register_search(admin_client, "7/KH") == {"7/KH-UBND"}


def test_every_row_of_a_large_import_is_searchable_and_counted_once(admin_client, django_capture_on_commit_callbacks):
    rows = "".join(f"{n}/KH-UBND,KH,Kế hoạch số {n},UBND tỉnh,,01/02/2012\n" for n in range(1, 1251))
    correction = "1250/KH-UBND,KH,Kế hoạch số 1250 (sửa),UBND tỉnh,,01/02/2012\n"  # same entry, a later batch
    with django_capture_on_commit_callbacks(execute=True):
        result = import_register(csv_bytes(HEADER + rows + correction), "so.csv")
    assert (result.created, result.updated, result.unchanged) == (1250, 1, 0)
    assert RegisterEntry.objects.count() == 1250
    # Rows indexed in the first bulk call, in the last one, and the corrected row.
    for number in ("1/KH-UBND", "999/KH-UBND", "1249/KH-UBND", "1250/KH-UBND"):
        assert admin_register_search(admin_client, number) == {number}
    assert RegisterEntry.objects.get(number="1250/KH-UBND").title == "Kế hoạch số 1250 (sửa)"


def test_an_entry_added_in_the_admin_is_found_by_the_register_search(admin_client, province, plan_type):
    response = admin_client.post(
        "/admin/snippets/directives/registerentry/add/",
        {
            "number": "12/CT-UBND",
            "doc_type": plan_type.pk,
            "title": "Đẩy mạnh thanh toán không dùng tiền mặt",
            "issuer": province.pk,
            "signer": "",
            "issued_on": "2012-05-02",
            "directive": "",
        },
    )
    assert response.status_code == 302
    assert admin_register_search(admin_client, "12/CT") == {"12/CT-UBND"}


def test_the_issuing_body_usage_lists_the_imported_entries(admin_client, province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_register(csv_bytes(GOOD), "so.csv")
    html = admin_client.get(f"/admin/snippets/directives/issuingbody/usage/{province.pk}/").content.decode()
    assert "07/KH-UBND" in html and "05/CT-UBND" in html


def test_a_file_with_the_vietnamese_column_names_is_imported():
    header = "Số ký hiệu,Loại văn bản,Trích yếu,Cơ quan ban hành,Người ký,Ngày ban hành\n"
    result = import_register(csv_bytes(GOOD.replace(HEADER, header)), "so.csv")
    assert (result.created, result.bad_rows) == (2, [])
    assert RegisterEntry.objects.get(number="07/KH-UBND").signer == "Lê Thị Mai"
