"""Pieces page models plug into their ``search_fields``.

``AttachmentTextField`` gives the search index the text of a page's PDF attachments,
so a phrase that appears only inside a directive's signed PDF finds the directive::

    class DirectivePage(PortalPage):
        search_fields = Page.search_fields + [..., AttachmentTextField("attachments")]

Text is read with pypdf once per file version (keyed by Wagtail's ``file_hash``)
and kept in the cache; scanned PDFs without a text layer simply add nothing.
"""

import logging

from django.core.cache import cache
from wagtail.search import index

logger = logging.getLogger(__name__)

MAX_PAGES = 200
MAX_CHARS = 200_000
CACHE_SECONDS = 7 * 24 * 3600


def pdf_text(document):
    """The text layer of a Wagtail document if it is a PDF, else ""; never raises."""
    if not document or not document.file or document.file_extension.lower() != "pdf":
        return ""
    try:
        file_hash = document.get_file_hash()
    except (OSError, ValueError):
        # The file is missing from storage: index the page without it rather than fail the save.
        logger.warning("Document %s has no readable file; its text is not indexed", document.pk)
        return ""
    key = f"search:pdf-text:{document.pk}:{file_hash}"
    text = cache.get(key)
    if text is None:
        text = _extract(document)
        cache.set(key, text, CACHE_SECONDS)
    return text


def _extract(document):
    from pypdf import PdfReader

    try:
        with document.open_file() as handle:
            reader = PdfReader(handle)
            parts, length = [], 0
            for page in reader.pages[:MAX_PAGES]:
                text = page.extract_text() or ""
                parts.append(text)
                length += len(text)
                if length >= MAX_CHARS:
                    break
    except Exception:
        # A broken upload must not stop the page from being indexed or published.
        logger.warning("Could not read the text of document %s for search", document.pk, exc_info=True)
        return ""
    return " ".join(" ".join(parts).split())[:MAX_CHARS]


class AttachmentTextField(index.SearchField):
    """A search field holding the text of the PDFs in a page's attachments inline (``document`` links).

    It is named after the relation, so Wagtail's system check finds it on the model,
    and indexed under the column ``attachment_text``.
    """

    column = "attachment_text"

    def __init__(self, relation="attachments", **kwargs):
        kwargs.setdefault("type", "TextField")
        super().__init__(relation, **kwargs)

    @property
    def relation(self):
        return self.field_name

    def get_value(self, obj):
        attachments = getattr(obj, self.relation).all()
        return " ".join(filter(None, (pdf_text(attachment.document) for attachment in attachments)))

    def get_attname(self, cls):
        return self.column

    def get_definition_model(self, cls):
        # The relation is declared on the child model; the engines' mappings need the page model.
        return cls


def attachment_fields(model):
    return [field for field in model.get_search_fields() if isinstance(field, AttachmentTextField)]
