"""Portal-wide administrators ("Quản trị cổng") keep the sub-portals and kinds of unit, and so see
the staff overview of sub-portals. A sub-portal's own groups get none of this.

Permissions are created when missing because Django only adds them after all migrations have run.
"""

from django.db import migrations

MODELS = ["subportal", "unitkind"]
ACTIONS = ["add", "change", "view", "delete"]
GROUP = "Quản trị cổng"


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="subportals", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model in MODELS:
        for action in ACTIONS:
            group.permissions.add(_permission(apps, model, f"{action}_{model}"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="subportals", content_type__model__in=MODELS)
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("subportals", "0002_seed_unit_kinds"),
        ("home", "0002_staff_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
