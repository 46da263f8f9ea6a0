"""Shared by the database backends that rank in one statement (sqlite.py, postgres.py)."""

import contextvars
from contextlib import contextmanager

from django.db.models import F, IntegerField
from django.db.models.functions import Cast

INTEGER_PK_TYPES = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}

# How many of the newest matches the public search box ranks (None: every match, as the admin needs).
_newest_ranked = contextvars.ContextVar("newest_ranked", default=None)


@contextmanager
def rank_newest(count):
    """Within it, SQLite's autocomplete ranks only the ``count`` newest matches of the query.

    For the public search box, which shows ten titles as the citizen types: "ke hoa" matches 32,000
    titles at 100,000 directives, and scoring them all cost 65 ms a keystroke. The admin's searches
    (explorer, choosers) also run on autocomplete and must still find an old document.
    """
    token = _newest_ranked.set(count)
    try:
        yield
    finally:
        _newest_ranked.reset(token)


def newest_ranked():
    return _newest_ranked.get()


def object_pk(model, object_id_column):
    """The index entry's ``object_id`` (text) as ``model``'s primary key, so it joins and sorts as one.

    Upstream breaks score ties by descending primary key: "10" must sort after "9".
    """
    pk = model._meta.pk
    target = getattr(pk, "target_field", pk)
    if target.get_internal_type() in INTEGER_PK_TYPES:
        return Cast(object_id_column, output_field=IntegerField())
    return F(object_id_column)


def objects_in_rank_order(queryset, ranked, score_field=None, fields=None):
    """The objects of ``queryset`` for ``ranked`` ((pk, score) pairs), in that order, each once;
    with ``fields`` (the first being ``pk``), rows of those fields instead of objects.

    Entries whose object is outside the queryset (a draft, a private page) are skipped;
    an object indexed twice is listed once.
    """
    wanted = queryset.filter(pk__in=[pk for pk, _score in ranked]).order_by()
    if fields:
        objects = {str(row[0]): row for row in wanted.values_list(*fields)}
    else:
        objects = {str(obj.pk): obj for obj in wanted}
    results = []
    for pk, score in ranked:
        obj = objects.pop(str(pk), None)
        if obj is None:
            continue
        if score_field and not fields:
            setattr(obj, score_field, score)
        results.append(obj)
    return results


class RankedRowsMixin:
    """``ranked_rows(*fields)`` of the database backends' results, as the engines' have it
    (``engine_results``): the hits as rows of ``fields``, in rank order, without building a model
    instance for each of the 300 candidates search ranks (``search.results.Candidate``)."""

    _row_fields = None

    def ranked_rows(self, *fields):
        clone = self._clone()
        clone._row_fields = fields
        return [
            hit if isinstance(hit, tuple) else tuple(getattr(hit, name) for name in fields)
            for hit in clone._do_search()
        ]
