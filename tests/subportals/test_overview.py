"""The staff overview of sub-portals: portal-wide administrators only, the stalest site first."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from .test_hosts_and_cache import publish_news

pytestmark = pytest.mark.django_db


def staff(username, *groups, **fields):
    user = get_user_model().objects.create_user(username, password="x", **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def test_a_portal_administrator_sees_every_subportal_the_stalest_first(client, site, justice, information):
    staff("bien-tap-stp", "Biên tập viên – Sở Tư pháp")
    staff("bien-tap-stp-2", "Biên tập viên – Sở Tư pháp")
    publish_news(justice, "Sở Tư pháp tập huấn công tác hộ tịch")
    # Sở Thông tin và Truyền thông has published nothing for two months.
    long_ago = timezone.now() - datetime.timedelta(days=60)
    Page.objects.descendant_of(information.site.root_page, inclusive=True).update(last_published_at=long_ago)
    client.force_login(staff("quan-tri", "Quản trị cổng"))

    response = client.get(reverse("subportals_overview"))

    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("sotttt.localhost") < body.index("sotuphap.localhost")
    rows = response.context["rows"]
    assert [row.subportal for row in rows] == [information, justice]
    assert rows[0].recent_publications == 0 and rows[1].recent_publications >= 1
    assert rows[1].editors == 2 and rows[0].editors == 0
    # Listed under Reports in the admin menu.
    assert reverse("subportals_overview") in client.get("/admin/").content.decode()


def test_a_superuser_sees_the_overview(client, site, justice):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.invalid", "x"))
    assert client.get(reverse("subportals_overview")).status_code == 200


def test_a_subportal_editor_may_not_see_the_overview(client, site, justice):
    client.force_login(staff("bien-tap-stp", "Biên tập viên – Sở Tư pháp"))
    response = client.get(reverse("subportals_overview"))
    assert response.status_code in (302, 403)
    assert "sotuphap.localhost" not in response.content.decode()
    assert reverse("subportals_overview") not in client.get("/admin/").content.decode()
