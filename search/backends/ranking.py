"""Shared by the database backends that rank in one statement (sqlite.py, postgres.py)."""


def objects_in_rank_order(queryset, ranked, score_field=None):
    """The objects of ``queryset`` for ``ranked`` ((pk, score) pairs), in that order, each once.

    Entries whose object is outside the queryset (a draft, a private page) are skipped;
    an object indexed twice is listed once.
    """
    objects = {str(obj.pk): obj for obj in queryset.filter(pk__in=[pk for pk, _score in ranked]).order_by()}
    results = []
    for pk, score in ranked:
        obj = objects.pop(str(pk), None)
        if obj is None:
            continue
        if score_field:
            setattr(obj, score_field, score)
        results.append(obj)
    return results
