"""The unit kinds a Vietnamese province starts with; more are added in the admin, without a migration."""

from django.db import migrations

KINDS = [
    ("Sở, ban, ngành", "department"),
    ("Huyện (trước 2025)", "district"),
    ("Xã, phường", "commune"),
]


def seed(apps, schema_editor):
    UnitKind = apps.get_model("subportals", "UnitKind")
    for name, slug in KINDS:
        UnitKind.objects.get_or_create(slug=slug, defaults={"name": name})


def unseed(apps, schema_editor):
    UnitKind = apps.get_model("subportals", "UnitKind")
    UnitKind.objects.filter(slug__in=[slug for _, slug in KINDS], subportals__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("subportals", "0001_unit_kinds_and_subportals")]

    operations = [migrations.RunPython(seed, unseed)]
