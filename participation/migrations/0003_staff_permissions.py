"""Give the staff groups from home/0002 their rights on citizens' comments, questions and feedback.

Biên tập viên and Phê duyệt moderate comments on drafts, record the drafting body's
response and triage and answer questions; Phê duyệt and Quản trị cổng may also delete
(spam that got through); Quản trị cổng sets the Q&A desk's deadline. All of them read
the page feedback report. Sub-portal groups get no model permission: they work on their
own tree's items through participation.permissions. Permissions are created when missing
because Django only adds them after all migrations have run.
"""

from django.db import migrations

GRANTS = {
    "Biên tập viên": {
        "consultationcomment": ["change", "view"],
        "question": ["change", "view"],
        "pagefeedback": ["view"],
    },
    "Phê duyệt": {
        "consultationcomment": ["change", "view", "delete"],
        "question": ["change", "view", "delete"],
        "pagefeedback": ["view"],
    },
    "Quản trị cổng": {
        "consultationcomment": ["change", "view", "delete"],
        "question": ["change", "view", "delete"],
        "pagefeedback": ["view"],
        "questionsettings": ["change", "view"],
    },
}


def _permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="participation", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            for action in actions:
                group.permissions.add(_permission(apps, model, f"{action}_{model}"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="participation")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0002_questions_and_page_feedback"),
        ("home", "0002_staff_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
