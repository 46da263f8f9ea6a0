"""Only pages in the narrow autocomplete table (``search_autocomplete_entry``, migration 0005).

Citizens' autocomplete searches pages; the register of documents, indexed for its admin search,
had as many entries as the pages (125,000 at 100,000 directives). "ke hoa" matched 32,000
entries, 18,000 of them register entries that the page filter then threw away: half of the
index merge and of the rows read. The trigger now copies an index entry only when it is a
page's (a page row with that id and type); the register's admin search reads Wagtail's own
index table, as upstream does (``VietnamesePostgresAutocompleteQueryCompiler.entry_model``).
"""

from django.db import migrations

from ._vendor_sql import vendor_sql

TABLE = "search_autocomplete_entry"
ENTRY_TABLE = "wagtailsearch_indexentry"
PAGE_TABLE = "wagtailcore_page"


def _sync_function(copy_condition):
    # Names below are constants, never user input.
    return f"""CREATE OR REPLACE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM {TABLE} WHERE id = OLD.id;
        ELSIF {copy_condition} THEN
            INSERT INTO {TABLE} (id, content_type_id, object_id, autocomplete)
            VALUES (NEW.id, NEW.content_type_id, NEW.object_id, NEW.autocomplete)
            ON CONFLICT (id) DO UPDATE SET content_type_id = EXCLUDED.content_type_id,
                object_id = EXCLUDED.object_id, autocomplete = EXCLUDED.autocomplete;
        ELSE
            DELETE FROM {TABLE} WHERE id = NEW.id;
        END IF;
        RETURN NULL;
    END $$"""  # noqa: S608


# Pages' object ids are integers; other models may have any primary key, hence the pattern first.
IS_PAGE = (
    "{entry}.object_id ~ '^[0-9]{{1,9}}$' AND EXISTS (SELECT 1 FROM "  # noqa: S608 - constants only
    + PAGE_TABLE
    + " page WHERE page.id = {entry}.object_id::integer AND page.content_type_id = {entry}.content_type_id)"
)

FORWARDS = [
    _sync_function(IS_PAGE.format(entry="NEW")),
    f"DELETE FROM {TABLE} entry WHERE NOT ({IS_PAGE.format(entry='entry')})",  # noqa: S608
    # The deleted half leaves dead entries in the GIN index, which every match would still visit.
    f"REINDEX INDEX {TABLE}_autocomplete_gin",
    f"ANALYZE {TABLE}",
]
BACKWARDS = [
    _sync_function("TRUE"),
    f"INSERT INTO {TABLE} (id, content_type_id, object_id, autocomplete) "  # noqa: S608
    f"SELECT id, content_type_id, object_id, autocomplete FROM {ENTRY_TABLE} ON CONFLICT (id) DO NOTHING",
    f"ANALYZE {TABLE}",
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0008_typo_vocabulary"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [vendor_sql("postgresql", FORWARDS, BACKWARDS)]
