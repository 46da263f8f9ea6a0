import csv

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from services.importer import import_procedures
from services.levels import LegacyLevel, OnlineLevel
from services.models import AdminLevel, Agency, ProcedureField, ProcedurePage
from services.signals import procedures_imported

HEADER = [
    "code",
    "name",
    "field",
    "agency",
    "admin_level",
    "service_level",
    "processing_time",
    "fee",
    "online_url",
    "legal_basis",
    "steps",
    "documents",
    "result",
]
VIETNAMESE_HEADER = [
    "Mã thủ tục",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cơ quan thực hiện",
    "Cấp thực hiện",
    "Mức độ",
    "Thời hạn giải quyết",
    "Phí, lệ phí",
    "Địa chỉ trực tuyến",
    "Căn cứ pháp lý",
    "Trình tự thực hiện",
    "Thành phần hồ sơ",
    "Kết quả thực hiện",
]
BUSINESS = [
    "1.001612",
    "Đăng ký kinh doanh hộ cá thể",
    "Thành lập và hoạt động doanh nghiệp",
    "Sở Kế hoạch và Đầu tư",
    "Cấp tỉnh",
    "3",
    "03 ngày làm việc",
    "50.000 đồng",
    "https://dichvucong.haugiang.gov.vn/dkkd",
    "Luật Doanh nghiệp 68/2014/QH13",
    "Đăng nhập; Khai tờ khai; Nộp hồ sơ",
    "Giấy đề nghị (02 bản chính); Bản sao căn cước",
    "Giấy chứng nhận đăng ký",
]
BIRTH = [
    "1.001193",
    "Đăng ký khai sinh",
    "Hộ tịch",
    "Ủy ban nhân dân cấp xã",
    "xã",
    "Mức độ 2",
    "Trong ngày",
    "Miễn phí",
    "",
    "",
    "Nộp tờ khai; Nhận giấy khai sinh",
    "Tờ khai đăng ký khai sinh; Giấy chứng sinh",
    "Giấy khai sinh",
]
BUILDING = [
    "2.001583",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Hoạt động xây dựng",
    "Ủy ban nhân dân cấp huyện",
    "huyện",
    "toàn trình",
    "15 ngày",
    "50.000 đồng",
    "http://dichvucong.haugiang.gov.vn/gpxd",
    "",
    "",
    "",
    "Giấy phép xây dựng",
]


def write_csv(path, rows, header=HEADER):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def good_file(tmp_path):
    return write_csv(tmp_path / "thu-tuc.csv", [BUSINESS, BIRTH, BUILDING])


def test_good_rows_become_drafts_with_fields_and_agencies_created(procedure_index, good_file):
    report = import_procedures(good_file, procedure_index)

    assert (report.created, report.errors) == (3, [])
    business = ProcedurePage.objects.get(code="1.001612")
    assert not business.live
    assert business.title == "Đăng ký kinh doanh hộ cá thể"
    assert business.field.name == "Thành lập và hoạt động doanh nghiệp"
    assert business.agency.name == "Sở Kế hoạch và Đầu tư"
    assert business.admin_level == AdminLevel.PROVINCE
    assert (business.online_level, business.legacy_level) == (OnlineLevel.PARTIAL, LegacyLevel.SUBMISSION)
    assert business.step_texts == ["Đăng nhập", "Khai tờ khai", "Nộp hồ sơ"]
    documents = [(document.name, document.copies) for document in business.documents.all()]
    assert documents == [("Giấy đề nghị (bản chính)", 2), ("Bản sao căn cước", 1)]
    building = ProcedurePage.objects.get(code="2.001583")
    assert (building.admin_level, building.online_level, building.legacy_level) == ("district", "full", 4)
    assert ProcedurePage.objects.get(code="1.001193").legacy_level == LegacyLevel.FORMS
    assert ProcedureField.objects.count() == 3
    assert Agency.objects.count() == 3


def test_publish_option_makes_imported_procedures_live(procedure_index, good_file, client):
    call_command("import_procedures", str(good_file), "--publish", stdout=_Sink(), stderr=_Sink())

    assert ProcedurePage.objects.live().count() == 3
    assert client.get(ProcedurePage.objects.get(code="1.001193").url).status_code == 200


def test_bad_rows_are_reported_with_line_and_reason_and_good_rows_kept(procedure_index, tmp_path):
    javascript = BUSINESS.copy()
    javascript[0], javascript[8] = "1.000001", "javascript:alert(1)"
    bad_level = BIRTH.copy()
    bad_level[0], bad_level[4] = "1.000002", "thôn"
    bad_service = BIRTH.copy()
    bad_service[0], bad_service[5] = "1.000003", "mức cao"
    no_code = BIRTH.copy()
    no_code[0] = ""
    online_without_url = BUSINESS.copy()
    online_without_url[0], online_without_url[8] = "1.000004", ""
    path = write_csv(tmp_path / "hong.csv", [javascript, BIRTH, bad_level, bad_service, no_code, online_without_url])
    stderr = _Sink()

    call_command("import_procedures", str(path), stdout=_Sink(), stderr=stderr)

    assert list(ProcedurePage.objects.values_list("code", flat=True)) == ["1.001193"]
    assert stderr.lines == [
        "Dòng 2: địa chỉ trực tuyến phải là địa chỉ http:// hoặc https://.",
        "Dòng 4: cấp thực hiện “thôn” không hợp lệ: dùng tỉnh, huyện hoặc xã.",
        "Dòng 5: mức độ “mức cao” không hợp lệ: dùng 1–4, toàn trình hoặc một phần.",
        "Dòng 6: thiếu mã thủ tục.",
        "Dòng 7: dịch vụ công trực tuyến (mức 3, 4) phải có địa chỉ trực tuyến.",
    ]


