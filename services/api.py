"""Read-only JSON of the administrative procedures: ``/api/v2/procedures/`` (Wagtail API v2).

Live public procedures only, as on the procedure finder; errors answer in Vietnamese.
"""

from rest_framework import serializers
from wagtail.api import APIField

from directives.api import PublicPagesAPIViewSet

from .models import ProcedurePage


class DossierField(serializers.Field):
    """The dossier (thành phần hồ sơ) as name and number of copies."""

    def to_representation(self, documents):
        return [{"name": document.name, "copies": document.copies} for document in documents.all()]


# Declared on the endpoint: the procedure model is kept free of API concerns for now.
PROCEDURE_API_FIELDS = [
    APIField("code"),
    APIField("field_name", serializer=serializers.CharField(source="field.name")),
    APIField("agency_name", serializer=serializers.CharField(source="agency.name")),
    APIField("admin_level"),
    APIField("online_level"),
    APIField("legacy_level"),
    APIField("applicants"),
    APIField("processing_time"),
    APIField("fee"),
    APIField("online_url"),
    APIField("steps", serializer=serializers.ListField(source="step_texts")),
    APIField("dossier", serializer=DossierField(source="documents")),
    APIField("conditions"),
    APIField("result"),
    APIField("legal_basis"),
]


class ProceduresAPIViewSet(PublicPagesAPIViewSet):
    model = ProcedurePage
    name = "procedures"
    listing_default_fields = PublicPagesAPIViewSet.listing_default_fields + [
        "code",
        "field_name",
        "agency_name",
        "admin_level",
        "online_level",
    ]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + PROCEDURE_API_FIELDS)

    def get_queryset(self):
        public_ids = self.get_base_queryset().values_list("pk", flat=True)
        return ProcedurePage.objects.filter(pk__in=public_ids).select_related("field", "agency")
