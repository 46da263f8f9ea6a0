"""Models of the directives app, split by subject; import them from ``directives.models``."""

from ..status import DirectiveStatus
from .pages import (
    DirectiveAttachment,
    DirectiveChangeNote,
    DirectiveIndexPage,
    DirectivePage,
    DirectivePageQuerySet,
    DirectiveRelation,
    LegalStatus,
    OperationalNewsImage,
    OperationalNewsIndexPage,
    OperationalNewsPage,
    OperationalNewsRelatedDirective,
)
from .register import RegisterEntry, RegisterEntryQuerySet
from .snippets import DocumentType, Field, IssuingBody

__all__ = [
    "DirectiveAttachment",
    "DirectiveChangeNote",
    "DirectiveIndexPage",
    "DirectivePage",
    "DirectivePageQuerySet",
    "DirectiveRelation",
    "DirectiveStatus",
    "DocumentType",
    "Field",
    "IssuingBody",
    "LegalStatus",
    "OperationalNewsImage",
    "OperationalNewsIndexPage",
    "OperationalNewsPage",
    "OperationalNewsRelatedDirective",
    "RegisterEntry",
    "RegisterEntryQuerySet",
]
