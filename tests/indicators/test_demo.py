"""The demo: Kế hoạch 07/KH-UBND with the 2014 monitoring figures and a computed directive rate."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from indicators.models import IndicatorTrackerPage, Measurement, Plan

pytestmark = pytest.mark.django_db


def test_demo_plan_has_the_2014_monitoring_figures(demo):
    plan = Plan.objects.get(number="07/KH-UBND")
    assert (plan.start_year, plan.end_year) == (2011, 2015)
    indicators = {indicator.code: indicator for indicator in plan.indicators.all()}
    assert len(indicators) == 8
    assert indicators["ct-06"].latest.value == 4
    assert indicators["ct-07"].latest.value == 2768
    assert indicators["ct-04"].latest.value == 100
    assert indicators["ct-01"].latest.value == 60
    assert [m.period_label for m in indicators["ct-03"].series] == ["2011", "2012", "2013", "2014"]


def test_demo_directive_rate_is_computed_from_the_demo_register(demo):
    from directives.models import DirectivePage

    plan = Plan.objects.get(number="07/KH-UBND")
    rate = plan.indicators.get(code="ct-02")
    assert rate.latest.source == "automatic"
    assert Decimal(70) <= rate.latest.value <= Decimal(90)
    assert plan.directive_page_id == DirectivePage.objects.get(number="07/KH-UBND").pk
    assert Decimal(50) <= plan.completion() <= Decimal(70)


def test_demo_tracker_is_in_the_menu_and_renders(client, demo):
    tracker = IndicatorTrackerPage.objects.live().get()
    assert tracker.show_in_menus
    html = client.get(tracker.url).content.decode()
    assert "Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử" in html
    assert "2.768" in html
    for indicator in tracker.indicators():
        assert client.get(f"{tracker.url}chi-tieu/{indicator.code}/").status_code == 200


def test_running_the_demo_again_stores_no_new_measurement(demo):
    count = Measurement.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Measurement.objects.count() == count
