"""Who may download a document: the public gets only what a live, public page shows.

A document is public when a live page outside every private section references it, from any
field, StreamField block or rich-text link (Wagtail's reference index, which holds a live page's
live version), or when no page has ever referenced it and its collection is marked public
(Cài đặt → Tài liệu công khai). Anything else (a document attached only to a draft, to the
unpublished changes of a live page, or to private pages) answers 404, except to staff who
passed the second factor, so that they can preview.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from django.shortcuts import render
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Revision

from .models import AttachedDocument, DocumentPrivacy
from .two_factor import is_verified_staff


def public_q():
    """Documents anyone may download, as a filter on the document model (one indexed query)."""
    from home.structure import private_q

    page_references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=Cast(OuterRef("pk"), CharField()),
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    public_pages = Page.objects.live().exclude(private_q())
    on_public_page = page_references.filter(Exists(public_pages.filter(pk=Cast(OuterRef("object_id"), IntegerField()))))
    attached_to_a_revision = AttachedDocument.objects.filter(document=OuterRef("pk"))
    in_public_collection = DocumentPrivacy.public_collections.through.objects.filter(
        collection=OuterRef("collection_id")
    )
    never_attached = ~Exists(page_references) & ~Exists(attached_to_a_revision)
    return Exists(on_public_page) | (never_attached & Exists(in_public_collection))


def is_withheld(document):
    """True when the public may not download the document."""
    return not type(document).objects.filter(public_q(), pk=document.pk).exists()


def withhold_unpublished_document(document, request):
    """``before_serve_document`` hook: verified staff may preview, the public gets a 404."""
    if not is_withheld(document) or is_verified_staff(request):
        return None
    return render(request, "404.html", status=404)


def documents_referenced_by(obj):
    """Primary keys of the existing documents ``obj`` references, found as Wagtail's reference index finds them."""
    document_type = ContentType.objects.get_for_model(get_document_model())
    ids = {
        object_id
        for type_id, object_id, _model_path, _content_path in ReferenceIndex._extract_references_from_object(obj)
        if type_id == document_type.pk
    }
    return set(get_document_model().objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def record_attached_documents(sender, instance, raw=False, **kwargs):
    """A page revision that references a document takes it out of its collection's rule for good.

    The reference index does not look into revisions, where a live page's unpublished changes wait.
    """
    if raw or instance.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    ids = documents_referenced_by(instance.as_object())
    AttachedDocument.objects.bulk_create([AttachedDocument(document_id=pk) for pk in ids], ignore_conflicts=True)


def connect_signals():
    post_save.connect(record_attached_documents, sender=Revision, dispatch_uid="portal_record_attached_documents")
