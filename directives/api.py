"""Read-only JSON of the directives through Wagtail API v2, mounted at /api/v2/.

``/api/v2/directives/?type=KH&year=2011``: ``type`` is the document type (code or
slug, any case), ``year`` the year of issue. Bad values answer 400, never 500.
"""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .models import DirectivePage, DirectiveStatus, DocumentType, OperationalNewsPage


class DirectiveMetadataFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        doc_type = request.GET.get("type", "").strip()
        if "\x00" in doc_type:
            raise BadRequestError("null characters are not allowed in type")
        if doc_type:
            match = DocumentType.objects.filter(slug=doc_type.lower()).first() or DocumentType.objects.find(doc_type)
            if match is None:
                raise BadRequestError(f"unknown document type: {doc_type}")
            queryset = queryset.filter(doc_type=match)
        year = request.GET.get("year", "").strip()
        if year:
            if not year.isdigit() or not 1900 <= int(year) <= 2999:
                raise BadRequestError("year must be a four-digit year")
            queryset = queryset.filter(issued_on__year=int(year))
        status = request.GET.get("legal_status", "").strip()
        if status:
            if status not in DirectiveStatus.values:
                raise BadRequestError("legal_status must be one of: " + ", ".join(DirectiveStatus.values))
            queryset = queryset.with_current_status(status)
        return queryset


class DirectivesAPIViewSet(PagesAPIViewSet):
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


class OperationalNewsAPIViewSet(PagesAPIViewSet):
    model = OperationalNewsPage
    name = "operational_news"
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["date", "lead"]

    def get_queryset(self):
        public_ids = self.get_base_queryset().values_list("pk", flat=True)
        return OperationalNewsPage.objects.filter(pk__in=public_ids)


api_router = WagtailAPIRouter("directives_api")
api_router.register_endpoint("directives", DirectivesAPIViewSet)
api_router.register_endpoint("operational-news", OperationalNewsAPIViewSet)
