import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
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


LIST = reverse("wagtailsnippets_participation_consultationcomment:list")


def edit_url(comment):
    return reverse("wagtailsnippets_participation_consultationcomment:edit", args=[comment.pk])


@pytest.fixture
def pending_comment(make_consultation):
    def make(page=None, name="Trần Thị Bình"):
        return ConsultationComment.objects.create(
            consultation=page or make_consultation(),
            article_label="Điều 2. Đối tượng áp dụng",
            name=name,
            email="binh@example.vn",
            text="Nên áp dụng cả với hộ kinh doanh.",
        )

    return make


def publish(client, comment):
    return client.post(edit_url(comment), {"status": "published", "summary": "", "response": "", "response_reason": ""})


def staff_in(group_name, username="pheduyet"):
    user = get_user_model().objects.create_user(username, f"{username}@haugiang.gov.vn", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize("group_name", ["Phê duyệt", "Biên tập viên"])
def test_the_portals_approvers_and_editors_moderate_comments(client, pending_comment, group_name):
    comment = pending_comment()
    client.force_login(staff_in(group_name))
    assert "Trần Thị Bình" in client.get(LIST).content.decode()
    assert publish(client, comment).status_code == 302
    comment.refresh_from_db()
    assert comment.status == "published"


def test_anonymous_visitors_and_staff_without_the_permission_cannot_moderate(client, pending_comment):
    comment = pending_comment()
    assert client.get(LIST).url.startswith("/admin/login/")
    assert publish(client, comment).url.startswith("/admin/login/")
    plain = get_user_model().objects.create_user("khach", "khach@haugiang.gov.vn", "x")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain)
    assert "Trần Thị Bình" not in client.get(LIST, follow=True).content.decode()
    assert publish(client, comment).status_code in (302, 403, 404)
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_subportal_staff_moderate_only_the_comments_on_their_own_drafts(
    client, make_consultation, pending_comment, subportal_staff
):
    from participation.models import ConsultationPage

    justice, user = subportal_staff
    province_comment = pending_comment(name="Người góp ý cấp tỉnh")
    province_page = province_comment.consultation
    own_page = ConsultationPage.objects.get(pk=province_page.pk).copy(
        to=justice.site.root_page, update_attrs={"slug": "du-thao-so-tu-phap", "title": "Dự thảo của Sở Tư pháp"}
    )
    own_comment = pending_comment(page=own_page, name="Người góp ý Sở Tư pháp")
    client.force_login(user)
    html = client.get(LIST).content.decode()
    assert "Người góp ý Sở Tư pháp" in html and "Người góp ý cấp tỉnh" not in html
    assert client.get(edit_url(own_comment)).status_code == 200
    assert client.get(edit_url(province_comment)).status_code in (302, 403, 404)
    publish(client, province_comment)
    province_comment.refresh_from_db()
    assert province_comment.status == "pending"
