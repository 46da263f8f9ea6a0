"""Models of citizen participation, one module per kind of submission; import them from here."""

from ..lifecycle import ConsultationState, DocumentKind
from .consultations import ConsultationComment, ConsultationIndexPage, ConsultationPage, ConsultationQuerySet

__all__ = [
    "ConsultationComment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationQuerySet",
    "ConsultationState",
    "DocumentKind",
]
