"""The zero-result report says which queries that found nothing are answered now, and how."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from search import reports
from search.models import Synonym, SynonymDirection

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


def test_the_report_shows_the_synonym_that_now_answers_a_query(staff_client, corpus):
    # Staff add the citizens' name for vaccination to the synonym list after "chich ngua" found nothing.
    Synonym.objects.create(terms="chích ngừa, tiêm chủng", direction=SynonymDirection.TWO_WAY)
    assert reports.later_fix("chich ngua") == "Từ đồng nghĩa: tiêm chủng"
    assert reports.later_fix("khong co tu nay xyzq") == ""
    assert reports.later_fix("tiem chung") == "Nay có kết quả"


def test_the_spreadsheet_export_says_how_each_query_is_answered_now(client, staff_client, corpus):
    import csv
    import io

    client.get("/tim-kiem/", {"q": "tiem chungg"})
    client.get("/tim-kiem/", {"q": "khong co tu nay xyzq"})
    response = staff_client.get(reverse("search_reports:zero_results"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Từ khóa", "Số lần không có kết quả", "Lần gần nhất", "Nay tìm được nhờ"]
    answered = {row[0]: row[3] for row in rows[1:]}
    assert answered == {"tiem chungg": "Sửa lỗi gõ: tiêm chủng", "khong co tu nay xyzq": ""}
