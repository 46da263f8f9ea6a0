"""Existing installs keep serving what they served, and keep withholding what they withheld.

Documents uploaded without a page have always been public: the root collection, where uploads
land by default, is marked public. Documents that a pending draft attaches were withheld: the
latest revision of every page with unpublished changes is read once, as the revision signal
(portal.documents.record_attached_documents) reads every new one.
"""

from django.db import migrations


def mark_root_collection_public(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    DocumentPrivacy = apps.get_model("portal", "DocumentPrivacy")
    privacy = DocumentPrivacy.objects.first() or DocumentPrivacy.objects.create()
    privacy.public_collections.add(*Collection.objects.filter(depth=1))


def record_documents_of_pending_drafts(apps, schema_editor):
    # The live page classes rebuild each draft from its JSON alone (no query on the page tables),
    # and Wagtail's reference extraction finds its documents wherever the draft holds them.
    from wagtail.models import Page, Revision

    from portal.documents import documents_referenced_by

    AttachedDocument = apps.get_model("portal", "AttachedDocument")
    drafts = Revision.objects.filter(
        pk__in=Page.objects.filter(has_unpublished_changes=True, latest_revision__isnull=False).values(
            "latest_revision"
        )
    ).select_related("content_type")
    for revision in drafts.iterator():
        model = revision.content_type.model_class()
        if model is None:
            continue
        ids = documents_referenced_by(model.from_serializable_data(revision.content, check_fks=False))
        AttachedDocument.objects.bulk_create([AttachedDocument(document_id=pk) for pk in ids], ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_document_privacy"),
        ("wagtailcore", "0098_apitoken"),
        ("home", "0004_retire_wagtail_default_groups"),
        ("directives", "0003_index_newest_first"),
        ("services", "0003_index_online_levels"),
        ("indicators", "0002_staff_permissions_and_workflow"),
    ]

    operations = [
        migrations.RunPython(mark_root_collection_public, migrations.RunPython.noop),
        migrations.RunPython(record_documents_of_pending_drafts, migrations.RunPython.noop),
    ]
