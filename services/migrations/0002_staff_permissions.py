"""Give the staff groups from home/0002 their rights on the procedure reference lists and campaign results.

Biên tập viên keep fields and agencies up to date; Phê duyệt and Quản trị cổng may also
delete them. All three may read campaign results (the counters are written only by the
site itself). Permissions are created when missing because Django only adds them after
all migrations have run.
"""

from django.db import migrations

SNIPPETS = ["procedurefield", "agency"]
COUNTERS = ["campaigndailyview", "campaigndailyfollowthrough"]
GRANTS = {
    "Biên tập viên": ["add", "change", "view"],
    "Phê duyệt": ["add", "change", "view", "delete"],
    "Quản trị cổng": ["add", "change", "view", "delete"],
}


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="services", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model in SNIPPETS:
            for action in actions:
                group.permissions.add(_permission(apps, model, f"{action}_{model}"))
        for model in COUNTERS:
            group.permissions.add(_permission(apps, model, f"view_{model}"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="services", content_type__model__in=SNIPPETS + COUNTERS
    )
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_initial"),
        ("home", "0002_staff_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
