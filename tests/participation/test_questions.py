import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from participation import retention
from participation.models import Question, QuestionPage
from participation.questions import add_working_days, draft_page, new_code
from portal.outbox import send_due

ASK = "/hoi-dap/gui-cau-hoi/"
TRACK = "/hoi-dap/tra-cuu/"


def answers(field, solve, **overrides):
    data = {
        "field": field.pk,
        "text": "Đăng ký khai sinh cho con cần những giấy tờ gì?",
        "name": "Nguyễn Thị Hoa",
        "email": "hoa.nguyen@example.com",
        "phone": "0901 234 567",
        "consent": "on",
        "proof": solve(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_working_days_skip_the_weekend():
    friday = datetime.date(2025, 6, 6)
    assert add_working_days(friday, 1) == datetime.date(2025, 6, 9)
    assert add_working_days(friday, 15) == datetime.date(2025, 6, 27)
    assert add_working_days(datetime.date(2025, 6, 7), 1) == datetime.date(2025, 6, 9)  # from a Saturday


def test_working_days_skip_tet_and_public_holidays_and_count_a_make_up_saturday():
    assert add_working_days(datetime.date(2026, 2, 13), 1) == datetime.date(2026, 2, 23)  # Tết Bính Ngọ
    assert add_working_days(datetime.date(2026, 4, 29), 1) == datetime.date(2026, 5, 4)  # 30/4 and 1/5
    assert add_working_days(datetime.date(2025, 9, 1), 1) == datetime.date(2025, 9, 3)  # Quốc khánh
    assert add_working_days(datetime.date(2025, 4, 25), 1) == datetime.date(2025, 4, 26)  # worked to swap 2/5


def test_a_question_asked_before_tet_is_promised_an_answer_after_the_tet_holidays(client, qa, proof, monkeypatch):
    _index, _agency, field = qa
    data = answers(field, proof)  # the proof of work is solved now, the question sent on Thursday 12/2/2026
    asked = datetime.datetime(2026, 2, 12, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    monkeypatch.setattr(timezone, "now", lambda: asked)

    html = client.post(ASK, data).content.decode()

    # 15 working days from Thursday 12/2/2026, Tết (14–22/2) not counted: 05/03 if it were.
    assert "chậm nhất vào ngày 12/03/2026" in html
    assert Question.objects.get().due_on == datetime.date(2026, 3, 12)


def test_codes_are_random_and_unambiguous():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(re.fullmatch(r"HD-[2-9A-HJKMNP-Z]{10}", code) for code in codes)


def test_the_form_is_there_and_works_without_javascript_except_the_proof(client, qa):
    response = client.get(ASK)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nghị định 13/2023/NĐ-CP" in html
    assert "cần JavaScript" in html
    assert 'src="/static/js/question-suggestions.js"' in html or "question-suggestions" in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("missing", "message"),
    [("consent", "Cần có sự đồng ý xử lý dữ liệu cá nhân"), ("proof", "Chưa hoàn tất bước chống thư rác")],
)
def test_a_question_without_consent_or_proof_is_refused_and_nothing_is_stored(client, qa, proof, missing, message):
    _index, _agency, field = qa
    response = client.post(ASK, answers(field, proof, **{missing: None}))
    html = response.content.decode()
    assert message in html
    assert "Đăng ký khai sinh cho con" in html  # what was typed is kept
    assert not Question.objects.exists()


def test_an_invalid_email_is_refused_with_what_was_typed_kept(client, qa, proof):
    _index, _agency, field = qa
    response = client.post(ASK, answers(field, proof, email="hoa.nguyen@"))
    html = response.content.decode()
    assert "Địa chỉ thư điện tử không hợp lệ" in html
    assert 'aria-invalid="true"' in html
    assert 'value="hoa.nguyen@"' in html and "Nguyễn Thị Hoa" in html
    assert not Question.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_asker_gets_the_code_on_screen_and_by_email(client, qa, proof, smtp_sink):
    _index, _agency, field = qa
    response = client.post(ASK, answers(field, proof))
    question = Question.objects.get()
    assert question.code in response.content.decode()
    assert question.consented_at is not None
    send_due()
    [message] = smtp_sink.messages()
    assert message["To"] == "hoa.nguyen@example.com"
    assert question.code in message["Subject"]
    assert question.code in message.get_body(("plain",)).get_content()


def test_the_code_shows_the_status_and_nothing_else(client, qa, proof):
    _index, agency, field = qa
    client.post(ASK, answers(field, proof))
    question = Question.objects.get()
    html = client.get(TRACK, {"ma": question.code.lower()}).content.decode()
    assert "Đã tiếp nhận" in html
    for private in ("Nguyễn Thị Hoa", "hoa.nguyen@example.com", "0901 234 567", "Đăng ký khai sinh cho con"):
        assert private not in html
    question.declined_reason, question.declined_at = "Câu hỏi trùng với câu hỏi đã trả lời.", question.submitted_at
    question.save()
    html = client.post(TRACK, {"ma": question.code}).content.decode()
    assert "Không tiếp nhận" in html and "Câu hỏi trùng với câu hỏi đã trả lời." in html


def test_an_unknown_code_says_so(client, qa):
    html = client.get(TRACK, {"ma": "HD-2345678923"}).content.decode()
    assert "Không tìm thấy câu hỏi có mã này" in html


def test_the_asker_can_erase_their_contact_details_with_the_code(client, qa, proof):
    _index, _agency, field = qa
    client.post(ASK, answers(field, proof))
    question = Question.objects.get()
    client.post(TRACK, {"ma": question.code, "xoa_lien_he": "1"})
    question.refresh_from_db()
    assert (question.name, question.email, question.phone) == ("", "", "")
    assert question.text.startswith("Đăng ký khai sinh")


def test_question_contact_details_are_registered_for_retention(qa, proof, client, settings):
    _index, _agency, field = qa
    client.post(ASK, answers(field, proof))
    assert retention.REGISTRY["question"].fields == ("name", "email", "phone")
    Question.objects.update(submitted_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    retention.purge()
    question = Question.objects.get()
    assert question.email == "" and question.text


def published(qa, proof, client):
    """A question asked through the form, answered and published through its draft page (and indexed)."""
    index, agency, field = qa
    client.post(ASK, answers(field, proof))
    question = Question.objects.get()
    question.agency, question.answer = agency, "Cần tờ khai và giấy chứng sinh."
    question.answered_at = question.submitted_at
    question.save()
    page = draft_page(question)
    page.save_revision().publish()
    return question, QuestionPage.objects.get(pk=page.pk)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_published_page_never_shows_the_askers_contact_details(client, qa, proof):
    question, page = published(qa, proof, client)
    private = ("Nguyễn Thị Hoa", "hoa.nguyen@example.com", "0901 234 567", question.code)
    pages = [page.url, "/hoi-dap/", "/hoi-dap/rss/", "/api/v2/pages/?type=participation.QuestionPage&fields=*"]
    pages += [f"/api/v2/pages/{page.pk}/", "/tim-kiem/?q=khai+sinh", "/api/search/?q=khai+sinh"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert all(value not in body for value in private), url
    assert "Cần tờ khai và giấy chứng sinh." in client.get(page.url).content.decode()
    assert "khai sinh" in client.get("/hoi-dap/rss/").content.decode()
    found = client.get("/api/search/?q=khai+sinh").json()
    assert any(hit["type"] == "participation.questionpage" for hit in found["results"])
    assert {option["label"] for option in found["facets"]["agency"]["options"]} >= {"Ủy ban nhân dân tỉnh Hậu Giang"}
    assert "Đã công khai" in client.get(TRACK, {"ma": question.code}).content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_suggestions_offer_published_answers_while_typing(client, qa, proof):
    published(qa, proof, client)
    results = client.get("/hoi-dap/goi-y/", {"q": "lam giay khai sinh cho con o dau"}).json()["results"]
    assert [result["title"] for result in results][:1] == [QuestionPage.objects.get().title]


def ask_directly(agency, text, due_on=None):
    return Question.objects.create(
        code=new_code(),
        agency=agency,
        text=text,
        name="Lê Văn Tám",
        email="tam@example.com",
        consented_at=datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
        due_on=due_on or datetime.date(2099, 1, 1),
    )


def test_subportal_staff_see_only_their_agencys_questions(client, qa, subportal_staff):
    _index, province, _field = qa
    justice, user = subportal_staff
    own = ask_directly(justice.issuing_body, "Câu hỏi gửi Sở Tư pháp")
    other = ask_directly(province, "Câu hỏi gửi UBND tỉnh")
    client.force_login(user)
    html = client.get("/admin/cau-hoi/").content.decode()
    assert own.code in html and other.code not in html
    assert client.get(f"/admin/cau-hoi/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/cau-hoi/edit/{other.pk}/").status_code in (403, 404)


def test_answering_in_the_admin_opens_a_draft_page_without_contact_details(client, qa):
    _index, province, _field = qa
    question = ask_directly(province, "Thủ tục cấp bản sao trích lục khai sinh?")
    client.force_login(User.objects.create_superuser("quantri", "quantri@example.invalid", "x"))
    response = client.post(
        f"/admin/cau-hoi/edit/{question.pk}/",
        {"agency": province.pk, "field": "", "answer": "Nộp tại UBND cấp xã.", "declined_reason": ""},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered"
    page = question.page
    assert not page.live and page.agency == province
    assert "tam@example.com" not in str(page.get_latest_revision().content)


def test_the_dashboard_lists_overdue_questions_to_the_staff_who_handle_them(client, qa, subportal_staff):
    _index, province, _field = qa
    justice, user = subportal_staff
    late = ask_directly(justice.issuing_body, "Quá hạn", due_on=datetime.date(2024, 1, 1))
    ask_directly(justice.issuing_body, "Còn hạn")
    late_elsewhere = ask_directly(province, "Quá hạn ở tỉnh", due_on=datetime.date(2024, 1, 1))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "Câu hỏi quá hạn trả lời" in html
    assert late.code in html and late_elsewhere.code not in html
    assert list(Question.objects.overdue()) == [late_elsewhere, late] or set(Question.objects.overdue()) == {
        late,
        late_elsewhere,
    }
