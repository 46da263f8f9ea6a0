import pytest

from services.models import AdminLevel, Applicants


@pytest.fixture
def catalogue(make_procedure):
    make_procedure("Đăng ký khai sinh", applicants=Applicants.CITIZEN, admin_level=AdminLevel.COMMUNE)
    make_procedure("Đăng ký kết hôn", applicants=Applicants.CITIZEN, admin_level=AdminLevel.COMMUNE, legacy_level=1)
    make_procedure(
        "Đăng ký kinh doanh",
        field="Thành lập và hoạt động doanh nghiệp",
        agency="Sở Kế hoạch và Đầu tư",
        applicants=Applicants.BUSINESS,
        admin_level=AdminLevel.PROVINCE,
        legacy_level=3,
    )
    make_procedure(
        "Cấp giấy phép xây dựng",
        field="Hoạt động xây dựng",
        agency="Ủy ban nhân dân cấp huyện",
        applicants=Applicants.BOTH,
        admin_level=AdminLevel.DISTRICT,
        legacy_level=4,
    )


def facets(response):
    return {
        facet.name: {option.label: option.count for option in facet.options} for facet in response.context["facets"]
    }


def test_the_listing_counts_procedures_per_facet_value(client, procedure_index, catalogue):
    response = client.get(procedure_index.url)

    assert response.context["total"] == 4
    counts = facets(response)
    assert counts["doi_tuong"] == {"Công dân": 3, "Tổ chức, doanh nghiệp": 2}
    assert counts["linh_vuc"] == {"Hoạt động xây dựng": 1, "Hộ tịch": 2, "Thành lập và hoạt động doanh nghiệp": 1}
    assert counts["cap"] == {"Cấp tỉnh": 1, "Cấp huyện": 1, "Cấp xã": 2}
    assert counts["muc_do"] == {"Toàn trình": 1, "Một phần": 1, "Chưa trực tuyến": 2}
    assert "Hộ tịch" in response.content.decode()


def test_choosing_a_filter_narrows_results_and_counts_the_other_facets_within_it(client, procedure_index, catalogue):
    response = client.get(procedure_index.url, {"doi_tuong": "business"})

    titles = [procedure.title for procedure in response.context["procedures"]]
    assert titles == ["Cấp giấy phép xây dựng", "Đăng ký kinh doanh"]
    counts = facets(response)
    assert counts["cap"] == {"Cấp tỉnh": 1, "Cấp huyện": 1}
    assert counts["doi_tuong"] == {"Công dân": 3, "Tổ chức, doanh nghiệp": 2}


def test_filters_combine(client, procedure_index, catalogue):
    response = client.get(procedure_index.url, {"linh_vuc": "ho-tich", "muc_do": "none", "cap": "commune"})

    assert response.context["total"] == 2


def test_drafts_are_not_listed_or_counted(client, procedure_index, catalogue, make_procedure):
    make_procedure("Thủ tục chưa duyệt").unpublish()

    assert client.get(procedure_index.url).context["total"] == 4


@pytest.mark.parametrize(
    "query",
    [
        "?cap=thon",
        "?linh_vuc=%00%ff",
        "?doi_tuong[]=citizen&muc_do=5",
        "?trang=abc",
        "?trang=-1",
        "?trang=99999999999999999999",
        "?co_quan=" + "x" * 5000,
        "?linh_vuc=ho-tich&linh_vuc=khac",
    ],
)
def test_junk_parameters_show_the_listing_instead_of_an_error(client, procedure_index, catalogue, query):
    response = client.get(procedure_index.url + query)

    assert response.status_code == 200
    assert response.context["total"] in (2, 4)


def test_the_listing_pages_through_many_procedures(client, procedure_index, make_procedure):
    for number in range(23):
        make_procedure(f"Thủ tục số {number:02d}")

    first = client.get(procedure_index.url)
    second = client.get(procedure_index.url, {"trang": 2})

    assert len(first.context["procedures"]) == 20
    assert len(second.context["procedures"]) == 3
    assert "trang=2" in first.content.decode()


def test_procedures_are_listed_in_vietnamese_alphabetical_order(client, procedure_index, make_procedure):
    for title in ("Xác nhận tình trạng hôn nhân", "Đăng ký khai sinh", "Cấp bản sao trích lục", "Đổi giấy phép lái xe"):
        make_procedure(title)

    titles = [procedure.title for procedure in client.get(procedure_index.url).context["procedures"]]

    assert titles == [
        "Cấp bản sao trích lục",
        "Đăng ký khai sinh",
        "Đổi giấy phép lái xe",
        "Xác nhận tình trạng hôn nhân",
    ]


def test_browsing_needs_only_the_choices_not_the_models_that_use_it():
    # The procedure index imports browse; browse importing the models back made an import loop.
    import subprocess
    import sys

    code = "import sys, services.browse; assert 'services.models' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
