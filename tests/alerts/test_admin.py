"""Staff see topics with their counts and record major changes; no e-mail address is shown."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from alerts.models import MajorChange, Subscriber

pytestmark = pytest.mark.django_db


def test_staff_see_subscribers_per_topic_without_their_addresses(admin_client, make_subscriber):
    make_subscriber("mot@example.org", finder="news")
    make_subscriber("hai@example.org", finder="news")
    make_subscriber("ba@example.org", finder="news")
    Subscriber.objects.filter(email="ba@example.org").update(suspended=True)

    response = admin_client.get("/admin/snippets/alerts/topic/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tin chỉ đạo, điều hành" in html
    assert "@example.org" not in html
    [row] = BeautifulSoup(html, "html.parser").select("tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert cells[-3:-1] == ["2", "1"]  # two receive alerts, one suspended
    assert "Tạm ngừng vì gửi lỗi" in html


def test_an_editor_flags_a_major_change_on_a_page(admin_client, make_directive):
    page = make_directive(published_on=timezone.localdate())
    response = admin_client.post(
        "/admin/snippets/alerts/majorchange/add/", {"page": page.pk, "note": "Sửa đổi thời hạn thực hiện."}
    )
    assert response.status_code == 302
    assert MajorChange.objects.get().page_id == page.pk
