from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """Top-level pages marked "show in menus", in the admin's order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    items = root.get_children().live().public().in_menu() if root else []
    current = context.get("page")
    return {"items": items, "root": root, "current": current, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def is_active(context, item):
    current = context.get("current")
    if current is None:
        return False
    return current.path.startswith(item.path)