def test_vietnamese_headers_of_the_national_database_are_accepted(procedure_index, tmp_path):
    path = write_csv(tmp_path / "csdlqg.csv", [BUSINESS, BIRTH], header=VIETNAMESE_HEADER)

    report = import_procedures(path, procedure_index)

    assert report.created == 2
    assert ProcedurePage.objects.get(code="1.001193").fee == "Miễn phí"


def test_vietnamese_headers_are_accepted_when_staff_use_the_admin_in_english(procedure_index, tmp_path):
    # The column labels are translated for English users; the files keep their Vietnamese headers.
    path = write_csv(tmp_path / "csdlqg.csv", [BUSINESS, BIRTH], header=VIETNAMESE_HEADER)

    with translation.override("en"):
        report = import_procedures(path, procedure_index)

    assert report.created == 2


def test_xlsx_files_are_read_like_csv(procedure_index, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(VIETNAMESE_HEADER)
    sheet.append(BIRTH)
    sheet.append(BUILDING)
    path = tmp_path / "thu-tuc.xlsx"
    workbook.save(path)

    report = import_procedures(path, procedure_index)

    assert report.created == 2
    assert ProcedurePage.objects.get(code="2.001583").online_url == "http://dichvucong.haugiang.gov.vn/gpxd"


def test_missing_required_columns_stop_the_import_with_a_clear_message(procedure_index, tmp_path):
    path = write_csv(tmp_path / "thieu.csv", [["1.1", "Tên"]], header=["code", "name"])

    with pytest.raises(CommandError, match="Thiếu cột: field"):
        call_command("import_procedures", str(path), stdout=_Sink(), stderr=_Sink())
    assert not ProcedurePage.objects.exists()


def test_reimporting_the_same_file_changes_nothing(procedure_index, good_file):
    import_procedures(good_file, procedure_index, publish=True)
    revisions = {page.code: page.latest_revision_id for page in ProcedurePage.objects.all()}

    report = import_procedures(good_file, procedure_index, publish=True)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert {page.code: page.latest_revision_id for page in ProcedurePage.objects.all()} == revisions


def test_a_changed_row_updates_the_procedure_with_the_same_code(procedure_index, good_file, tmp_path):
    import_procedures(good_file, procedure_index, publish=True)
    changed = BIRTH.copy()
    changed[7] = "8.000 đồng"

    report = import_procedures(write_csv(tmp_path / "moi.csv", [changed]), procedure_index, publish=True)

    assert (report.created, report.updated) == (0, 1)
    assert ProcedurePage.objects.filter(code="1.001193").count() == 1
    assert ProcedurePage.objects.get(code="1.001193").fee == "8.000 đồng"


def test_an_update_without_publish_waits_as_a_draft_of_the_live_page(procedure_index, good_file, tmp_path, client):
    import_procedures(good_file, procedure_index, publish=True)
    changed = BIRTH.copy()
    changed[7] = "8.000 đồng"

    import_procedures(write_csv(tmp_path / "moi.csv", [changed]), procedure_index)

    page = ProcedurePage.objects.get(code="1.001193")
    assert page.live and page.has_unpublished_changes
    assert "Miễn phí" in client.get(page.url).content.decode()
    assert page.get_latest_revision_as_object().fee == "8.000 đồng"


def test_a_finished_import_tells_the_indicator_tracker(procedure_index, good_file):
    received = []

    def listener(sender, **kwargs):
        received.append(sender)

    procedures_imported.connect(listener)
    try:
        import_procedures(good_file, procedure_index, publish=True)
    finally:
        procedures_imported.disconnect(listener)
    assert received == [ProcedurePage]


class _Sink:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text.rstrip("\n"))

    def flush(self):
        pass


def test_the_publish_option_reports_how_many_pages_it_published(procedure_index, good_file):
    stdout = _Sink()

    call_command("import_procedures", str(good_file), "--publish", stdout=stdout, stderr=_Sink())

    assert "xuất bản 3" in stdout.lines[-1]


def test_two_live_procedures_with_one_title_and_different_codes_are_warned_about(procedure_index, tmp_path):
    same_name = BUSINESS.copy()
    same_name[0] = "2.000999"
    same_name[1] = "đăng ký khai sinh"  # BIRTH's title, typed in lower case
    path = write_csv(tmp_path / "trung.csv", [BIRTH, same_name, BUILDING])
    stderr = _Sink()

    call_command("import_procedures", str(path), "--publish", stdout=_Sink(), stderr=stderr)

    assert stderr.lines == ["Có 2 thủ tục đang đăng cùng tên “Đăng ký khai sinh” nhưng khác mã: 1.001193, 2.000999."]


def test_an_imported_title_already_live_under_another_code_is_warned_about(procedure_index, good_file, tmp_path):
    import_procedures(good_file, procedure_index, publish=True)
    renumbered = BIRTH.copy()
    renumbered[0] = "1.009999"

    report = import_procedures(write_csv(tmp_path / "moi.csv", [renumbered]), procedure_index, publish=True)

    assert report.warnings == ["Có 2 thủ tục đang đăng cùng tên “Đăng ký khai sinh” nhưng khác mã: 1.001193, 1.009999."]
