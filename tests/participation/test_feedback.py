import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import Client, override_settings

from home.models import StandardPage
from participation.models import PageFeedback, QuestionSettings
from portal.cache import STATUS_HEADER

FEEDBACK = "/tham-gia/phan-hoi-trang/"
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "feedback-pages"}}


@pytest.fixture
def guidance(home_page):
    page = StandardPage(title="Hướng dẫn nộp hồ sơ trực tuyến", slug="huong-dan")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def vote(client, page, helpful, reason="", **headers):
    return client.post(FEEDBACK, {"page": page.pk, "helpful": helpful, "reason": reason}, **(headers or ORIGIN))


def test_guidance_procedure_and_directive_pages_end_with_the_question(client, guidance, make_procedure):
    for page in (guidance, make_procedure()):
        html = client.get(page.url).content.decode()
        assert "Thông tin này có hữu ích không?" in html
        assert f'action="{FEEDBACK}"' in html


@pytest.fixture
def page_cache(db):
    with override_settings(CACHES=LOCMEM, PAGE_CACHE_ENABLED=True):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def test_a_page_with_the_form_is_still_served_from_the_anonymous_cache(page_cache, guidance):
    for _ in range(2):  # the very first request of a fresh cache sets up its generation tokens
        Client().get(guidance.url)
    response = Client().get(guidance.url)
    assert response[STATUS_HEADER] == "hit"
    assert "csrftoken" not in response.cookies
    assert "Thông tin này có hữu ích không?" in response.content.decode()


def test_an_answer_stores_the_page_the_answer_and_the_reason_and_nothing_personal(client, guidance):
    response = vote(client, guidance, "no", "Thiếu   địa chỉ nộp hồ sơ", REMOTE_ADDR="203.0.113.9", **ORIGIN)
    assert response.status_code == 200
    assert "Cảm ơn phản hồi của bạn" in response.content.decode()
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.reason) == (guidance.pk, False, "Thiếu địa chỉ nộp hồ sơ")
    stored = {field.attname for field in PageFeedback._meta.concrete_fields}
    assert stored == {"id", "page_id", "helpful", "reason", "day"}
    assert "203.0.113.9" not in str(PageFeedback.objects.values().get())


def test_feedback_from_another_site_is_refused(client, guidance):
    assert vote(client, guidance, "yes", HTTP_ORIGIN="https://evil.example").status_code == 403
    assert vote(client, guidance, "yes", HTTP_X_NOTHING="").status_code == 403  # neither Origin nor Referer
    assert vote(client, guidance, "yes", HTTP_REFERER="http://testserver/huong-dan/").status_code == 200
    assert PageFeedback.objects.count() == 1


def test_a_too_long_reason_is_refused_with_the_text_kept(client, guidance):
    response = vote(client, guidance, "no", "x" * 301)
    assert response.status_code == 400
    assert "Lý do dài tối đa 300 ký tự" in response.content.decode()
    assert "x" * 301 in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_too_many_answers_from_one_address_are_refused(client, guidance, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"ip": (2, 3600), "email": (5, 3600)}
    assert [vote(client, guidance, "yes").status_code for _ in range(3)] == [200, 200, 429]
    assert PageFeedback.objects.count() == 2


def test_the_report_lists_the_most_no_first_and_flags_procedures_over_the_threshold(
    client, guidance, make_procedure, settings
):
    settings.PARTICIPATION_RATE_LIMITS = {"ip": (100, 3600), "email": (5, 3600)}
    procedure = make_procedure()
    QuestionSettings.objects.update_or_create(pk=QuestionSettings.load().pk, defaults={"feedback_review_threshold": 3})
    for _ in range(3):
        vote(client, procedure, "no", "Thiếu mẫu đơn")
    vote(client, guidance, "no")
    vote(client, guidance, "yes")
    client.force_login(User.objects.create_superuser("quantri", "quantri@example.invalid", "x"))
    html = client.get("/admin/phan-hoi-trang/").content.decode()
    assert html.index(procedure.title) < html.index(guidance.title)
    assert html.count("<strong>Cần rà soát</strong>") == 1
    assert "Thiếu mẫu đơn" in html
