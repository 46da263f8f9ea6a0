from django.db import migrations


def create_english_locale(apps, schema_editor):
    # Existing pages keep the default locale (vi); English pages are translations made in this locale.
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


def delete_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code="en", page__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_retire_wagtail_default_groups"),
        ("wagtailcore", "0057_page_locale_fields_notnull"),
    ]

    operations = [migrations.RunPython(create_english_locale, delete_english_locale)]
