"""The default synonym list (search/data/synonyms.json), so every installation starts with it.

Production needs the list as much as the demo does, and load_demo is not run there.
Entries already present (by their terms) are left as staff edited them.
"""

from django.db import migrations


def load_default_synonyms(apps, schema_editor):
    from search.synonyms import load_defaults

    load_defaults(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("search", "0006_synonyms")]

    operations = [migrations.RunPython(load_default_synonyms, migrations.RunPython.noop)]
