"""Public non-page views: CSV export of the directive list."""

import csv

from django.http import HttpResponse

from .listing import DirectiveFilterForm, filter_directives, issue_years
from .models import DirectivePage

CSV_HEADER = [
    "Số ký hiệu",
    "Loại văn bản",
    "Cơ quan ban hành",
    "Người ký",
    "Chức vụ",
    "Ngày ban hành",
    "Ngày có hiệu lực",
    "Ngày hết hiệu lực",
    "Tình trạng hiệu lực",
    "Trích yếu",
    "Lĩnh vực",
    "Địa chỉ trên cổng",
    "Ngày thu hồi",
    "Lý do thu hồi",
]


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def directives_csv(request):
    """The public list (with the listing's filters, if any) as UTF-8 CSV that Excel opens as is."""
    queryset = DirectivePage.objects.live().public()
    form = DirectiveFilterForm(request.GET, years=issue_years(queryset, "all"))
    directives = filter_directives(
        queryset.select_related("doc_type", "issuing_body").prefetch_related("fields"), form.valid_values()
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="van-ban-chi-dao-dieu-hanh.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for directive in directives:
        writer.writerow(
            [
                directive.number,
                directive.doc_type_name,
                directive.issuing_body_name,
                directive.signer,
                directive.signer_position,
                _date(directive.issued_on),
                _date(directive.effective_on),
                _date(directive.expires_on),
                directive.current_status_label,
                directive.summary,
                "; ".join(directive.field_names),
                directive.get_full_url(request),
                _date(directive.withdrawn_on),
                directive.withdrawal_reason if directive.is_withdrawn else "",
            ]
        )
    return response
