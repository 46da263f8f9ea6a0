"""Accent-insensitive full-text search on the database backends.

SQLite: rebuild Wagtail's FTS5 table with ``remove_diacritics 2`` (Vietnamese
letters carry two marks, e.g. "ế", which level 1 leaves alone) and fold đ/Đ,
which has no Unicode decomposition, in the triggers that fill it.

PostgreSQL: an ``unaccent`` text search configuration, ``portal_vietnamese``,
used by ``search.backends.database``. Existing index vectors were built with
another configuration: run ``manage.py update_index`` after migrating.
"""

from django.db import migrations

from ._vendor_sql import WAGTAIL_FTS_TABLE, vendor_sql

FTS_TABLE = WAGTAIL_FTS_TABLE
ENTRY_TABLE = "wagtailsearch_indexentry"


def _fold_d(column):
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


def _sqlite_statements(tokenize, fold):
    # Table and column names below are constants, never user input (hence the S608 waivers).
    def value(column):
        return _fold_d(column) if fold else column

    options = f", tokenize = '{tokenize}'" if tokenize else ""
    return [
        "DROP TRIGGER IF EXISTS insert_wagtailsearch_indexentry_fts",
        "DROP TRIGGER IF EXISTS update_wagtailsearch_indexentry_fts",
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{options})",
        f"CREATE TRIGGER insert_wagtailsearch_indexentry_fts AFTER INSERT ON {ENTRY_TABLE} BEGIN "  # noqa: S608
        f"INSERT INTO {FTS_TABLE}(title, body, autocomplete, rowid) VALUES "
        f"({value('NEW.title')}, {value('NEW.body')}, {value('NEW.autocomplete')}, NEW.id); END",
        f"CREATE TRIGGER update_wagtailsearch_indexentry_fts AFTER UPDATE ON {ENTRY_TABLE} BEGIN "  # noqa: S608
        f"UPDATE {FTS_TABLE} SET title={value('NEW.title')}, body={value('NEW.body')}, "
        f"autocomplete={value('NEW.autocomplete')} WHERE rowid=NEW.id; END",
        f"INSERT INTO {FTS_TABLE}(rowid, title, body, autocomplete) "  # noqa: S608 - constant names
        f"SELECT id, {value('title')}, {value('body')}, {value('autocomplete')} FROM {ENTRY_TABLE}",
    ]


POSTGRES_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION portal_vietnamese (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION portal_vietnamese ALTER MAPPING FOR "
    "asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple",
]
POSTGRES_BACKWARDS = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_vietnamese",
    "DROP EXTENSION IF EXISTS unaccent",
]


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [
        vendor_sql(
            "sqlite",
            _sqlite_statements("unicode61 remove_diacritics 2", fold=True),
            _sqlite_statements(None, fold=False),
            needs_table=FTS_TABLE,
        ),
        vendor_sql("postgresql", POSTGRES_FORWARDS, POSTGRES_BACKWARDS),
    ]
