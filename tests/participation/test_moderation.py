from django.contrib.auth import get_user_model
from django.urls import reverse

from participation.models import ConsultationComment


def test_a_moderator_publishes_a_comment_and_records_the_response_in_the_admin(client, make_consultation):
    page = make_consultation()
    comment = ConsultationComment.objects.create(
        consultation=page,
        article_key=page.articles[1][0],
        article_label="Điều 2. Đối tượng áp dụng",
        name="Nguyễn Văn An",
        email="an@example.vn",
        text="Bổ sung hộ kinh doanh.",
    )
    admin = get_user_model().objects.create_superuser("moderator", "m@example.vn", "pw")
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_participation_consultationcomment:list"))
    assert "Nguyễn Văn An" in listing.content.decode()
    edit_url = reverse("wagtailsnippets_participation_consultationcomment:edit", args=[comment.pk])
    response = client.post(
        edit_url,
        {"status": "published", "summary": "", "response": "accepted", "response_reason": "Đã bổ sung."},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert (comment.status, comment.response, comment.text) == ("published", "accepted", "Bổ sung hộ kinh doanh.")
    assert comment.moderated_at is not None
    client.logout()
    assert "Bổ sung hộ kinh doanh." in client.get(page.url).content.decode()
