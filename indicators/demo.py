"""Demo: Kế hoạch 07/KH-UBND (2011-2015) with its indicators and the 2011-2014 figures of the
2014 monitoring, then an automatic refresh so the directive rate comes from the demo register.

The prose and figures are in ``demo_data/plan.json``; an indicator's ``method`` names its
methodology in that file's ``methods``, which indicators computed the same way share.
Runs after the directives and services demos. Everything is looked up by a stable key
(plan number, indicator code, period) first, so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from django.apps import apps

from home.demo import demo_data, ensure_home_page, ensure_page

from .automatic import refresh
from .models import Indicator, IndicatorTrackerPage, Measurement, Objective, Plan, Source

DATA = demo_data(__file__, "plan")
PLAN = DATA["plan"]


def _plan_directive_page():
    """The 07/KH-UBND directive page, found by its number (not by slug or title)."""
    if not apps.is_installed("directives"):
        return None
    from directives.models import DirectivePage

    return DirectivePage.objects.filter(number__iexact=PLAN["number"]).order_by("-live", "pk").first()


def ensure_plan():
    plan, created = Plan.objects.get_or_create(number=PLAN["number"], defaults=PLAN)
    if plan.directive_page_id is None:
        page = _plan_directive_page()
        if page is not None:
            plan.directive_page = page
            plan.save(update_fields=["directive_page"])
    return plan, created


def ensure_indicators(plan):
    objectives = {}
    for order, spec in enumerate(DATA["objectives"]):
        objectives[spec["code"]], _ = Objective.objects.get_or_create(
            plan=plan, code=spec["code"], defaults={"name": spec["name"], "sort_order": order}
        )
    monitoring = DATA["monitoring_report"]
    created_measurements = 0
    for order, spec in enumerate(DATA["indicators"]):
        source = spec["automatic_source"]
        indicator, _ = Indicator.objects.get_or_create(
            plan=plan,
            code=spec["code"],
            defaults={
                "objective": objectives[spec["objective"]],
                "name": spec["name"],
                "unit": spec["unit"],
                "baseline": Decimal(spec["baseline"]),
                "baseline_year": DATA["baseline_year"],
                "target": Decimal(spec["target"]),
                "target_year": DATA["target_year"],
                "methodology": DATA["methods"][spec["method"]],
                "data_source": DATA["automatic_data_source"] if source else monitoring,
                "responsible_agency": spec["responsible_agency"],
                "automatic_source": source,
                "sort_order": order,
            },
        )
        for year, value in spec["figures"].items():
            start, end = datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)
            if indicator.measurements.filter(source=Source.MANUAL, period_start=start, period_end=end).exists():
                continue
            measurement = Measurement(
                indicator=indicator,
                value=Decimal(value),
                period_start=start,
                period_end=end,
                note=DATA["measurement_note"].format(monitoring_report=monitoring),
                source=Source.MANUAL,
                live=False,
            )
            measurement.save()
            measurement.save_revision().publish()
            created_measurements += 1
    return created_measurements


def load(stdout):
    plan, created = ensure_plan()
    stdout.write(f"  Kế hoạch {plan.number}: {'tạo mới' if created else 'đã có'}")
    added = ensure_indicators(plan)
    stdout.write(f"  Chỉ tiêu: {plan.indicators.count()}, số liệu nhập tay mới: {added}")
    home, _ = ensure_home_page()
    tracker, created = ensure_page(home, IndicatorTrackerPage, show_in_menus=True, plan=plan, **DATA["tracker_page"])
    stdout.write(f"  Trang theo dõi chỉ tiêu: {'tạo mới' if created else 'đã có'}")
    report = refresh()
    stdout.write(f"  {report}")
    rate = plan.indicators.get(code="ct-02").latest
    stdout.write(f"  Tỷ lệ văn bản chỉ đạo đăng trên cổng: {rate.value_display if rate else 'chưa có số liệu'}")
