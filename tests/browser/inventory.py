"""Run inside the portal server's database (``manage.py shell -c``) by server.PortalServer."""

import json


def create_staff(staff):
    """The staff journey's editor and moderator, members of the groups the workflow uses."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    for role, account in json.loads(staff).items():
        user, _ = User.objects.get_or_create(
            username=account["username"],
            defaults={"email": f"{account['username']}@example.invalid", "first_name": role.capitalize()},
        )
        user.set_password(account["password"])
        user.save()
        user.groups.add(Group.objects.get(name=account["group"]))


def dump():
    """Print every live page as ``{"app.model": [{"title", "url"}, …]}``, oldest first."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        label = page._meta.label_lower
        pages.setdefault(label, []).append({"title": page.title, "url": page.get_url()})
    print(json.dumps(pages, ensure_ascii=False))
