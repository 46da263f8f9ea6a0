"""The index's vocabulary, where "Có phải bạn muốn tìm" looks for corrections (``search_vocabulary``).

SQLite: an ``fts5vocab`` view of the FTS table of migration 0001, so it is always exactly
the indexed words (folded), with the number of entries holding each. PostgreSQL: a table
of the folded lexemes of every index entry with a trigram index (``pg_trgm``), filled here
from the existing entries and kept by a trigger on the index entry table. Words of deleted
entries stay in it; a correction is offered only when it finds pages, so they do no harm.
"""

from django.db import migrations

from ._vendor_sql import WAGTAIL_FTS_TABLE, vendor_sql

TABLE = "search_vocabulary"
ENTRY_TABLE = "wagtailsearch_indexentry"
SQLITE_FTS_TABLE = WAGTAIL_FTS_TABLE

# Names below are constants, never user input (hence the S608 waivers).
SQLITE_FORWARDS = [f"CREATE VIRTUAL TABLE {TABLE} USING fts5vocab({SQLITE_FTS_TABLE}, 'row')"]
SQLITE_BACKWARDS = [f"DROP TABLE IF EXISTS {TABLE}"]

POSTGRES_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE {TABLE} (term text PRIMARY KEY)",
    f"""INSERT INTO {TABLE} (term)
    SELECT DISTINCT lexeme FROM {ENTRY_TABLE}, unnest(coalesce(title, ''::tsvector) || coalesce(body, ''::tsvector))
    ON CONFLICT DO NOTHING""",  # noqa: S608
    f"CREATE INDEX {TABLE}_term_trgm ON {TABLE} USING gin (term gin_trgm_ops)",
    f"ANALYZE {TABLE}",
    f"""CREATE FUNCTION {TABLE}_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (term)
        SELECT lexeme FROM unnest(coalesce(NEW.title, ''::tsvector) || coalesce(NEW.body, ''::tsvector))
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",  # noqa: S608
    f"CREATE TRIGGER {TABLE}_add AFTER INSERT OR UPDATE OF title, body "
    f"ON {ENTRY_TABLE} FOR EACH ROW EXECUTE FUNCTION {TABLE}_add()",
]
POSTGRES_BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {TABLE}_add ON {ENTRY_TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_add()",
    f"DROP TABLE IF EXISTS {TABLE}",
    # pg_trgm stays: dropping an extension another part of the database may use is not ours to do.
]


class Migration(migrations.Migration):
    dependencies = [("search", "0007_default_synonyms")]

    operations = [
        vendor_sql("sqlite", SQLITE_FORWARDS, SQLITE_BACKWARDS, needs_table=SQLITE_FTS_TABLE),
        vendor_sql("postgresql", POSTGRES_FORWARDS, POSTGRES_BACKWARDS),
    ]
