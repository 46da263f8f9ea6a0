"""SQLite FTS5 search with Vietnamese folding (see migrations ``search.0001`` and ``search.0003``).

Upstream ranks with a correlated subquery: for every matching page it runs the
whole MATCH again to find that page's bm25() score, which took 39 s for one
query at 100,000 directives. Here the ranked path is one pass over the FTS
table: score, filter on the searched queryset, order and slice in SQL, then
load the objects of that slice. Autocomplete matches against its own small
FTS table with prefix indexes.
"""

import copy

from django.db.models import Exists, OuterRef
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from ..models import AutocompleteIndexEntry
from .folding import FoldedQueryMixin
from .ranking import RankedRowsMixin, newest_ranked, object_pk, objects_in_rank_order

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


class AutocompleteBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({AutocompleteIndexEntry._meta.db_table})", []


class AutocompleteMatchExpression(MatchExpression):
    template = f"{AutocompleteIndexEntry._meta.db_table} MATCH %s"


class AllIndexedFieldsMixin:
    """The FTS table has only autocomplete/body/title columns, so a search limited to named fields
    (the admin's snippet listings pass their search_fields) fails with "no such column"
    (django-modelsearch#47): search every indexed field instead."""

    def __init__(self, queryset, query, fields=None, **kwargs):
        super().__init__(queryset, query, fields=None, **kwargs)


class OnePassRankingMixin:
    """Ranked results from a single pass over the FTS table instead of one MATCH per result."""

    fts_model = sqlite.SQLiteFTSIndexEntry
    match_expression_class = MatchExpression

    def ranks_in_one_pass(self):
        """True where upstream would order by a correlated score subquery (and this class does not)."""
        query = normalize(self.query)
        return self.order_by_relevance and not isinstance(query, MatchAll | Not)

    def _object_pk(self):
        return object_pk(self.queryset.model, "index_entry__object_id")

    def matching_entries(self, config):
        """FTS rows that match, whose object is in the searched queryset, scored as upstream scores them."""
        search_query = self.build_search_query(normalize(self.query), config=config)
        match = self.match_expression_class(self.fields or self.FTS_TABLE_FIELDS, search_query)
        # A primary-key probe per match: cheaper than listing every live page for an IN (...).
        in_queryset = Exists(self.queryset.order_by().filter(pk=OuterRef("index_entry__object_id")))
        return (
            self.fts_model.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .filter(in_queryset)
        )

    def ranked_pks(self, config, start, stop):
        """[(object pk, score)] for results ``start`` to ``stop``, best first, ties by descending pk."""
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        entries = (
            self.matching_entries(config)
            .annotate(score=rank, object_pk=self._object_pk())
            .order_by("score", "-object_pk")
            .values_list("object_pk", "score")
        )
        return list(entries[start:stop])


class VietnameseSQLiteSearchQueryCompiler(
    OnePassRankingMixin, AllIndexedFieldsMixin, FoldedQueryMixin, sqlite.SQLiteSearchQueryCompiler
):
    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class VietnameseSQLiteAutocompleteQueryCompiler(
    OnePassRankingMixin, AllIndexedFieldsMixin, FoldedQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    fts_model = AutocompleteIndexEntry
    match_expression_class = AutocompleteMatchExpression

    def ranks_in_one_pass(self):
        # Upstream's own path would MATCH against Wagtail's table, so always take ours.
        return not isinstance(normalize(self.query), MatchAll | Not)

    def _build_rank_expression(self, vectors, config):
        return AutocompleteBM25()

    def matching_entries(self, config):
        """Matching rows; within ``ranking.rank_newest(n)`` (the public search box), the ``n`` newest.

        FTS5 walks its matches newest first cheaply, so bm25() then scores at most ``n`` of them.
        """
        entries = super().matching_entries(config)
        count = newest_ranked()
        if not count:
            return entries
        search_query = self.build_search_query(normalize(self.query), config=config)
        match = self.match_expression_class(self.fields or self.FTS_TABLE_FIELDS, search_query)
        oldest_kept = self.fts_model.objects.filter(match).order_by("-pk").values_list("pk", flat=True)[count - 1 :]
        # A number, not a subquery: SQLite hands a constant rowid bound to FTS5, a subquery it re-runs.
        oldest = next(iter(oldest_kept[:1]), None)
        return entries if oldest is None else entries.filter(pk__gte=oldest)

    def search(self, config, start, stop, score_field=None):
        """Unranked uses (counts, facets, negated queries): pages whose autocomplete text matches."""
        query = normalize(self.query)
        if isinstance(query, MatchAll):
            return self.queryset[start:stop]
        if isinstance(query, Not):
            # Upstream's form, matched against Wagtail's table, which holds the same autocomplete text.
            return super().search(config, start, stop, score_field=score_field)
        ids = self.matching_entries(config).values("index_entry__object_id")
        queryset = self.queryset.filter(pk__in=ids)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class OnePassSearchResults(RankedRowsMixin, sqlite.SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.ranks_in_one_pass():
            return super()._do_search()
        ranked = compiler.ranked_pks(compiler.get_config(self.backend), self.start, self.stop)
        return objects_in_rank_order(compiler.queryset, ranked, self._score_field, self._row_fields)

    def _do_count(self):
        compiler = self.query_compiler
        if not compiler.ranks_in_one_pass():
            return super()._do_count()
        total = compiler.matching_entries(compiler.get_config(self.backend)).count()
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)

    def facet(self, field_name):
        # Facet counts need no score: count without upstream's correlated score subquery.
        unranked = self._clone()
        unranked.query_compiler = copy.copy(self.query_compiler)
        unranked.query_compiler.order_by_relevance = False
        return super(OnePassSearchResults, unranked).facet(field_name)


class VietnameseSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = VietnameseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseSQLiteAutocompleteQueryCompiler
    results_class = OnePassSearchResults


SearchBackend = VietnameseSQLiteSearchBackend
