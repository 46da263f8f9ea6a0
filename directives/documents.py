"""Attachments of a directive cannot be downloaded before the directive is published."""

from django.shortcuts import render

from .models import DirectiveAttachment, DirectivePage


def _in_unpublished_revision(document):
    """Whether a pending draft of a directive attaches the document (drafts of live pages stay in revisions)."""
    drafts = DirectivePage.objects.filter(has_unpublished_changes=True).select_related("latest_revision")
    for page in drafts:
        revision = page.latest_revision
        attachments = (revision.content or {}).get("attachments", []) if revision else []
        if any(item.get("document") == document.pk for item in attachments):
            return True
    return False


def is_withheld(document):
    """True when the document belongs to a directive that is not published yet."""
    if DirectivePage.objects.live().filter(attachments__document=document).exists():
        return False
    return DirectiveAttachment.objects.filter(document=document).exists() or _in_unpublished_revision(document)


def withhold_draft_attachment(document, request):
    """``before_serve_document`` hook: staff may preview, the public gets a 404."""
    if not is_withheld(document):
        return None
    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return None
    return render(request, "404.html", status=404)
