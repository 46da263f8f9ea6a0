"""Give the staff groups from home/0002 their rights on plans, indicators and measurements.

Biên tập viên enter measurements and submit them; Phê duyệt approve and publish them;
Quản trị cổng also keep plans and indicators. Manual measurements go through the portal's
approval workflow. Permissions are created when missing because Django (and Wagtail, for
publish/lock) only add them after all migrations have run.
"""

from django.db import migrations

WORKFLOW_NAME = "Quy trình phê duyệt nội dung"
GRANTS = {
    "Biên tập viên": {
        "plan": ["view"],
        "objective": ["view"],
        "indicator": ["view"],
        "measurement": ["add", "change", "view", "lock", "unlock"],
    },
    "Phê duyệt": {
        "plan": ["view"],
        "objective": ["view"],
        "indicator": ["view", "change"],
        "measurement": ["add", "change", "view", "delete", "publish", "lock", "unlock"],
    },
    "Quản trị cổng": {
        "plan": ["add", "change", "view", "delete"],
        "objective": ["add", "change", "view", "delete"],
        "indicator": ["add", "change", "view", "delete"],
        "measurement": ["add", "change", "view", "delete", "publish", "lock", "unlock"],
    },
}


def _content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="indicators", model=model)
    return content_type


def _permission(apps, model, codename):
    Permission = apps.get_model("auth", "Permission")
    permission, _ = Permission.objects.get_or_create(
        content_type=_content_type(apps, model),
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            for action in actions:
                group.permissions.add(_permission(apps, model, f"{action}_{model}"))
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(
            content_type=_content_type(apps, "measurement"), defaults={"workflow": workflow}
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type=_content_type(apps, "measurement")).delete()
    permissions = Permission.objects.filter(content_type__app_label="indicators")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("home", "0002_staff_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
