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
        # The province portal's pages by path (the server answers for it); others by full URL.
        url = _path(page) if _host(page) is None else page.full_url
        pages.setdefault(label, []).append({"title": page.title, "url": url})
    print(json.dumps(pages, ensure_ascii=False))


# States of a page type that render differently, each checked on one demo page: label -> state -> query.
# Procedures have no expiry or withdrawal; a directive has no service level.
STATES = {
    "directives.directivepage": {
        "expired": lambda pages: pages.expired(),
        "withdrawn": lambda pages: pages.withdrawn(),
        "replaced": lambda pages: pages.replaced(),
    },
    # The synthesis report and its downloads exist only once the report is published.
    "participation.consultationpage": {
        "reported": lambda pages: pages.reported(),
    },
    "services.procedurepage": {
        "level-4": lambda pages: pages.at_legacy_level(4),
        "not-online": lambda pages: pages.exclude(pk__in=pages.online()),
    },
}


def _path(page):
    """The page's path on its own site (the demo has sub-portals, so ``page.url`` is a full URL)."""
    return page.get_url_parts()[2]


def _host(page):
    """The host name of a sub-portal's page; None for the province portal the server answers by default."""
    site = page.get_site()
    return None if site is None or site.is_default_site else site.hostname


def _routes(page):
    """Each ``RoutablePageMixin`` route of ``page``: its name, its regex, and its URL when it takes no argument.

    A page with a ``serves_route(name)`` method leaves out the routes it does not serve in its state.
    """
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    if not isinstance(page, RoutablePageMixin):
        return []
    routes = []
    for pattern in page.get_subpage_urls():
        if not getattr(page, "serves_route", lambda name: True)(pattern.name):
            continue
        takes_arguments = bool(pattern.pattern.converters) or bool(pattern.pattern.regex.groups)
        routes.append(
            {
                "name": pattern.name,
                "regex": pattern.pattern.regex.pattern,
                "url": None if takes_arguments else _path(page) + page.reverse_subpage(pattern.name),
            }
        )
    return routes


def discover():
    """Print what the browser checks must cover, as JSON.

    ``page_types``: every concrete page type; ``pages``: one live page of each type found in the
    demo and each state in STATES, with its routes; ``missing_states``: states the demo lacks.
    """
    from django.conf import settings
    from wagtail.models import Page, get_page_models

    page_types, pages, missing_states = [], [], []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        label = model._meta.label_lower
        page_types.append(label)
        # In tree order the province portal's pages come first; a type only sub-portals have is
        # checked on its own host.
        live = model.objects.live().public().exact_type(model).specific().order_by("path")
        found = {"": live.first()}
        for state, query in STATES.get(label, {}).items():
            found[state] = query(live).first()
            if found[state] is None:
                missing_states.append(f"{label} {state}")
        # Translations (English under /en/) render with their own language and links: one of each.
        for code in [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]:
            found[code] = live.filter(locale__language_code=code).first()
        for state, page in found.items():
            if page is not None:
                pages.append(
                    {
                        "type": label,
                        "state": state,
                        "title": page.title,
                        "url": _path(page),
                        "host": _host(page),
                        "routes": _routes(page),
                    }
                )
    print(json.dumps({"page_types": page_types, "pages": pages, "missing_states": missing_states}, ensure_ascii=False))
