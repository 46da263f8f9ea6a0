"""Demo search promotions: what staff would pin for the most common questions."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion


def _promotions():
    from directives.models import DirectivePage
    from services.models import OnlineServicesPage

    online = OnlineServicesPage.objects.live().first()
    plan = DirectivePage.objects.live().filter(number="07/KH-UBND").first()
    return [
        ("dịch vụ công", online, "Danh mục dịch vụ công trực tuyến: nộp hồ sơ qua mạng."),
        ("nộp hồ sơ trực tuyến", online, "Danh mục dịch vụ công trực tuyến: nộp hồ sơ qua mạng."),
        ("kế hoạch ứng dụng công nghệ thông tin", plan, "Kế hoạch 07/KH-UBND của Ủy ban nhân dân tỉnh."),
    ]


def load(stdout):
    created = 0
    for query_string, page, description in _promotions():
        if page is None:
            continue
        query = Query.get(query_string)
        _promotion, was_created = SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": description, "sort_order": 0}
        )
        created += was_created
    stdout.write(f"Tìm kiếm: {created} gợi ý kết quả mới.")
