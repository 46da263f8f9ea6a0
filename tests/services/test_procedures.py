import pytest
from django.core.exceptions import ValidationError

from services.levels import (
    LegacyLevel,
    OnlineLevel,
    legacy_level_for_online,
    online_level_for_legacy,
    parse_service_level,
)
from services.models import (
    Applicants,
    CampaignPage,
    DossierDocument,
    OnlineServicesPage,
    ProcedureIndexPage,
    ProcedurePage,
)


@pytest.fixture
def levels(make_procedure):
    return {level: make_procedure(f"Thủ tục mức {level}", legacy_level=level) for level in (1, 2, 3, 4)}


def test_online_means_full_or_partial(levels):
    assert set(ProcedurePage.objects.online()) == {levels[3], levels[4]}
    assert list(ProcedurePage.objects.fully_online()) == [levels[4]]


def test_legacy_level_querysets(levels):
    assert list(ProcedurePage.objects.at_legacy_level(2)) == [levels[2]]
    assert set(ProcedurePage.objects.at_least_legacy_level(3)) == {levels[3], levels[4]}


def test_a_citizen_sees_procedures_for_citizens_and_for_everyone(make_procedure):
    citizen = make_procedure("Khai sinh", applicants=Applicants.CITIZEN)
    business = make_procedure("Thành lập doanh nghiệp", applicants=Applicants.BUSINESS)
    both = make_procedure("Chứng thực bản sao", applicants=Applicants.BOTH)

    assert set(ProcedurePage.objects.for_applicant("citizen")) == {citizen, both}
    assert set(ProcedurePage.objects.for_applicant("business")) == {business, both}


@pytest.mark.parametrize(
    ("legacy", "online"),
    [(1, OnlineLevel.NONE), (2, OnlineLevel.NONE), (3, OnlineLevel.PARTIAL), (4, OnlineLevel.FULL)],
)
def test_the_2011_levels_map_to_decree_42_levels(legacy, online):
    assert online_level_for_legacy(legacy) == online


def test_decree_42_levels_map_back_to_the_2011_levels():
    assert legacy_level_for_online(OnlineLevel.FULL) == LegacyLevel.COMPLETE
    assert legacy_level_for_online(OnlineLevel.PARTIAL) == LegacyLevel.SUBMISSION
    assert legacy_level_for_online(OnlineLevel.NONE, has_forms=True) == LegacyLevel.FORMS
    assert legacy_level_for_online(OnlineLevel.NONE) == LegacyLevel.INFORMATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", ("partial", 3)),
        ("Mức độ 4", ("full", 4)),
        ("Toàn trình", ("full", 4)),
        ("mot phan", ("partial", 3)),
        ("2", ("none", 2)),
        ("5", None),
        ("", None),
    ],
)
def test_service_levels_in_import_files(text, expected):
    assert parse_service_level(text) == expected


def test_an_editor_cannot_save_levels_that_contradict_each_other(make_procedure):
    page = make_procedure(legacy_level=2)
    page.online_level = OnlineLevel.FULL
    page.online_url = "https://dichvucong.example.vn/"

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "legacy_level" in error.value.message_dict


def test_an_online_service_needs_an_http_address(make_procedure):
    page = make_procedure(legacy_level=3)
    page.online_url = "javascript:alert(1)"

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "online_url" in error.value.message_dict


def test_page_types_sit_where_citizens_look_for_them(home_page):
    assert ProcedureIndexPage.can_create_at(home_page)
    assert OnlineServicesPage.can_create_at(home_page)
    assert not ProcedurePage.can_create_at(home_page)
    assert not CampaignPage.can_create_at(home_page)


def test_a_procedure_page_shows_the_record_and_its_printable_checklist(client, make_procedure):
    page = make_procedure(
        "Đăng ký khai sinh",
        fee="Miễn lệ phí",
        processing_time="Trong ngày",
        steps=[("step", "Nộp tờ khai"), ("step", "Nhận giấy khai sinh")],
    )
    DossierDocument.objects.create(page=page, name="Tờ khai đăng ký khai sinh", copies=2, sort_order=0)
    DossierDocument.objects.create(page=page, name="Giấy chứng sinh", copies=1, sort_order=1)

    html = client.get(page.url).content.decode()
    checklist = client.get(page.checklist_url)

    assert "Miễn lệ phí" in html and "Nộp tờ khai" in html and page.code in html
    assert page.checklist_url in html
    assert checklist.status_code == 200
    text = checklist.content.decode()
    assert "Giấy tờ cần mang theo" in text
    assert "Tờ khai đăng ký khai sinh" in text and "2 bản" in text


def test_the_online_services_page_lists_only_online_services_with_their_entry_points(
    client, online_page, make_procedure
):
    online = make_procedure("Đăng ký kinh doanh", legacy_level=3, online_url="https://dvc.example.vn/dkkd")
    offline = make_procedure("Đăng ký kết hôn", legacy_level=2)

    html = client.get(online_page.url).content.decode()

    assert online.title in html and 'href="https://dvc.example.vn/dkkd"' in html
    assert offline.title not in html
