import io

import pytest
from django.core.management import call_command

from services import demo
from services.metrics import follow_through_total, online_service_counts
from services.models import (
    CampaignDailyFollowThrough,
    CampaignPage,
    OnlineServicesPage,
    ProcedureIndexPage,
    ProcedurePage,
)


@pytest.fixture
def services_demo(home_page):
    demo.load(io.StringIO())


def test_the_demo_has_a_realistic_catalogue(services_demo):
    live = ProcedurePage.objects.live()

    assert live.count() >= 40
    assert live.values("field").distinct().count() >= 8
    assert set(live.values_list("admin_level", flat=True)) == {"province", "district", "commune"}
    titles = list(live.at_least_legacy_level(3).values_list("title", flat=True))
    assert len(titles) == 5
    assert any("Đăng ký kinh doanh" in title for title in titles)
    assert any("Cấp giấy phép xây dựng" in title for title in titles)
    assert any("chứng chỉ hành nghề dược" in title for title in titles)
    assert any("đề tài khoa học công nghệ" in title for title in titles)
    # One toàn trình (level 4) service, so every level has a page the checks can see.
    assert list(live.fully_online().values_list("title", flat=True)) == [
        "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam"
    ]
    assert online_service_counts()["level_2"] >= 15


def test_the_demo_has_an_active_and_an_ended_campaign_with_results(services_demo):
    active = CampaignPage.objects.live().active().get()
    ended = CampaignPage.objects.live().ended().get()

    assert CampaignDailyFollowThrough.objects.filter(campaign=active).exists()
    assert CampaignDailyFollowThrough.objects.filter(campaign=ended, channel="poster").exists()
    assert follow_through_total() > 0


def test_the_demo_puts_procedures_and_online_services_in_the_main_menu(client, services_demo):
    html = client.get("/").content.decode()

    for page in (ProcedureIndexPage.objects.get(), OnlineServicesPage.objects.get()):
        assert page.show_in_menus
        assert f'href="{page.url}"' in html


def test_loading_the_demo_twice_changes_nothing(services_demo):
    counts = (ProcedurePage.objects.count(), CampaignDailyFollowThrough.objects.count(), follow_through_total())
    revisions = sorted(ProcedurePage.objects.values_list("latest_revision_id", flat=True))
    output = io.StringIO()

    demo.load(output)

    assert (ProcedurePage.objects.count(), CampaignDailyFollowThrough.objects.count(), follow_through_total()) == counts
    assert sorted(ProcedurePage.objects.values_list("latest_revision_id", flat=True)) == revisions
    assert "không đổi 43" in output.getvalue()


def test_the_demo_file_imports_cleanly_with_the_command(home_page, procedure_index):
    stderr = io.StringIO()

    call_command("import_procedures", str(demo.DEMO_CSV), stdout=io.StringIO(), stderr=stderr)

    assert stderr.getvalue() == ""
    assert ProcedurePage.objects.count() == 43


def test_demo_procedure_codes_cannot_be_mistaken_for_national_codes(services_demo):
    # A province importing its real catalogue on top of the demo matches pages by code: a demo
    # page holding a real national code would take another procedure's title under its own slug.
    codes = list(ProcedurePage.objects.values_list("code", flat=True))

    assert len(codes) == 43
    assert all(code.startswith("DEMO-") for code in codes), codes
    featured = CampaignPage.objects.get(slug="dich-vu-cong-muc-do-3-nam-2014").featured_services.all()
    assert sorted(item.procedure.code for item in featured) == sorted(demo.LEVEL_3_CODES_2014)
    assert len(featured) == 4
