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


def link_entries(entries):
    """Attach each unlinked entry to its live page, if there is one; returns how many were linked.

    One query finds the pages of a whole import batch. When several live pages match,
    the oldest one wins.
    """
    unlinked = [entry for entry in entries if entry.directive_id is None]
    if not unlinked:
        return 0
    pages = {}
    candidates = (
        DirectivePage.objects.live()
        .filter(number_key__in={entry.number_key for entry in unlinked}, issued_on__isnull=False)
        .order_by("pk")
        .values_list("pk", "issuing_body_id", "number_key", "issued_on")
    )
    # Issuer and year are compared here, so the query can only use the number index: filtering
    # them in SQL makes SQLite walk every page of an issuer and compute each page's year.
    for page_id, issuer_id, key, issued_on in candidates:
        pages.setdefault((issuer_id, key, issued_on.year), page_id)
    linked = 0
    for entry in unlinked:
        page_id = pages.get((entry.issuer_id, entry.number_key, entry.year))
        if page_id is None:
            continue
        RegisterEntry.objects.filter(pk=entry.pk).update(directive_id=page_id)
        entry.directive_id = page_id
        linked += 1
    return linked
