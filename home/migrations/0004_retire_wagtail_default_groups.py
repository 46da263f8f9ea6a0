"""Retire Wagtail's English starter groups and workflow.

Staff work with the Vietnamese groups and workflow from 0002; two parallel sets
("Editors" beside "Biên tập viên") only confuse the people assigning roles.
Groups that already have members are kept, so no one loses access.
"""

from django.db import migrations

STARTER_GROUPS = ["Moderators", "Editors"]
STARTER_WORKFLOW = "Moderators approval"


def retire_starter_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    starter = Workflow.objects.filter(name=STARTER_WORKFLOW)
    if not WorkflowPage.objects.filter(workflow__in=starter).exists():
        task_ids = list(starter.values_list("workflow_tasks__task_id", flat=True))
        starter.delete()
        Task.objects.filter(pk__in=[pk for pk in task_ids if pk], name=STARTER_WORKFLOW).delete()
    Group.objects.filter(name__in=STARTER_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0003_call_to_action_links")]

    # Nothing to restore on the way back: Wagtail's starter data is not needed to run.
    operations = [migrations.RunPython(retire_starter_groups, migrations.RunPython.noop)]
