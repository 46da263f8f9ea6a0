"""Staff groups and the moderation workflow that every content section uses.

Biên tập viên write and submit; Phê duyệt approve and publish; Quản trị cổng
administer. Permissions are created here when missing because Django only adds
them after all migrations have run.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
MODERATORS = "Phê duyệt"
ADMINISTRATORS = "Quản trị cổng"
WORKFLOW_NAME = "Quy trình phê duyệt nội dung"
TASK_NAME = "Lãnh đạo phê duyệt"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
MEDIA_PERMISSIONS = {
    EDITORS: ["add", "change", "choose"],
    MODERATORS: ["add", "change", "choose", "delete"],
    ADMINISTRATORS: ["add", "change", "choose", "delete"],
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")

    groups = {}
    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(apps, "wagtailcore", "page", codename)
            )
        for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
            for action in MEDIA_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, f"{action}_{model}"),
                )
    for codename in ("add_user", "change_user", "delete_user"):
        groups[ADMINISTRATORS].permissions.add(_permission(apps, "auth", "user", codename))
    for codename in ("add_site", "change_site"):
        groups[ADMINISTRATORS].permissions.add(_permission(apps, "wagtailcore", "site", codename))

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME, defaults={"content_type": task_type})
    task.groups.add(groups[MODERATORS], groups[ADMINISTRATORS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name__in=PAGE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
