"""Search on English pages: English pages only, stemmed as English, on every engine.

The Vietnamese index folds accents and does not stem (Vietnamese words do not inflect);
an English reader expects "registering" to find "registration". English pages are few
(the organisation pages Nghị định 42/2022/NĐ-CP asks for), so each engine ranks them this way:

- SQLite: an FTS5 table with the ``porter`` tokenizer, filled for the query from Wagtail's
  index entries of the English pages (a temporary table, gone with the connection);
- PostgreSQL: the ``english`` text search configuration over the plain text Wagtail keeps
  beside its vectors (``title_text``, ``body_text``);
- OpenSearch and Elasticsearch: the ``_all_text.english`` sub-field (``english`` analyzer)
  that ``search.backends.analysis`` adds to every page document.

Stemming alone does not join a word's family: Porter stems "registering" to "regist" but
"registration" to "registr". So a query word of ``PREFIX_MIN_LENGTH`` letters or more matches
as the prefix of its stem ("regist…"), on every engine; shorter words match their stem exactly.

Vietnamese folding (``portal.vietnamese.fold``) is not applied: the query reaches each engine
as typed, and the results are the pages of the current language only.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import get_page_models
from wagtail.search.backends import get_search_backend

ENGLISH_SUBFIELD = "english"
PREFIX_MIN_LENGTH = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(query):
    return _WORD.findall(query)


def _as_prefix(word):
    return len(word) >= PREFIX_MIN_LENGTH


def _index_entries(page_ids):
    from wagtail.search.models import IndexEntry

    content_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return IndexEntry.objects.filter(
        content_type__in=list(content_types), object_id__in=[str(pk) for pk in page_ids]
    ).order_by()


def _ranked_on_sqlite(query, page_ids, limit):
    rows = list(_index_entries(page_ids).values_list("object_id", "title", "body"))
    words = _words(query)
    if not rows or not words:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.portal_english_fts "
            "USING fts5(page_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 0')"
        )
        cursor.execute("DELETE FROM temp.portal_english_fts")
        cursor.executemany(
            "INSERT INTO temp.portal_english_fts (page_id, title, body) VALUES (%s, %s, %s)",
            [(object_id, title or "", body or "") for object_id, title, body in rows],
        )
        # Each word quoted: FTS5 syntax in the query is text; every word must match (AND).
        cursor.execute(
            "SELECT page_id FROM temp.portal_english_fts WHERE portal_english_fts MATCH %s "
            "ORDER BY bm25(portal_english_fts, 0, 10.0, 1.0) LIMIT %s",
            [" ".join(f'"{word}" *' if _as_prefix(word) else f'"{word}"' for word in words), limit],
        )
        found = [int(row[0]) for row in cursor.fetchall()]
        cursor.execute("DELETE FROM temp.portal_english_fts")
    return found


def _ranked_on_postgresql(query, page_ids, limit):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector("title_text", weight="A", config="english") + SearchVector(
        "body_text", weight="B", config="english"
    )
    words = _words(query)
    if not words:
        return []
    # Words only (\w+), so no tsquery operator comes from the visitor.
    raw = " & ".join(f"{word}:*" if _as_prefix(word) else word for word in words)
    search_query = SearchQuery(raw, config="english", search_type="raw")
    entries = (
        _index_entries(page_ids)
        .annotate(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(vector, search_query))
        .order_by("-rank", "-object_id")
        .values_list("object_id", flat=True)
    )
    return [int(object_id) for object_id in entries[:limit]]


def _ranked_on_engine(query, page_ids, backend_name, limit):
    from wagtail.models import Page

    backend = get_search_backend(backend_name)
    index = backend.get_index_for_model(Page).name
    field = f"_all_text.{ENGLISH_SUBFIELD}"
    new_api = getattr(backend, "use_new_elasticsearch_api", False)
    analysis = {"field": field, "text": query}
    analysed = (
        backend.es.indices.analyze(index=index, **analysis)
        if new_api
        else backend.es.indices.analyze(index=index, body=analysis)
    )
    stems = [token["token"] for token in analysed["tokens"]]
    if not stems:
        return []
    body = {
        "query": {
            "bool": {
                "must": [
                    {"prefix": {field: stem}} if len(stem) >= PREFIX_MIN_LENGTH - 1 else {"term": {field: stem}}
                    for stem in stems
                ],
                # Scores from the words themselves; the prefixes above only decide what matches.
                "should": {"match": {field: {"query": query}}},
                "filter": {"terms": {"pk": [str(pk) for pk in page_ids]}},
            }
        },
        "size": limit,
    }
    if new_api:
        response = backend.es.search(index=index, _source=False, stored_fields="pk", **body)
    else:
        response = backend.es.search(index=index, body=body, _source=False, stored_fields="pk")
    return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


def ranked_ids(query, pages, backend_name, limit):
    """Ids of ``pages`` (a queryset of the current language's live pages) matching ``query``, best first."""
    page_ids = list(pages.values_list("pk", flat=True)[:10_000])
    if not page_ids:
        return []
    if backend_name != "database":
        return _ranked_on_engine(query, page_ids, backend_name, limit)
    if connection.vendor == "postgresql":
        return _ranked_on_postgresql(query, page_ids, limit)
    if connection.vendor == "sqlite":
        return _ranked_on_sqlite(query, page_ids, limit)
    return [page.pk for page in pages.search(query, backend=backend_name)[:limit]]
