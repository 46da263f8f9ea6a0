"""Demo: Kế hoạch 07/KH-UBND (2011-2015) with its indicators and the 2011-2014 figures of the
2014 monitoring, then an automatic refresh so the directive rate comes from the demo register.

Runs after the directives and services demos. Everything is looked up by a stable key
(plan number, indicator code, period) first, so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from django.apps import apps

from home.demo import ensure_home_page, ensure_page

from .automatic import refresh
from .models import AutomaticSource, Indicator, IndicatorTrackerPage, Measurement, Objective, Plan, Source, Unit

PLAN = {
    "number": "07/KH-UBND",
    "name": "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh Hậu Giang "
    "giai đoạn 2011-2015",
    "start_year": 2011,
    "end_year": 2015,
    "summary": "Số liệu 2011-2014 theo báo cáo giám sát thực hiện kế hoạch năm 2014 (dữ liệu minh họa).",
}

OBJECTIVES = [
    ("1", "Hạ tầng kỹ thuật"),
    ("2", "Ứng dụng công nghệ thông tin trong nội bộ cơ quan nhà nước"),
    ("3", "Ứng dụng công nghệ thông tin phục vụ người dân và doanh nghiệp"),
    ("4", "Nguồn lực"),
]

MONITORING = "Báo cáo giám sát thực hiện Kế hoạch 07/KH-UBND năm 2014"
DIRECTIVE_METHOD = (
    "<p>Mẫu số: văn bản chỉ đạo, điều hành ghi trong sổ theo dõi có ngày ban hành từ đầu kỳ kế hoạch đến "
    "hết năm tính. Tử số: số văn bản trong đó đang được đăng trên cổng. Văn bản ban hành trong kỳ được "
    "tính cho kỳ đó kể cả khi đăng muộn. Cổng tự tính lại khi một văn bản được xuất bản, ngừng xuất bản "
    "hoặc xóa, khi nhập sổ theo dõi và hằng ngày.</p>"
)
SERVICES_METHOD = (
    "<p>Cổng đếm các thủ tục đang xuất bản trong danh mục theo mức độ dịch vụ công trực tuyến (mức 1-4 "
    "theo cách phân loại của giai đoạn 2011-2015). Số đếm chỉ phản ánh thời điểm hiện tại nên chỉ được "
    "lưu cho năm đang thực hiện kế hoạch; số liệu các năm trước lấy từ báo cáo giám sát.</p>"
)

# code, objective, name, unit, baseline (2010), target (2015), figures by year, automatic source, method, agency
INDICATORS = [
    (
        "ct-01",
        "2",
        "Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử",
        Unit.PERCENT,
        "20",
        "60",
        {2011: "30", 2012: "42", 2013: "52", 2014: "60"},
        "",
        "<p>Số văn bản gửi qua hệ thống quản lý văn bản và điều hành trên tổng số văn bản đi của các cơ quan "
        "cấp tỉnh.</p>",
        "Sở Thông tin và Truyền thông",
    ),
    (
        "ct-02",
        "3",
        "Tỷ lệ văn bản chỉ đạo, điều hành được đăng trên cổng thông tin điện tử",
        Unit.PERCENT,
        "50",
        "80",
        {},
        AutomaticSource.DIRECTIVE_PUBLICATION_RATE,
        DIRECTIVE_METHOD,
        "Văn phòng Ủy ban nhân dân tỉnh",
    ),
    (
        "ct-03",
        "2",
        "Tỷ lệ cán bộ, công chức sử dụng thư điện tử công vụ trong công việc",
        Unit.PERCENT,
        "45",
        "80",
        {2011: "55", 2012: "68", 2013: "76", 2014: "82"},
        "",
        "<p>Số cán bộ, công chức có hộp thư công vụ và dùng thường xuyên trên tổng số cán bộ, công chức.</p>",
        "Sở Thông tin và Truyền thông",
    ),
    (
        "ct-04",
        "1",
        "Tỷ lệ cơ quan cấp tỉnh, huyện, xã có mạng nội bộ (LAN)",
        Unit.PERCENT,
        "70",
        "100",
        {2011: "82", 2012: "90", 2013: "96", 2014: "100"},
        "",
        "<p>Số cơ quan cấp tỉnh, huyện, xã có mạng LAN kết nối Internet trên tổng số cơ quan.</p>",
        "Sở Thông tin và Truyền thông",
    ),
    (
        "ct-05",
        "1",
        "Số máy tính trên mỗi cán bộ, công chức cấp tỉnh",
        Unit.RATIO,
        "0.70",
        "1.00",
        {2011: "0.78", 2012: "0.85", 2013: "0.90", 2014: "0.95"},
        "",
        "<p>Số máy tính đang sử dụng tại các cơ quan cấp tỉnh chia cho số cán bộ, công chức cấp tỉnh.</p>",
        "Sở Thông tin và Truyền thông",
    ),
    (
        "ct-06",
        "3",
        "Số dịch vụ công trực tuyến mức độ 3 trở lên",
        Unit.COUNT,
        "0",
        "30",
        {2012: "1", 2013: "2", 2014: "4"},
        AutomaticSource.ONLINE_SERVICES_LEVEL_3,
        SERVICES_METHOD,
        "Sở Thông tin và Truyền thông",
    ),
    (
        "ct-07",
        "3",
        "Số dịch vụ công trực tuyến mức độ 2",
        Unit.COUNT,
        "1200",
        "2500",
        {2011: "1500", 2012: "2100", 2013: "2500", 2014: "2768"},
        AutomaticSource.ONLINE_SERVICES_LEVEL_2,
        SERVICES_METHOD,
        "Sở Thông tin và Truyền thông",
    ),
    (
        "ct-08",
        "4",
        "Tỷ lệ chi cho ứng dụng công nghệ thông tin trong tổng vốn đầu tư phát triển",
        Unit.PERCENT,
        "0.3",
        "1",
        {2011: "0.4", 2012: "0.5", 2013: "0.5", 2014: "0.6"},
        "",
        "<p>Kinh phí ứng dụng công nghệ thông tin trên tổng vốn đầu tư phát triển của tỉnh trong năm. "
        "Kế hoạch đặt mức 1-2%; chỉ tiêu ghi mức tối thiểu 1%.</p>",
        "Sở Kế hoạch và Đầu tư",
    ),
]


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
    for order, (code, name) in enumerate(OBJECTIVES):
        objectives[code], _ = Objective.objects.get_or_create(
            plan=plan, code=code, defaults={"name": name, "sort_order": order}
        )
    created_measurements = 0
    for order, spec in enumerate(INDICATORS):
        code, objective, name, unit, baseline, target, figures, source, method, agency = spec
        indicator, _ = Indicator.objects.get_or_create(
            plan=plan,
            code=code,
            defaults={
                "objective": objectives[objective],
                "name": name,
                "unit": unit,
                "baseline": Decimal(baseline),
                "baseline_year": 2010,
                "target": Decimal(target),
                "target_year": 2015,
                "methodology": method,
                "data_source": "Cổng thông tin điện tử tỉnh (tự động)" if source else MONITORING,
                "responsible_agency": agency,
                "automatic_source": source,
                "sort_order": order,
            },
        )
        for year, value in figures.items():
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            if indicator.measurements.filter(source=Source.MANUAL, period_start=start, period_end=end).exists():
                continue
            measurement = Measurement(
                indicator=indicator,
                value=Decimal(value),
                period_start=start,
                period_end=end,
                note=f"Theo {MONITORING}.",
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
    tracker, created = ensure_page(
        home,
        IndicatorTrackerPage,
        "chi-tieu-ke-hoach",
        title="Chỉ tiêu kế hoạch ứng dụng CNTT",
        show_in_menus=True,
        plan=plan,
        intro="<p>Theo dõi công khai các chỉ tiêu của Kế hoạch 07/KH-UBND. Một số chỉ tiêu được cổng tự tính "
        "từ dữ liệu đã đăng; số liệu các năm trước lấy từ báo cáo giám sát.</p>",
    )
    stdout.write(f"  Trang theo dõi chỉ tiêu: {'tạo mới' if created else 'đã có'}")
    report = refresh()
    stdout.write(f"  {report}")
    rate = plan.indicators.get(code="ct-02").latest
    stdout.write(f"  Tỷ lệ văn bản chỉ đạo đăng trên cổng: {rate.value_display if rate else 'chưa có số liệu'}")
