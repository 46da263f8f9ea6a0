"""Read-only JSON through Wagtail API v2, mounted at /api/v2/.

``/api/v2/directives/?type=KH&year=2011``: ``type`` is the document type (code or
slug, any case), ``year`` the year of issue. Bad values answer 400, never 500.
``/api/v2/pages/`` lists every live public page; ``/api/v2/procedures/`` (services.api)
the administrative procedures. Every endpoint answers in Vietnamese, errors included.
"""

import re

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .models import DirectivePage, DirectiveStatus, DocumentType, OperationalNewsPage

# Wagtail's own 400 messages (wagtail/api/v2) and what a Vietnamese reader is told instead.
WAGTAIL_MESSAGES = [
    (
        r"query parameter is not an operation or a recognised field: (?P<names>.+)",
        _("Tham số không được hỗ trợ: %(names)s."),
    ),
    (r"unknown fields: (?P<names>.+)", _("Không có trường: %(names)s.")),
    (r"'(?P<name>.+)' does not support nested fields", _("Trường %(name)s không có trường con.")),
    (r"fields error: .*", _("Tham số fields không đúng cú pháp.")),
    (r"type doesn't exist", _("Loại trang không tồn tại.")),
    (r"(?P<name>offset|limit) must be a positive integer", _("%(name)s phải là số nguyên không âm.")),
    (r"limit cannot be higher than (?P<max>\d+)", _("limit không được lớn hơn %(max)s.")),
    (
        r"field filter error\. '(?P<value>.*)' is not a valid value for (?P<name>\w+).*",
        _("Giá trị “%(value)s” không hợp lệ cho %(name)s."),
    ),
    (r"field filter error\. null characters are not allowed for (?P<name>\w+)", _("%(name)s có ký tự rỗng.")),
    (r"cannot order by '(?P<name>.*)'.*", _("Không sắp xếp được theo “%(name)s”.")),
    (r"random ordering .*", _("Không dùng được thứ tự ngẫu nhiên với tham số này.")),
    (r"search is disabled", _("Chức năng tìm kiếm của API đang tắt.")),
    (r"filtering by tag with a search query is not supported", _("Không lọc theo thẻ khi đang tìm kiếm.")),
    (r"cannot filter by '(?P<name>.*)' while searching.*", _("Không lọc theo “%(name)s” khi đang tìm kiếm.")),
    (
        r"(?P<name>child_of|ancestor_of|descendant_of|translation_of) must be a positive integer",
        _("%(name)s phải là số nguyên dương."),
    ),
    (r".*page doesn't exist", _("Trang không tồn tại.")),
    (r"filtering by descendant_of with child_of is not supported", _("Không dùng descendant_of cùng child_of.")),
]


def vietnamese_message(message):
    """The Vietnamese form of one of Wagtail's English API errors (our own are Vietnamese already)."""
    for pattern, translation in WAGTAIL_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return translation % match.groupdict()
    return message


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live pages that anyone may read, never private ones, with errors in Vietnamese.

    Wagtail's base queryset leaves out restricted pages only when the request fails the
    restriction, so a signed-in editor would see private pages; the API is public, so it
    never shows any page that has a view restriction.
    """

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": str(_("Không tìm thấy trang."))}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response({"message": vietnamese_message(str(exc))}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, MethodNotAllowed):
            response = super().handle_exception(exc)
            response.data = {
                "message": str(_("API chỉ cho phép đọc dữ liệu (phương thức %(method)s không được hỗ trợ)."))
                % {"method": self.request.method}
            }
            return response
        return super().handle_exception(exc)


class DirectiveMetadataFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        doc_type = request.GET.get("type", "").strip()
        if "\x00" in doc_type:
            raise BadRequestError(_("Loại văn bản có ký tự rỗng."))
        if doc_type:
            match = DocumentType.objects.filter(slug=doc_type.lower()).first() or DocumentType.objects.find(doc_type)
            if match is None:
                raise BadRequestError(_("Không có loại văn bản “%(type)s”.") % {"type": doc_type})
            queryset = queryset.filter(doc_type=match)
        year = request.GET.get("year", "").strip()
        if year:
            if not year.isdigit() or not 1900 <= int(year) <= 2999:
                raise BadRequestError(_("Năm phải là số có bốn chữ số, ví dụ 2011."))
            queryset = queryset.filter(issued_on__year=int(year))
        status = request.GET.get("legal_status", "").strip()
        if status:
            if status not in DirectiveStatus.values:
                raise BadRequestError("legal_status must be one of: " + ", ".join(DirectiveStatus.values))
            queryset = queryset.with_current_status(status)
        return queryset


class DirectivesAPIViewSet(PublicPagesAPIViewSet):
    model = DirectivePage
    name = "directives"
    filter_backends = [DirectiveMetadataFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["year", "legal_status"])
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "number",
        "doc_type_name",
        "issuing_body_name",
        "issued_on",
        "legal_status",
        "summary",
    ]

    def get_queryset(self):
        # ``type`` means the document type here, not the page model.
        public_ids = self.get_base_queryset().values_list("pk", flat=True)
        return DirectivePage.objects.filter(pk__in=public_ids).select_related("doc_type", "issuing_body").with_status()

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only)
        if db_fields_only:
            # ``legal_status`` is the status readers see, not the stored column: Wagtail's own
            # field filter and ordering would compare the column, so DirectiveMetadataFilter filters it.
            fields = [name for name in fields if name != "legal_status"]
        return fields


class OperationalNewsAPIViewSet(PublicPagesAPIViewSet):
    model = OperationalNewsPage
    name = "operational_news"
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["date", "lead"]

    def get_queryset(self):
        public_ids = self.get_base_queryset().values_list("pk", flat=True)
        return OperationalNewsPage.objects.filter(pk__in=public_ids)


api_router = WagtailAPIRouter("directives_api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("directives", DirectivesAPIViewSet)
api_router.register_endpoint("operational-news", OperationalNewsAPIViewSet)
