"""Keep the search index current where Wagtail's own signal handlers fall short."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.search import index
from wagtail.signals import page_published

from .indexing import attachment_fields


def reindex_published_page(sender, instance, **kwargs):
    """Index the page again once publishing has saved its inline children.

    Wagtail indexes on post_save, which fires before modelcluster saves child
    relations such as a directive's attachments, so a PDF attached in the same
    edit would otherwise reach the index only at the next save.
    """
    if attachment_fields(type(instance)):
        index.insert_or_update_object(instance)


def reindex_pages_attaching(sender, instance, created, **kwargs):
    """A replaced PDF changes the text of every page that attaches it."""
    if created or kwargs.get("raw"):
        return
    for model in index.get_indexed_models():
        for field in attachment_fields(model):
            for page in model.objects.filter(**{f"{field.relation}__document": instance}).distinct():
                index.insert_or_update_object(page)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="search_reindex_published_page")
    post_save.connect(
        reindex_pages_attaching, sender=get_document_model(), dispatch_uid="search_reindex_pages_attaching"
    )
