"""Raw SQL for one database engine, as a reversible migration step (the search migrations' one way).

The underscore keeps Django's migration loader from reading this module as a migration.
"""

from django.db import migrations

# Wagtail's FTS5 table: absent where SQLite was built without FTS5 (Wagtail then searches with LIKE).
WAGTAIL_FTS_TABLE = "wagtailsearch_indexentry_fts"


def vendor_sql(vendor, forwards, backwards, needs_table=None):
    """A ``RunPython`` running the ``forwards`` statements (``backwards`` when unapplied) on ``vendor``
    ("sqlite", "postgresql") only, and on SQLite only where the table ``needs_table`` exists."""

    def run(statements):
        def step(apps, schema_editor):
            connection = schema_editor.connection
            if connection.vendor != vendor:
                return
            with connection.cursor() as cursor:
                if needs_table:
                    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [needs_table])
                    if cursor.fetchone() is None:
                        return
                for statement in statements:
                    cursor.execute(statement)

        return step

    return migrations.RunPython(run(forwards), run(backwards))
