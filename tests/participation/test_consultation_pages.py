import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from participation.lifecycle import ConsultationState, state_of
from participation.models import ConsultationComment, ConsultationPage

OPENS = datetime.date(2025, 7, 1)
CLOSES = datetime.date(2025, 7, 30)


@pytest.mark.parametrize(
    ("day", "report", "state"),
    [
        (datetime.date(2025, 6, 30), None, ConsultationState.UPCOMING),
        (OPENS, None, ConsultationState.OPEN),
        (CLOSES, None, ConsultationState.OPEN),
        (datetime.date(2025, 7, 31), None, ConsultationState.AWAITING_REPORT),
        (datetime.date(2025, 8, 9), datetime.date(2025, 8, 10), ConsultationState.AWAITING_REPORT),
        (datetime.date(2025, 8, 10), datetime.date(2025, 8, 10), ConsultationState.REPORTED),
    ],
)
def test_the_state_follows_the_dates_and_the_report_at_the_boundaries(db, make_consultation, day, report, state):
    page = make_consultation(opens=OPENS, closes=CLOSES, report=report)
    assert state_of(OPENS, CLOSES, report, on=day) == state
    assert page.state(on=day) == state
    assert list(ConsultationPage.objects.in_state(state, on=day)) == [page.page_ptr.specific]
    others = [other for other in ConsultationState if other != state]
    assert not any(ConsultationPage.objects.in_state(other, on=day).exists() for other in others)


def test_a_closing_date_shorter_than_the_minimum_period_is_refused_in_vietnamese(db, make_consultation, settings):
    settings.CONSULTATION_MINIMUM_DAYS = {"legal_normative": 30, "other": 10}
    page = make_consultation(opens=OPENS, closes=CLOSES)  # 30 days, opening and closing day counted
    page.full_clean()
    page.closes_on = datetime.date(2025, 7, 29)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    message = " ".join(refused.value.message_dict["closes_on"])
    assert "ít nhất 30 ngày" in message
    assert "30/07/2025" in message
    page.document_kind = "other"
    page.full_clean()


def test_the_minimum_period_counts_calendar_days_so_tet_counts_and_the_page_shows_the_last_day(
    client, make_consultation, settings
):
    # Drafts are open for comment on holidays too: the law sets a minimum time, not working days.
    settings.CONSULTATION_MINIMUM_DAYS = {"legal_normative": 30, "other": 10}
    opens = datetime.date(2026, 2, 5)  # Tết Bính Ngọ (14–22/2) falls inside
    page = make_consultation(opens=opens, closes=datetime.date(2026, 3, 6), document_kind="legal_normative")
    page.full_clean()
    assert "Lấy ý kiến từ 05/02/2026 đến hết 06/03/2026" in client.get(page.url).content.decode()

    page.closes_on = datetime.date(2026, 3, 5)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    message = " ".join(refused.value.message_dict["closes_on"])
    assert "ngày kết thúc sớm nhất là 06/03/2026 (đang đặt 29 ngày)" in message


def test_the_report_cannot_be_published_before_the_consultation_closes(db, make_consultation):
    page = make_consultation(opens=OPENS, closes=CLOSES)
    page.report_published_on = CLOSES
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "sau ngày kết thúc" in " ".join(refused.value.message_dict["report_published_on"])


def post_comment(client, page, proof, **fields):
    data = {
        "article": page.articles[1][0],
        "name": "Nguyễn Văn An",
        "organisation": "",
        "email": "an.nguyen@example.vn",
        "text": "Đề nghị bổ sung hộ kinh doanh vào đối tượng áp dụng.",
        "proof": proof() if proof else "",
    }
    data.update(fields)
    return client.post(page.url, data)


def test_a_citizen_comments_on_article_2_and_it_waits_for_moderation(client, make_consultation, proof):
    page = make_consultation()
    response = post_comment(client, page, proof)
    assert response.status_code == 302
    assert response["Location"].endswith("/da-gui/")
    comment = ConsultationComment.objects.get()
    assert comment.status == ConsultationComment.Status.PENDING
    assert comment.article_label == "Điều 2. Đối tượng áp dụng"
    assert "Cảm ơn bạn đã góp ý" in client.get(response["Location"]).content.decode()
    assert "Đề nghị bổ sung hộ kinh doanh" not in client.get(page.url).content.decode()


def test_the_thanks_page_stays_on_the_site_the_citizen_is_on_when_the_portal_has_sub_portals(
    client, make_consultation, proof, subportal_staff
):
    """With several sites, a page's ``url`` is absolute on its site's configured host and port."""
    page = make_consultation()
    response = post_comment(client, page, proof)
    assert response.status_code == 302
    assert response["Location"].startswith("/") and response["Location"].endswith("/da-gui/")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"proof": ""}, "Chưa hoàn tất bước chống thư rác"),
        ({"email": "an.nguyen@"}, "Địa chỉ thư điện tử không hợp lệ"),
        ({"text": "   "}, "Vui lòng nhập nội dung góp ý"),
        ({"text": "ý" * 5001}, "tối đa 5000 ký tự"),
    ],
)
def test_a_refused_comment_says_why_keeps_what_was_typed_and_stores_nothing(
    client, make_consultation, proof, fields, message
):
    page = make_consultation()
    use_proof = proof if "proof" not in fields else None
    fields = {key: value for key, value in fields.items() if key != "proof"}
    response = post_comment(client, page, use_proof, organisation="Hợp tác xã Tân Phú", **fields)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Hợp tác xã Tân Phú" in html
    assert "Nguyễn Văn An" in html
    assert ConsultationComment.objects.count() == 0


