"""Linking register entries to the directive pages that publish them.

An entry belongs to a page when both name the same issuing body, the same
number (compared by ``numbering.number_key``) and the same year of issue.
Links chosen by hand in the admin are never overwritten.
"""

from .models import DirectivePage, RegisterEntry


def link_page(page):
    """Attach the matching unlinked entries to ``page`` (live) and drop stale automatic links."""
    if not (page.issuing_body_id and page.number_key and page.issued_on):
        return 0
    RegisterEntry.objects.filter(directive=page, linked_by_hand=False).exclude(
        issuer_id=page.issuing_body_id, number_key=page.number_key, year=page.issued_on.year
    ).update(directive=None)
    return (
        RegisterEntry.objects.matching(page.issuing_body_id, page.number_key, page.issued_on.year)
        .filter(directive__isnull=True)
        .update(directive=page)
    )


def unlink_page(page):
    """Detach automatic links when ``page`` leaves the portal; links made by hand stay."""
    return RegisterEntry.objects.filter(directive_id=page.pk, linked_by_hand=False).update(directive=None)


def link_entry(entry):
    """Attach one unlinked entry to its live page, if there is one. Returns True when linked."""
    if entry.directive_id is not None:
        return False
    page = (
        DirectivePage.objects.live()
        .filter(issuing_body_id=entry.issuer_id, number_key=entry.number_key, issued_on__year=entry.year)
        .first()
    )
    if page is None:
        return False
    RegisterEntry.objects.filter(pk=entry.pk).update(directive=page)
    entry.directive = page
    return True
