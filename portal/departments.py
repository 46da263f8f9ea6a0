"""Per-department editing rights: a department's staff work only inside its own section.

Wagtail grants page permissions on a page and everything below it, so each
department gets its own two groups on its section page, mirroring the
portal-wide roles created by home/migrations/0002: editors write and submit,
approvers also publish. Nobody in them can touch another department's pages.

Approving what editors submit goes through Wagtail's moderation workflow, whose
approval task names the groups that may approve, wherever the page is. So each
section gets its own workflow, whose task the department's approvers hold
alongside the approvers of the workflow the section used before (the portal-wide
ones): a department's approvers approve their own section and nobody else's.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = [("wagtaildocs", "document"), ("wagtailimages", "image")]


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def department_workflow(section, department, approvers):
    """Give ``section`` a moderation workflow whose approval task ``approvers`` hold."""
    workflow, _ = Workflow.objects.get_or_create(name=f"Quy trình phê duyệt – {department}")
    task, created = GroupApprovalTask.objects.get_or_create(name=f"Phê duyệt – {department}")
    if created:
        # Whoever approved this section until now (the portal-wide approvers) still may.
        inherited = section.get_workflow()
        if inherited is not None and inherited.pk != workflow.pk:
            for inherited_task in inherited.tasks.filter(groupapprovaltask__isnull=False):
                task.groups.add(*inherited_task.specific.groups.all())
    task.groups.add(approvers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def department_groups(section, department):
    """Create (or complete) the editors' and approvers' groups of ``department`` on ``section``."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role, codenames in (("Biên tập viên", EDITOR_PAGE_PERMISSIONS), ("Phê duyệt", APPROVER_PAGE_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=f"{role} – {department}")
        group.permissions.add(access_admin)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=section, permission=_page_permission(codename))
        for app_label, model in MEDIA_PERMISSIONS:
            for action in ("add", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}"),
                )
        groups[role] = group
    department_workflow(section, department, groups["Phê duyệt"])
    return groups["Biên tập viên"], groups["Phê duyệt"]