def test_an_attachment_that_is_not_what_it_says_is_refused(client, make_consultation, proof):
    page = make_consultation()
    fake = SimpleUploadedFile("gop-y.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf")
    response = post_comment(client, page, proof, attachment=fake)
    assert response.status_code == 400
    assert "không phải là tệp .pdf hợp lệ" in response.content.decode()
    assert ConsultationComment.objects.count() == 0


def test_a_closed_consultation_takes_no_comment(client, make_consultation, proof):
    page = make_consultation(opens=-40, closes=-1)
    response = post_comment(client, page, proof)
    assert response.status_code == 400
    assert ConsultationComment.objects.count() == 0
    assert "Đã hết thời gian lấy ý kiến" in response.content.decode()


def make_comment(page, article_index=1, status="published", **fields):
    block_id, value = page.articles[article_index] if article_index is not None else ("", None)
    values = {
        "consultation": page,
        "article_key": block_id,
        "article_label": value.heading() if value else "",
        "name": "Trần Thị Bình",
        "email": "binh.tran@example.vn",
        "text": "Ý kiến về điều này.",
        "status": status,
    }
    values.update(fields)
    return ConsultationComment.objects.create(**values)


def test_a_published_comment_shows_next_to_its_article_with_the_name_only(client, make_consultation):
    page = make_consultation()
    make_comment(page, text="Nên nói rõ hộ kinh doanh.", organisation="Hội Doanh nhân trẻ")
    make_comment(page, text="Ý kiến bị từ chối vì quảng cáo.", status="rejected")
    make_comment(page, text="Ý kiến đang chờ duyệt.", status="pending")
    html = client.get(page.url).content.decode()
    article_2 = html.split('id="dieu-2"')[1].split('id="dieu-3"')[0]
    assert "Nên nói rõ hộ kinh doanh." in article_2
    assert "Trần Thị Bình" in article_2
    assert "bị từ chối" not in html and "đang chờ duyệt" not in html
    assert "binh.tran@example.vn" not in html


def test_comments_on_the_whole_draft_are_headed_one_level_below_their_section(client, make_consultation):
    """Screen reader users move by headings: the section is an h2, so its list of comments is an h3."""
    page = make_consultation()
    make_comment(page, article_index=None, text="Dự thảo rõ ràng.")
    general = client.get(page.url).content.decode().split('id="general-title"')[1]
    assert "<h3>1 ý kiến đã đăng</h3>" in general


def test_the_synthesis_report_lists_each_comment_with_its_response_on_the_page_and_in_xlsx_and_docx(
    client, make_consultation
):
    page = make_consultation(opens=-40, closes=-10, report=-1)
    make_comment(
        page,
        organisation="Hợp tác xã Tân Phú",
        text="Bổ sung hộ kinh doanh.",
        response="partly",
        response_reason="Bổ sung hộ kinh doanh đăng ký tại tỉnh.",
    )
    make_comment(page, article_index=None, name="Lê Văn Cường", text="Dự thảo rõ ràng.", response="accepted")
    html = client.get(page.url).content.decode()
    report = html.split('id="report-title"')[1]
    assert "Trần Thị Bình (Hợp tác xã Tân Phú)" in report
    assert "Tiếp thu một phần" in report
    assert "Bổ sung hộ kinh doanh đăng ký tại tỉnh." in report
    assert report.index("Toàn bộ dự thảo") < report.index("Điều 2. Đối tượng áp dụng")
    assert "Gửi ý kiến góp ý" not in html

    xlsx = client.get(page.url + "bao-cao-tong-hop/xlsx/")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[1] == ("Điều, khoản", "Nội dung góp ý", "Người góp ý", "Kết quả tiếp thu", "Giải trình, tiếp thu")
    assert rows[3] == (
        "Điều 2. Đối tượng áp dụng",
        "Bổ sung hộ kinh doanh.",
        "Trần Thị Bình (Hợp tác xã Tân Phú)",
        "Tiếp thu một phần",
        "Bổ sung hộ kinh doanh đăng ký tại tỉnh.",
    )
    assert b"example.vn" not in xlsx.content

    docx = client.get(page.url + "bao-cao-tong-hop/docx/")
    document = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "Trần Thị Bình (Hợp tác xã Tân Phú)" in document
    assert "Tiếp thu một phần" in document
    assert "example.vn" not in document


def test_the_report_downloads_do_not_exist_before_the_report_is_published(client, make_consultation):
    page = make_consultation(opens=-40, closes=-10)
    assert client.get(page.url + "bao-cao-tong-hop/xlsx/").status_code == 404
    assert client.get(page.url + "bao-cao-tong-hop/docx/").status_code == 404


