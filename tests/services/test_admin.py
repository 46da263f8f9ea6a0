import pytest
from django.contrib.auth.models import User


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("quantri", "quantri@example.invalid", "x"))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/services/procedurefield/",
        "/admin/snippets/services/agency/",
        "/admin/thu-tuc/",
        "/admin/chien-dich/",
    ],
)
def test_the_services_admin_screens_open(admin_client, online_procedure, campaign, path):
    response = admin_client.get(path)

    assert response.status_code == 200


def test_editors_can_create_a_campaign_in_the_admin(admin_client, online_page):
    response = admin_client.get(f"/admin/pages/add/services/campaignpage/{online_page.pk}/")

    assert response.status_code == 200
    assert "Dịch vụ được giới thiệu" in response.content.decode()
