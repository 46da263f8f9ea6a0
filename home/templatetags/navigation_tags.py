from django import template
from wagtail.models import Site

from home.structure import menu_links

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """Top-level pages marked "show in menus", in the admin's order, with the current section marked."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "items": []}
    home, links = menu_links(site, request)
    items = []
    for link in links:
        state = None
        if link.contains(current):
            state = "page" if current.pk == link.pk else "true"
        items.append({"link": link, "current": state})
    return {"home": home, "home_is_current": current is not None and current.pk == home.pk, "items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # Set by home.routing when the page was routed to; otherwise one query.
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=2).live()
    else:
        ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= 2 and ancestor.live]
    return {"ancestors": ancestors, "page": page}
