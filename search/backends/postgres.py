"""PostgreSQL full-text search through the ``portal_vietnamese`` configuration (unaccent + simple).

PostgreSQL's parser reads "07/KH-UBND" as one file-path token and "15/2011/QĐ-UBND"
as odd pieces, while citizens type "07/kh ubnd" or "ke hoach 07". Slashes and
dashes are therefore turned into spaces on both sides, as the FTS5 and
OpenSearch tokenizers do by themselves.

Upstream ranks from the page table: it joins every live page to its index entry
on ``page.id::varchar = object_id`` (no index can serve that, so all 125,000
pages are read and hashed), then scores and sorts the matches. Here the ranked
path starts from the index entries: match through a GIN index (``title ||
body`` gets its own, migration ``search.0004``), score, sort and slice there,
then keep the entries whose page is in the searched queryset while loading the
objects by primary key. The order is upstream's: score, then descending pk.
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import ProgrammingError
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q
from django.db.models.sql import InsertQuery
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import And, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.models import Page

from ..models import PostgresAutocompleteEntry
from .folding import FoldedQueryMixin, fold_query
from .ranking import RankedRowsMixin, object_pk, objects_in_rank_order

SEARCH_CONFIG = "portal_vietnamese"
_CODE_SEPARATORS = re.compile(r"[/\-]")


def split_codes(text):
    return _CODE_SEPARATORS.sub(" ", text)


class VietnameseObjectIndexer(postgres.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        return super().as_vector([(split_codes(text), weight) for text, weight in texts], for_autocomplete)


class VietnamesePostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        """Upstream's add_items, with our indexer (upstream names its class inline)."""
        if not model.get_search_fields():
            return
        indexers = [VietnameseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(postgres.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            columns = []
            for name, value in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                prepared = compiler.prepare_value(postgres.IndexEntry._meta.get_field(name), value)
                sql, value_params = prepared.as_sql(compiler, self.write_connection)
                columns.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {columns[0]}, {columns[1]}, {columns[2]}, 1.0, %s, %s)")
        table = postgres.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,
                                     title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 - table name from the model, values as parameters
                params,
            )
        self._refresh_title_norms()


class CodeSplittingQueryMixin(FoldedQueryMixin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query, transform=split_codes)


# Extra ranked entries read beyond the requested slice, for entries whose page the queryset leaves out.
SPARE_ENTRIES = 50
# A typed prefix this short ("dang k") matches thousands of index terms; see the autocomplete compiler.
SHORT_PREFIX = 2


class EntryRankingMixin:
    """Ranked results computed on the index entry table rather than on the page table."""

    entry_model = postgres.IndexEntry

    def entry_vectors(self):
        """[(vector, boost)] on IndexEntry's own columns, as upstream's get_index_vectors() scores them."""
        raise NotImplementedError

    def ranks_from_entries(self):
        """True where upstream would order by score over the index (named fields and fuzzy keep its path)."""
        query = self.query
        if isinstance(query, MatchAll | Fuzzy) or (isinstance(query, Not) and isinstance(query.subquery, MatchAll)):
            return False
        return self.order_by_relevance and self.fields is None

    def _object_pk(self):
        return object_pk(self.queryset.model, "object_id")

    def match(self, entries, config, query=None):
        """``entries`` whose vectors match ``query`` (by default the compiler's)."""
        vectors = self.entry_vectors()
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        tsquery = self.build_tsquery(self.query if query is None else query, config=config)
        return entries.annotate(_vector_=combined).filter(_vector_=tsquery)

    def matching_entries(self, config):
        """Entries of the queryset's model (and subclasses) that match, with ``object_pk``."""
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = self.entry_model.objects.filter(content_type_id__in=content_types)
        return self.match(entries, config).annotate(object_pk=self._object_pk())

    def in_queryset(self, entries):
        # Per matching entry, a primary-key probe into the searched queryset.
        return entries.filter(Exists(self.queryset.order_by().filter(pk=OuterRef("object_pk"))))

    def ranked_entries(self, config, entries=None):
        """(object pk, score) of matching entries, best first, ties by descending pk as upstream."""
        entries = self.matching_entries(config) if entries is None else entries
        rank = self._build_rank_expression(self.entry_vectors(), config)
        return entries.annotate(score=rank).order_by("-score", "-object_pk").values_list("object_pk", "score")


