"""A narrow table of autocomplete vectors on PostgreSQL (``search_autocomplete_entry``).

Autocomplete scores every page whose title starts like the query, and read each
match's row of ``wagtailsearch_indexentry`` (3 kB with title, body and their
plain text): one block per match, 10 ms of the 16 ms that "ke hoa" took at
250,000 entries. This table keeps only what autocomplete reads, is kept current
by triggers on the index entry table, and is filled from the existing entries
here, so no ``update_index`` is needed. SQLite has its own table (0003).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from ._vendor_sql import vendor_sql

TABLE = "search_autocomplete_entry"
ENTRY_TABLE = "wagtailsearch_indexentry"

# Names below are constants, never user input (hence the S608 waivers).
FORWARDS = [
    f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, content_type_id integer NOT NULL, "
    "object_id varchar(50) NOT NULL, autocomplete tsvector NOT NULL)",
    f"INSERT INTO {TABLE} SELECT id, content_type_id, object_id, autocomplete FROM {ENTRY_TABLE}",  # noqa: S608
    f"CREATE INDEX {TABLE}_autocomplete_gin ON {TABLE} USING gin (autocomplete)",
    f"ANALYZE {TABLE}",
    f"""CREATE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM {TABLE} WHERE id = OLD.id;
        ELSE
            INSERT INTO {TABLE} (id, content_type_id, object_id, autocomplete)
            VALUES (NEW.id, NEW.content_type_id, NEW.object_id, NEW.autocomplete)
            ON CONFLICT (id) DO UPDATE SET content_type_id = EXCLUDED.content_type_id,
                object_id = EXCLUDED.object_id, autocomplete = EXCLUDED.autocomplete;
        END IF;
        RETURN NULL;
    END $$""",  # noqa: S608
    f"""CREATE FUNCTION {TABLE}_clear() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE {TABLE};
        RETURN NULL;
    END $$""",
    # Not on title_norm: Wagtail rewrites it on many rows after each indexing batch.
    f"CREATE TRIGGER {TABLE}_sync AFTER INSERT OR DELETE OR UPDATE OF content_type_id, object_id, autocomplete "
    f"ON {ENTRY_TABLE} FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()",
    f"CREATE TRIGGER {TABLE}_clear AFTER TRUNCATE ON {ENTRY_TABLE} FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_clear()",
]
BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {TABLE}_sync ON {ENTRY_TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_clear ON {ENTRY_TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_sync()",
    f"DROP FUNCTION IF EXISTS {TABLE}_clear()",
    f"DROP TABLE IF EXISTS {TABLE}",
]


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0004_postgres_title_body_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="PostgresAutocompleteEntry",
            fields=[
                ("id", models.IntegerField(primary_key=True, serialize=False)),
                ("object_id", models.CharField(max_length=50)),
                ("autocomplete", django.contrib.postgres.search.SearchVectorField()),
                (
                    "content_type",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "db_table": "search_autocomplete_entry",
                "managed": False,
            },
        ),
        vendor_sql("postgresql", FORWARDS, BACKWARDS),
    ]
