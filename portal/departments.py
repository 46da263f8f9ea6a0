"""Per-department editing rights: a department's staff work only inside its own section.

Wagtail grants page permissions on a page and everything below it, so each
department gets its own two groups on its section page, mirroring the
portal-wide roles created by home/migrations/0002: editors write and submit,
approvers also publish. Nobody in them can touch another department's pages.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = [("wagtaildocs", "document"), ("wagtailimages", "image")]


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


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
    return groups["Biên tập viên"], groups["Phê duyệt"]