def test_a_partial_or_refused_response_needs_a_reason(db, make_consultation):
    comment = make_comment(make_consultation(), response="not_accepted")
    with pytest.raises(ValidationError) as refused:
        comment.full_clean()
    assert "Cần nêu lý do" in " ".join(refused.value.message_dict["response_reason"])


def test_the_finder_lists_open_consultations_first_and_filters_by_state(client, make_consultation, consultation_index):
    make_consultation(title="Dự thảo đã có báo cáo", opens=-60, closes=-20, report=-2)
    make_consultation(title="Dự thảo đang mở", opens=-2, closes=40)
    make_consultation(title="Dự thảo chờ báo cáo", opens=-50, closes=-3)
    html = client.get(consultation_index.url).content.decode()
    assert html.index("Dự thảo đang mở") < html.index("Dự thảo chờ báo cáo") < html.index("Dự thảo đã có báo cáo")
    filtered = client.get(consultation_index.url, {"tinh_trang": "reported"}).content.decode()
    assert "Dự thảo đã có báo cáo" in filtered and "Dự thảo đang mở" not in filtered
    assert client.get(consultation_index.url, {"tinh_trang": "nonsense", "co_quan": "x"}).status_code == 200


def test_the_finder_pages_through_consultations_and_keeps_the_filter(
    client, monkeypatch, make_consultation, consultation_index
):
    from participation.models import ConsultationIndexPage

    monkeypatch.setattr(ConsultationIndexPage, "per_page", 2)
    for n in range(1, 4):
        make_consultation(title=f"Dự thảo đang mở số {n}", opens=-2, closes=30 + n)
    make_consultation(title="Dự thảo đã có báo cáo", opens=-60, closes=-20, report=-2)
    first = client.get(consultation_index.url, {"tinh_trang": "open"}).content.decode()
    second = client.get(consultation_index.url, {"tinh_trang": "open", "trang": 2}).content.decode()
    assert first.count(">Dự thảo đang mở số") == 2
    assert second.count(">Dự thảo đang mở số") == 1
    assert "Dự thảo đã có báo cáo" not in first + second
    assert '<a href="?tinh_trang=open&amp;trang=2" rel="next">Trang sau</a>' in first
    assert '<span aria-current="page">1</span>' in first
    assert '<a href="?tinh_trang=open&amp;trang=1" rel="prev">Trang trước</a>' in second
    assert 'rel="next"' not in second


def test_citizens_find_a_draft_by_a_keyword_typed_without_accents(client, make_consultation, consultation_index):
    make_consultation(title="Dự thảo Quy định về phí trông giữ xe", opens=-2, closes=30)
    make_consultation(title="Dự thảo Kế hoạch chuyển đổi số", opens=-2, closes=31)
    found = client.get(consultation_index.url, {"q": "trong giu xe"}).content.decode()
    assert "Dự thảo Quy định về phí trông giữ xe" in found
    assert "Dự thảo Kế hoạch chuyển đổi số" not in found
    nothing = client.get(consultation_index.url, {"q": "khong co du thao nay"}).content.decode()
    assert "chuyển đổi số" not in nothing and "trông giữ xe" not in nothing
    assert 'value="khong co du thao nay"' in nothing  # what the citizen typed stays in the box
    # An agency that no longer exists (an old shared link) is ignored, the keyword still applies.
    stale = client.get(consultation_index.url, {"q": "trong giu xe", "co_quan": "999999"}).content.decode()
    assert "Dự thảo Quy định về phí trông giữ xe" in stale
    assert "Dự thảo Kế hoạch chuyển đổi số" not in stale


def test_the_feed_lists_consultations_without_any_e_mail_address(client, make_consultation):
    page = make_consultation(opens=-40, closes=-10, report=-1)
    make_comment(page, response="accepted")
    feed = client.get("/nguon-tin/lay-y-kien/rss/")
    assert feed.status_code == 200
    assert "Dự thảo Quy định tiếp nhận phản ánh" in feed.content.decode()
    assert "Đã công bố báo cáo" in feed.content.decode()
    assert b"example.vn" not in feed.content
    assert b"example.vn" not in client.get("/api/v2/pages/", {"type": "participation.ConsultationPage"}).content


def test_the_home_page_shows_open_consultations_only(client, make_consultation, home_page):
    make_consultation(title="Dự thảo đang mở", opens=-2, closes=40)
    make_consultation(title="Dự thảo đã đóng", opens=-50, closes=-3)
    html = client.get(home_page.url).content.decode()
    assert "Dự thảo đang lấy ý kiến" in html
    assert "Dự thảo đang mở" in html and "Dự thảo đã đóng" not in html


def test_purge_erases_old_commenters_contact_details_and_keeps_the_comment(db, make_consultation):
    from django.core.management import call_command

    page = make_consultation()
    old = make_comment(page, text="Ý kiến cũ.")
    ConsultationComment.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=400))
    recent = make_comment(page, text="Ý kiến mới.")
    call_command("purge_personal_data", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.text) == ("", "", "Ý kiến cũ.")
    assert recent.email == "binh.tran@example.vn"
