"""SQLite FTS5 search with Vietnamese folding (see migration ``search.0001``)."""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import BM25

from .folding import FoldedQueryMixin

# Column weights for bm25(), in the FTS table's column order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


class WeightedBM25(BM25):
    """bm25() that weighs a match in the title above one in the body.

    Upstream calls bm25() without weights, so every column counts the same and
    a long body can outrank the page whose title is the query.
    """

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return sql[:-1] + f", {weights})", params


class AllIndexedFieldsMixin:
    """The FTS table has only autocomplete/body/title columns, so a search limited to named fields
    (the admin's snippet listings pass their search_fields) fails with "no such column"
    (django-modelsearch#47): search every indexed field instead."""

    def __init__(self, queryset, query, fields=None, **kwargs):
        super().__init__(queryset, query, fields=None, **kwargs)


class VietnameseSQLiteSearchQueryCompiler(AllIndexedFieldsMixin, FoldedQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class VietnameseSQLiteAutocompleteQueryCompiler(
    AllIndexedFieldsMixin, FoldedQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class VietnameseSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = VietnameseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseSQLiteAutocompleteQueryCompiler


SearchBackend = VietnameseSQLiteSearchBackend
