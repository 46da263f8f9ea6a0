"""The zero-result report says which queries that found nothing are answered now, and how."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from search import reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("bientap", "bientap@example.test", "mat-khau-dai-123")
    client.force_login(user)
    return client


def test_the_report_shows_the_typo_correction_that_now_answers_a_query(client, staff_client, corpus):
    client.get("/tim-kiem/", {"q": "tiem chungg"})  # a citizen's typo, answered by its correction
    client.get("/tim-kiem/", {"q": "khong co tu nay xyzq"})
    page = staff_client.get(reverse("search_reports:zero_results")).content.decode()
    assert "tiem chungg" in page and "Sửa lỗi gõ: tiêm chủng" in page
    assert "khong co tu nay xyzq" in page


def test_the_report_shows_the_synonym_that_now_answers_a_query(staff_client, corpus, monkeypatch):
    # The query expansion module's expansions_for(), as the report calls it.
    monkeypatch.setattr(reports, "synonym_expansions", lambda query: ["vắc xin"] if query == "chich ngua" else [])
    assert reports.later_fix("chich ngua") == "Từ đồng nghĩa: vắc xin"
    assert reports.later_fix("khong co tu nay xyzq") == ""
    assert reports.later_fix("tiem chung") == "Nay có kết quả"
