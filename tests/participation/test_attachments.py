import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from participation.models import ConsultationComment

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def comment(make_consultation):
    comment = ConsultationComment(
        consultation=make_consultation(),
        name="Phạm Văn Cường",
        email="cuong@example.vn",
        text="Xem ý kiến chi tiết trong tệp đính kèm.",
    )
    comment.attachment.save("gop-y-chi-tiet.pdf", ContentFile(PDF), save=False)
    comment.save()
    return comment


def download_url(comment):
    return reverse("participation_comment_attachment", args=[comment.pk])


def test_staff_who_moderate_the_comment_download_its_attachment_from_the_edit_screen(client, comment):
    user = get_user_model().objects.create_user("pheduyet", "pd@haugiang.gov.vn", "x")
    user.groups.add(Group.objects.get(name="Phê duyệt"))
    client.force_login(user)
    edit = client.get(reverse("wagtailsnippets_participation_consultationcomment:edit", args=[comment.pk]))
    html = edit.content.decode()
    assert download_url(comment) in html
    assert settings.MEDIA_URL + comment.attachment.name not in html
    response = client.get(download_url(comment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "gop-y-chi-tiet" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_anonymous_visitors_and_staff_of_another_tree_cannot_download(client, comment, subportal_staff):
    response = client.get(download_url(comment))
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    _justice, outsider = subportal_staff
    client.force_login(outsider)
    assert client.get(download_url(comment)).status_code == 404


def test_attachments_are_stored_where_the_web_server_serves_nothing():
    """ops/nginx/portal.conf serves image renditions only; every other upload stays private."""
    conf = (Path(settings.BASE_DIR) / "ops" / "nginx" / "portal.conf").read_text()
    served = re.findall(r"location \^~ (/media/\S*) \{\s*alias", conf)
    upload_to = ConsultationComment._meta.get_field("attachment").upload_to
    assert served == ["/media/images/"]
    assert not any((settings.MEDIA_URL + upload_to).startswith(prefix) for prefix in served)
