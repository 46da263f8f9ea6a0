"""Portal-wide administrators ("Quản trị cổng") keep the compliance map of every site and see the
checked links. A sub-portal's own groups read their site's dashboard and reports through their
page permissions, not through these.

Permissions are created when missing because Django only adds them after all migrations have run.
"""

from django.db import migrations

PERMISSIONS = {
    "complianceentry": ["add", "change", "view", "delete"],
    "checkedlink": ["view"],
}
GROUP = "Quản trị cổng"


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="compliance", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, actions in PERMISSIONS.items():
        for action in actions:
            group.permissions.add(_permission(apps, model, f"{action}_{model}"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="compliance", content_type__model__in=PERMISSIONS)
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0001_decree42_map_and_checked_links"),
        ("home", "0002_staff_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
