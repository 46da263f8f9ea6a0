"""A small FTS5 table for autocomplete on SQLite, with prefix indexes (``search_autocomplete_fts``).

Autocomplete used to match against Wagtail's FTS table, whose doclists carry every
body word: a short prefix ("dang k") merged the lists of every body term starting
with "k" and took seconds at 100,000 documents. This table holds only the
autocomplete text, folded like migration 0001 does, and is kept current by
triggers on the index entry table. It is filled from the existing entries here,
so no ``update_index`` is needed. PostgreSQL is left alone.
"""

import django.db.models.deletion
from django.db import migrations, models

from ._vendor_sql import WAGTAIL_FTS_TABLE, vendor_sql

TABLE = "search_autocomplete_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"


def _folded(column):
    # đ/Đ have no Unicode decomposition, so remove_diacritics leaves them; fold them as 0001 does.
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


# Table and column names below are constants, never user input (hence the S608 waivers).
FORWARDS = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "autocomplete, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON {ENTRY_TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {TABLE}(rowid, autocomplete) VALUES (NEW.id, {_folded('NEW.autocomplete')}); END",
    # Only when the text changes: Wagtail rewrites title_norm on many rows after each indexing batch.
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF autocomplete ON {ENTRY_TABLE} BEGIN "  # noqa: S608
    f"UPDATE {TABLE} SET autocomplete = {_folded('NEW.autocomplete')} WHERE rowid = OLD.id; END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {ENTRY_TABLE} BEGIN "  # noqa: S608
    f"DELETE FROM {TABLE} WHERE rowid = OLD.id; END",
    f"INSERT INTO {TABLE}(rowid, autocomplete) "  # noqa: S608
    f"SELECT id, {_folded('autocomplete')} FROM {ENTRY_TABLE}",
]
BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TABLE IF EXISTS {TABLE}",
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_zero_result_hits"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="AutocompleteIndexEntry",
            fields=[
                (
                    "index_entry",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailsearch.indexentry",
                    ),
                ),
                ("autocomplete", models.TextField()),
            ],
            options={
                "db_table": "search_autocomplete_fts",
                "managed": False,
            },
        ),
        vendor_sql("sqlite", FORWARDS, BACKWARDS, needs_table=WAGTAIL_FTS_TABLE),
    ]
