"""The read-only JSON API of procedures and of pages in general: live public pages only."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedures(make_procedure):
    live = make_procedure(title="Đăng ký khai sinh", legacy_level=4, fee="Miễn phí")
    live.documents.add(live.documents.model(name="Tờ khai đăng ký khai sinh", copies=2))
    live.save_revision().publish()
    private = make_procedure(title="Thủ tục nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = make_procedure(title="Thủ tục chưa công bố")
    draft.unpublish()
    return live, private, draft


@pytest.mark.parametrize("endpoint", ["/api/v2/procedures/", "/api/v2/pages/?type=services.ProcedurePage"])
def test_only_live_public_procedures_are_listed_even_to_signed_in_staff(admin_client, procedures, endpoint):
    data = admin_client.get(endpoint).json()
    assert [item["title"] for item in data["items"]] == ["Đăng ký khai sinh"]


def test_the_generic_pages_endpoint_leaves_out_private_and_draft_pages(client, procedures):
    titles = [item["title"] for item in client.get("/api/v2/pages/?limit=20").json()["items"]]
    assert "Đăng ký khai sinh" in titles and "Thủ tục hành chính" in titles
    assert "Thủ tục nội bộ" not in titles and "Thủ tục chưa công bố" not in titles


def test_a_private_or_draft_procedure_is_not_found_in_vietnamese(admin_client, procedures):
    _live, private, draft = procedures
    for page in (private, draft):
        for endpoint in ("procedures", "pages"):
            response = admin_client.get(f"/api/v2/{endpoint}/{page.pk}/")
            assert response.status_code == 404
            assert response.json() == {"message": "Không tìm thấy trang."}


def test_a_procedure_reads_with_its_field_agency_levels_and_dossier(client, procedures):
    live, _private, _draft = procedures
    listed = client.get("/api/v2/procedures/").json()["items"][0]
    assert listed["code"] == live.code
    assert listed["field_name"] == "Hộ tịch"
    assert listed["online_level"] == "full"
    detail = client.get(f"/api/v2/procedures/{live.pk}/").json()
    assert detail["fee"] == "Miễn phí"
    assert detail["dossier"] == [{"name": "Tờ khai đăng ký khai sinh", "copies": 2}]


def test_the_api_is_read_only(client, procedures):
    response = client.post("/api/v2/procedures/", {"title": "Mới"})
    assert response.status_code == 405
    assert "chỉ cho phép đọc" in response.json()["message"]
