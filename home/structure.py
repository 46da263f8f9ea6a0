"""The site's structure, read on every page and kept per content generation (portal.cache.remember).

Which sections are private, the main menu and the section pages other pages link to change
only when content changes, yet Wagtail would look each of them up again on every request.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from portal.cache import remember


def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, with the site and its specific root page from the cache.

    Wagtail looks the site up, then the root page's specific row, on every page view.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()

        def compute():
            site = Site._find_for_request(request)
            if site is None:
                return False
            site.root_page = site.root_page.specific
            return site

        request._wagtail_site = remember(f"site:{hostname}:{port}", compute) or None
    return request._wagtail_site


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their descendants are private too)."""
    return remember(
        "restricted-paths",
        lambda: tuple(sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())),
    )


def private_q():
    """What Wagtail's ``PageQuerySet.private_q`` matches, without querying the restrictions each time."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


@dataclass(frozen=True)
class PageLink:
    """Enough of a page to link to it, and to tell whether the current page lies inside it."""

    pk: int
    title: str
    url: str
    path: str

    @classmethod
    def of(cls, page, request=None):
        return cls(pk=page.pk, title=page.title, url=page.get_url(request) or "", path=page.path)

    def contains(self, page):
        return page is not None and page.path.startswith(self.path)


def menu_links(site, request=None):
    """The home page and its live public children marked "show in menus", in the admin's order."""

    def compute():
        root = site.root_page
        children = Page.objects.child_of(root).live().in_menu().exclude(private_q()).order_by("path")
        return (PageLink.of(root, request), tuple(PageLink.of(page, request) for page in children))

    return remember(f"menu:{site.pk}", compute)


def section_link(page_type, site=None, request=None):
    """The first live public page of ``page_type`` (a section's index page), or None."""

    def compute():
        pages = page_type.objects.live().exclude(private_q())
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        page = pages.order_by("path").first()
        # Remembered as False: the cache cannot tell a stored None from a miss.
        return PageLink.of(page, request) if page is not None else False

    found = remember(f"section:{site.pk if site else 0}:{page_type._meta.label_lower}", compute)
    return found or None