class VietnamesePostgresSearchQueryCompiler(
    EntryRankingMixin, CodeSplittingQueryMixin, postgres.PostgresSearchQueryCompiler
):
    def entry_vectors(self):
        return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, _Words):
            # The phrase's own lexemes (parsed as phraseto_tsquery parses them), in any order.
            return SearchQuery(query.query_string, search_type="plain", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def match(self, entries, config):
        """Entries holding the query's words through the index; the word order checked on those alone.

        An expanded query holds phrases: "an toàn thực phẩm" or ATTP. GIN cannot check word order,
        so every entry with the words was read again to rebuild ``title || body`` and test the
        phrase: 82 of the 87 ms of "cải cách thủ tục hành chính" at 100,000 directives. Here the
        index answers the words alone, exactly, and each phrase is tested on the title or the body
        (a phrase never spans the two).
        """
        order_checks = _order_checks(self.query)
        if order_checks is None:
            return super().match(entries, config)
        vectors = [vector for vector, _boost in self.entry_vectors()]
        entries = super().match(entries, config, query=_dephrased(self.query))
        for check in order_checks:
            tsquery = self.build_tsquery(check, config=config)
            in_a_vector = [
                Q(Func(vector, tsquery, function="ts_match_vq", output_field=BooleanField())) for vector in vectors
            ]
            entries = entries.filter(reduce(operator.or_, in_a_vector))
        return entries

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """One ts_rank() for an expanded query, not one per alternative or part.

        A synonym makes the query a choice ("an toàn thực phẩm" or ATTP or VSATTP), ANDed with the
        other words typed ("cải cách" and ("thủ tục hành chính" or TTHC)): upstream averages a
        ts_rank() per alternative and multiplies one per part, for each column. Each call reads the
        entry's vector again, which doubled or tripled the query's time at 100,000 directives.
        ts_rank() of the whole query scores an entry by the words and alternatives it holds, in one
        pass over its vector.
        """
        if isinstance(query, Or | And) and _words_and_phrases(query):
            rank = SearchRank(vector, self.build_tsquery(query, config=config), weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class _Words(Phrase):
    """A phrase's words in any order: what a GIN index can answer exactly."""


def _words(leaf):
    return leaf.query_string.split()


def _is_leaf(query):
    return isinstance(query, Phrase) or (isinstance(query, PlainText) and len(_words(query)) == 1)


def _order_checks(query):
    """The parts of ``query`` whose word order must be tested after the index: [] for none;
    None when the query is not the shape expansion builds (words ANDed with ORs of words
    and phrases), which keeps upstream's match."""
    if isinstance(query, PlainText):
        return []
    if _is_leaf(query) or (isinstance(query, Or) and all(_is_leaf(leaf) for leaf in query.subqueries)):
        return [query] if _has_phrase(query) else []
    if isinstance(query, And):
        checks = [_order_checks(part) for part in query.subqueries]
        if any(check is None for check in checks):
            return None
        return [part for check in checks for part in check]
    return None


def _has_phrase(query):
    if isinstance(query, Phrase):
        return True
    return isinstance(query, Or | And) and any(_has_phrase(part) for part in query.subqueries)


def _dephrased(query):
    """``query`` with every phrase turned into its words in any order."""
    if isinstance(query, Phrase):
        return _Words(query.query_string)
    if isinstance(query, Or | And):
        return type(query)([_dephrased(part) for part in query.subqueries])
    return query


def _words_and_phrases(query):
    """Whether ``query`` is made of words and phrases alone, combined by AND and OR."""
    if isinstance(query, PlainText | Phrase):
        return True
    return isinstance(query, Or | And) and all(_words_and_phrases(part) for part in query.subqueries)


class VietnamesePostgresAutocompleteQueryCompiler(
    EntryRankingMixin, CodeSplittingQueryMixin, postgres.PostgresAutocompleteQueryCompiler
):
    @property
    def entry_model(self):
        """The narrow table for pages (citizens' autocomplete); Wagtail's index table for other models
        (the register's admin search), which the narrow table leaves out (migration ``search.0009``)."""
        if issubclass(self.queryset.model, Page):
            return PostgresAutocompleteEntry
        return postgres.IndexEntry

    def entry_vectors(self):
        return [(F("autocomplete"), 1.0)]

    def _whole_words(self):
        """The words before a short last prefix ("dang ky k": dang, ky), else []."""
        query = self.query
        if not isinstance(query, PlainText) or query.operator != "and":
            return []
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if len(terms) < 2 or len(terms[-1]) > SHORT_PREFIX:
            return []
        return terms[:-1]

    def match(self, entries, config):
        """Upstream's match; a short last prefix is checked on the rows the whole words find.

        GIN answers "k:*" by merging the postings of every term starting with k
        (15 ms for "dang k" at 250,000 entries, against 0.2 ms for "dang"). Every
        match has the whole words, so the index looks those up and ``ts_match_vq``
        (the function behind ``@@``, which no index serves) tests the full query.
        """
        words = self._whole_words()
        if not words:
            return super().match(entries, config)
        lexemes = Lexeme(words[0])
        for word in words[1:]:
            lexemes &= Lexeme(word)
        full_match = Func(
            F("autocomplete"),
            self.build_tsquery(self.query, config=config),
            function="ts_match_vq",
            output_field=BooleanField(),
        )
        return entries.filter(autocomplete=SearchQuery(lexemes, search_type="raw", config=config)).filter(full_match)


class EntryRankedSearchResults(RankedRowsMixin, postgres.PostgresSearchResults):
    def _load(self, ranked):
        return objects_in_rank_order(self.query_compiler.queryset, ranked, self._score_field, self._row_fields)

    def _ranked_results(self):
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        start, stop = self.start, self.stop
        if stop is not None:
            # Usually nearly every matching entry is a page in the queryset (live, public):
            # rank without the membership test, which would probe the page table for every match.
            ranked = list(compiler.ranked_entries(config)[: stop + SPARE_ENTRIES])
            results = self._load(ranked)
            if len(results) >= stop or len(ranked) < stop + SPARE_ENTRIES:
                return results[start:stop]
        # A narrow queryset (or no limit): test membership for every match before ranking.
        entries = compiler.in_queryset(compiler.matching_entries(config))
        return self._load(list(compiler.ranked_entries(config, entries)[start:stop]))

    def _do_search(self):
        if not self.query_compiler.ranks_from_entries():
            return super()._do_search()
        try:
            return self._ranked_results()
        except ProgrammingError as error:
            self._handle_missing_postgres_extension(error)

    def _do_count(self):
        compiler = self.query_compiler
        if not compiler.ranks_from_entries():
            return super()._do_count()
        total = compiler.in_queryset(compiler.matching_entries(compiler.get_config(self.backend))).count()
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)


class VietnamesePostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = VietnamesePostgresIndex
    query_compiler_class = VietnamesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = VietnamesePostgresAutocompleteQueryCompiler
    results_class = EntryRankedSearchResults

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
        # Upstream autocompletes with "simple", which keeps the accents.
        self.autocomplete_config = self.config


SearchBackend = VietnamesePostgresSearchBackend
