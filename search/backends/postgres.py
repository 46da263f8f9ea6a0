"""PostgreSQL full-text search through the ``portal_vietnamese`` configuration (unaccent + simple).

PostgreSQL's parser reads "07/KH-UBND" as one file-path token and "15/2011/QĐ-UBND"
as odd pieces, while citizens type "07/kh ubnd" or "ke hoach 07". Slashes and
dashes are therefore turned into spaces on both sides, as the FTS5 and
OpenSearch tokenizers do by themselves.
"""

import re

from django.db.models.sql import InsertQuery
from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_content_type_pk

from .folding import FoldedQueryMixin, fold_query

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


class VietnamesePostgresSearchQueryCompiler(CodeSplittingQueryMixin, postgres.PostgresSearchQueryCompiler):
    pass


class VietnamesePostgresAutocompleteQueryCompiler(CodeSplittingQueryMixin, postgres.PostgresAutocompleteQueryCompiler):
    pass


class VietnamesePostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = VietnamesePostgresIndex
    query_compiler_class = VietnamesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = VietnamesePostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
        # Upstream autocompletes with "simple", which keeps the accents.
        self.autocomplete_config = self.config


SearchBackend = VietnamesePostgresSearchBackend
