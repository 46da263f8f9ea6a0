"""Wagtail's database search backend, accent-insensitive for Vietnamese.

- SQLite (``sqlite.py``): the FTS5 table uses ``unicode61 remove_diacritics 2``
  and its triggers fold đ/Đ to d (migration ``search.0001``).
- PostgreSQL (``postgres.py``): the ``portal_vietnamese`` text search configuration
  (``unaccent`` then ``simple``, same migration) builds index vectors and queries.
- Anything else: Wagtail's own choice, unchanged.

Queries are folded with ``portal.vietnamese.fold`` before they reach SQL.
"""

from modelsearch.backends.database import SearchBackend as upstream_database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The accent-folding variant of the backend Wagtail would choose for the default database."""
    upstream = upstream_database_backend(params.copy())
    name = type(upstream).__name__
    # The vendor modules are imported lazily: each defines models that exist on its database only.
    if name == "PostgresSearchBackend":
        from .postgres import VietnamesePostgresSearchBackend

        return VietnamesePostgresSearchBackend(params)
    if name == "SQLiteSearchBackend":
        from .sqlite import VietnameseSQLiteSearchBackend

        return VietnameseSQLiteSearchBackend(params)
    return upstream
