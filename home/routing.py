"""Routing a URL to its page in two queries, whatever its depth.

Wagtail's ``Page.route`` walks the path one segment at a time, with two queries per
level (the child by slug, then its specific row). The home page, the root of the
site, instead fetches every page along the path in one query and makes only the
page served specific. A page on the way that routes by itself keeps its say, as
under Wagtail's own walk: a ``RoutablePageMixin`` page whose sub-routes match the
rest of the path, or a page type with its own ``route()``, takes over from there.
"""

from collections import defaultdict

from django.db.models import Q
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Deeper paths go through Wagtail's walk, which stops at the first unknown segment.
MAX_SEGMENTS = 16


def _routes_by_itself(page, remaining_components):
    """Whether Wagtail would hand ``remaining_components`` to ``page``'s own routing, not to a child."""
    page_class = page.specific_class
    if page_class is None:
        return True
    route = page_class.route
    if route is Page.route:
        return False
    if route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining_components) + "/")
        except Http404:
            return False
    return True


def _specific(page):
    model = page.specific_class
    if model is None:
        return page.specific
    related = getattr(model, "route_select_related", ())
    return model._default_manager.select_related(*related).get(pk=page.pk)


def route_by_path(root, request, path_components):
    if not path_components or len(path_components) > MAX_SEGMENTS:
        return Page.route(root, request, path_components)

    wanted = Q()
    for offset, slug in enumerate(path_components, start=1):
        wanted |= Q(depth=root.depth + offset, slug=slug)
    by_depth = defaultdict(list)
    for page in Page.objects.filter(wanted, path__startswith=root.path):
        by_depth[page.depth].append(page)

    ancestors = [root]
    parent = root
    for offset, _slug in enumerate(path_components, start=1):
        remaining = path_components[offset - 1 :]
        if parent is not root and _routes_by_itself(parent, remaining):
            return _specific(parent).route(request, remaining)
        child = next((page for page in by_depth[root.depth + offset] if page.path.startswith(parent.path)), None)
        if child is None:
            raise Http404
        child._cached_parent_obj = parent
        ancestors.append(child)
        parent = child

    page = _specific(parent)
    page._cached_parent_obj = parent._cached_parent_obj
    # The breadcrumbs read these instead of querying the ancestors again.
    page.route_ancestors = ancestors[:-1]
    return page.route(request, [])
