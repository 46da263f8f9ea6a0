"""Accent folding of Wagtail search query trees, shared by the database backends."""

from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from portal import vietnamese


def _fold(text):
    # Double quotes delimit strings in FTS5 and Wagtail does not escape them.
    return vietnamese.fold(text).replace('"', " ")


def fold_query(query, transform=_fold):
    """Return ``query`` with ``transform`` (by default: fold to lowercase ASCII) applied to every text leaf."""
    if isinstance(query, PlainText):
        return PlainText(transform(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(transform(query.query_string))
    if isinstance(query, Not):
        return Not(fold_query(query.subquery, transform))
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery, transform), query.boost)
    if isinstance(query, And | Or):
        return type(query)([fold_query(subquery, transform) for subquery in query.subqueries])
    return query


class FoldedQueryMixin:
    """For query compilers: fold the query tree before it is turned into SQL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query)
