"""Keep the register in step with the page lifecycle and the search index (connected in DirectivesConfig.ready)."""

from contextlib import contextmanager

from asgiref.local import Local
from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published, page_unpublished

from .linking import link_page, unlink_page
from .models import DirectivePage, RegisterEntry


def on_directive_published(sender, instance, **kwargs):
    link_page(instance)


def on_directive_unpublished(sender, instance, **kwargs):
    unlink_page(instance)


def on_directive_deleted(sender, instance, **kwargs):
    # The foreign key (SET_NULL) has already dropped the link; a hand-made flag
    # without a page means nothing, so clear it too.
    RegisterEntry.objects.filter(directive_id=instance.pk).update(directive=None)
    RegisterEntry.objects.filter(directive__isnull=True, linked_by_hand=True).update(linked_by_hand=False)


_bulk_indexing = Local()


@contextmanager
def register_indexed_in_bulk():
    """Register entries saved inside this block skip their search and reference indexing, per thread.

    The caller indexes them afterwards in bulk (``register_import.index_entries``).
    """
    _bulk_indexing.value = True
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        del _bulk_indexing.value


def index_register_entry(sender, instance, raw=False, **kwargs):
    # What modelsearch's own post_save handler does (RegisterEntry.search_auto_update is False).
    if raw or getattr(_bulk_indexing, "value", False):
        return
    insert_or_update_object_task.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def unindex_register_entry(sender, instance, **kwargs):
    index.remove_object(instance)


def connect():
    page_published.connect(on_directive_published, sender=DirectivePage, dispatch_uid="directives_link_on_publish")
    page_unpublished.connect(
        on_directive_unpublished, sender=DirectivePage, dispatch_uid="directives_unlink_on_unpublish"
    )
    post_delete.connect(on_directive_deleted, sender=DirectivePage, dispatch_uid="directives_unlink_on_delete")
    post_save.connect(index_register_entry, sender=RegisterEntry, dispatch_uid="directives_index_register_entry")
    post_delete.connect(unindex_register_entry, sender=RegisterEntry, dispatch_uid="directives_unindex_register_entry")
