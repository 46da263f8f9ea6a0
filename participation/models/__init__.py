"""Models of citizen participation, one module per kind of submission; import them from here."""

from ..lifecycle import ConsultationState, DocumentKind
from .consultations import ConsultationComment, ConsultationIndexPage, ConsultationPage, ConsultationQuerySet
from .feedback import PageFeedback
from .questions import Question, QuestionIndexPage, QuestionPage, QuestionSettings

__all__ = [
    "ConsultationComment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationQuerySet",
    "ConsultationState",
    "DocumentKind",
    "PageFeedback",
    "Question",
    "QuestionIndexPage",
    "QuestionPage",
    "QuestionSettings",
]
