"""Citizens' participation in a real browser, with the staff work in the Vietnamese admin: a comment
on a draft goes through moderation into the synthesis report, and a question gets its tracking
code, an answer and a public page that never shows who asked."""

import json
import re

import pytest

from .test_staff_journey import follow, open_more_actions

pytestmark = pytest.mark.browser

CONSULTATION = "/lay-y-kien-du-thao/du-thao-quy-dinh-tiep-nhan-phan-anh-kien-nghi/"
COMMENTS_ADMIN = "/admin/participation/y-kien-du-thao/"

# Time cannot pass in a test: the consultation closes and its report comes out by moving its dates
# (keeping its period) and publishing a revision, then everything is put back for the other tests.
CLOSE_AND_REPORT = """
import datetime, json
from django.utils import timezone
from participation.models import ConsultationPage
page = ConsultationPage.objects.get(url_path__endswith="/{slug}/")
before = {{"opens_on": page.opens_on.isoformat(), "closes_on": page.closes_on.isoformat()}}
today = timezone.localdate()
shift = page.closes_on - today + datetime.timedelta(days=1)
page.opens_on -= shift
page.closes_on -= shift
page.report_published_on = today
page.save_revision().publish()
print(json.dumps(before))
"""
REOPEN = """
import datetime
from participation.models import ConsultationPage
page = ConsultationPage.objects.get(url_path__endswith="/{slug}/")
page.opens_on = datetime.date.fromisoformat("{opens_on}")
page.closes_on = datetime.date.fromisoformat("{closes_on}")
page.report_published_on = None
page.save_revision().publish()
"""


def solved_and_sent(page, button_name):
    """Send a form once the proof-of-work script has put its answer in the hidden input."""
    page.wait_for_function("document.querySelector('input[data-altcha-challenge]').value !== ''", timeout=60_000)
    with page.expect_navigation():
        page.get_by_role("button", name=button_name).click()


def test_a_citizens_comment_is_moderated_answered_and_listed_in_the_synthesis_report(page, staff_page, portal):
    slug = CONSULTATION.rstrip("/").rsplit("/", 1)[1]
    text = "Đề nghị quy định rõ thời hạn trả lời phản ánh gửi qua ứng dụng di động."

    # The citizen picks article 2 from the draft and writes; the browser solves the proof of work.
    page.goto(CONSULTATION)
    follow(page, page.get_by_role("link", name=re.compile(r"^Góp ý Điều 2\b")))
    form = page.locator("#gop-y")
    assert "Đối tượng áp dụng" in form.get_by_label("Góp ý cho").locator("option:checked").inner_text()
    form.get_by_label("Họ và tên").fill("Võ Minh Khoa")
    form.get_by_label("Thư điện tử").fill("khoa.vo@example.vn")
    form.get_by_label("Nội dung góp ý").fill(text)
    solved_and_sent(page, "Gửi ý kiến")
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Cảm ơn bạn đã góp ý"
    page.goto(CONSULTATION)
    assert text not in page.get_by_role("main").inner_text(), "published before moderation"

    # The moderator publishes it and records the drafting body's response.
    moderator = staff_page("moderator")
    moderator.goto(COMMENTS_ADMIN)
    follow(moderator, moderator.get_by_role("link", name="Võ Minh Khoa").first)
    moderator.locator("#id_status").select_option(label="Đã đăng")
    moderator.locator("#id_response").select_option(label="Tiếp thu")
    moderator.locator("#id_response_reason").fill("Đã bổ sung thời hạn tại Điều 3.")
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Lưu", exact=True).click()
    assert moderator.locator(".messages").count() == 1

    # Published under article 2, with the name and never the e-mail.
    page.goto(CONSULTATION)
    article = page.locator("article.draft-article").filter(has_text="Đối tượng áp dụng")
    assert text in article.inner_text() and "Võ Minh Khoa" in article.inner_text()
    assert "khoa.vo@example.vn" not in page.content()

    before = json.loads(portal.python(CLOSE_AND_REPORT.format(slug=slug)).strip().splitlines()[-1])
    try:
        page.goto(CONSULTATION)
        report = page.get_by_role("table").filter(has=page.locator("#report-caption"))
        row = report.get_by_role("row").filter(has_text="Võ Minh Khoa")
        cells = row.get_by_role("cell").all_inner_texts()
        assert "Đối tượng áp dụng" in cells[0] and text in cells[1]
        assert cells[3:] == ["Tiếp thu", "Đã bổ sung thời hạn tại Điều 3."]
        assert page.request.get(page.get_by_role("link", name="Bảng tính (XLSX)").get_attribute("href")).ok
    finally:
        portal.python(REOPEN.format(slug=slug, **before))


def test_a_citizen_asks_tracks_the_code_and_reads_the_answer_without_their_contact_details(page, staff_page):
    question = "Làm giấy khai sinh cho con ở phường cần mang theo giấy tờ gì?"
    email, phone = "lan.tran@example.vn", "0912 345 678"

    page.goto("/hoi-dap/gui-cau-hoi/")
    form = page.get_by_role("main").locator("form")
    form.get_by_label("Lĩnh vực").select_option(index=1)
    form.get_by_label("Cơ quan trả lời").select_option(index=1)
    form.get_by_label("Nội dung câu hỏi").fill(question)
    form.get_by_role("textbox", name="Họ và tên").fill("Trần Thị Lan")
    form.get_by_role("textbox", name="Thư điện tử").fill(email)
    form.get_by_role("textbox", name="Điện thoại").fill(phone)
    form.get_by_role("checkbox").check()
    solved_and_sent(page, "Gửi câu hỏi")
    code = page.locator(".tracking-code").inner_text().strip()
    assert re.fullmatch(r"HD-[2-9A-HJKMNP-Z]{10}", code), page.get_by_role("main").inner_text()

    # The code finds the question's status, nothing more.
    follow(page, page.get_by_role("link", name="Tra cứu tình trạng câu hỏi"))
    page.get_by_label("Mã tra cứu").fill(code.lower())
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu", exact=True).click()
    status = page.locator(".question-status").inner_text()
    assert code in status and "Tình trạng" in status
    assert email not in page.content()

    # Staff answer it in the admin, which opens a draft Q&A page, and publish that page.
    moderator = staff_page("moderator")
    moderator.goto(f"/admin/cau-hoi/?q={code}")
    follow(moderator, moderator.get_by_role("link", name=code))
    moderator.locator("#id_answer").fill("Mang theo giấy chứng sinh và giấy tờ tùy thân của cha hoặc mẹ.")
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Lưu", exact=True).click()
    assert "/admin/pages/" in moderator.url, "answering did not open the draft Q&A page"
    publish = open_more_actions(moderator, "Xuất bản")
    with moderator.expect_navigation():
        publish.click()
    assert moderator.locator(".messages").count() == 1

    # The tracking page now says it is answered; the public page shows the answer, not the asker.
    page.goto("/hoi-dap/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu", exact=True).click()
    assert "Đã công khai câu trả lời" in page.locator(".question-status").inner_text()
    page.goto("/hoi-dap/")
    follow(page, page.get_by_role("main").get_by_role("link", name=question).first)
    main = page.get_by_role("main").inner_text()
    assert "giấy chứng sinh" in main and question in main
    content = page.content()
    for private in (email, phone, phone.replace(" ", ""), "Trần Thị Lan", code):
        assert private not in content
