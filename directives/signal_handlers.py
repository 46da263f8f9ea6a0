"""Keep the register in step with the page lifecycle (connected in DirectivesConfig.ready)."""

from django.db.models.signals import post_delete
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


def connect():
    page_published.connect(on_directive_published, sender=DirectivePage, dispatch_uid="directives_link_on_publish")
    page_unpublished.connect(
        on_directive_unpublished, sender=DirectivePage, dispatch_uid="directives_unlink_on_unpublish"
    )
    post_delete.connect(on_directive_deleted, sender=DirectivePage, dispatch_uid="directives_unlink_on_delete")
