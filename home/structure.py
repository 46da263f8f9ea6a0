"""The site's structure, read on every page and kept per content generation (portal.cache.remember).

Which sections are private, the main menu and the section pages other pages link to change
only when content changes, yet Wagtail would look each of them up again on every request.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponseNotFound
from django.http.request import split_domain_port
from django.template.loader import render_to_string
from wagtail.models import Page, PageViewRestriction, Site

from portal.cache import remember


def host_is_listed(hostname):
    """Whether ALLOWED_HOSTS names ``hostname`` itself, not through a wildcard (".haugiang.gov.vn", "*")."""
    return hostname in {host.lower() for host in settings.ALLOWED_HOSTS if not host.startswith(".") and host != "*"}


def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, strict about unknown hosts, kept in the cache with its root page.

    Wagtail answers any host name without a site of its own with the default site. Behind a
    wildcard such as ".haugiang.gov.vn" that would show the province portal at every mistyped
    sub-portal address, so the default site only answers the host names listed one by one.
    Wagtail looks the site up, then the root page's specific row, on every page view.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()

        def compute():
            site = Site._find_for_request(request)
            if site is None or (site.hostname != hostname and not host_is_listed(hostname)):
                return False
            site.root_page = site.root_page.specific
            return site

        request._wagtail_site = remember(f"site:{hostname}:{port}", compute) or None
    return request._wagtail_site


class KnownSiteMiddleware:
    """Answer only for host names that have a site: Django's 400 for a forged host, 404 for an unknown one.

    Runs before the page cache, which keeps pages per site, so that neither a cached page nor
    a fresh one of another site is ever served under an unknown host name.
    """

    exempt_paths = ("/healthz",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(self.exempt_paths):
            return self.get_response(request)
        if site_for_request(request) is None:  # get_host() inside raises DisallowedHost: Django's 400
            return HttpResponseNotFound(
                render_to_string("unknown_site.html", {"hostname": request.get_host()}),
                headers={"Cache-Control": "no-store"},
            )
        return self.get_response(request)


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
    """The home page and its live public children marked "show in menus", in the admin's order.

    On an English page, the English home page's (``remember`` keeps one answer per language).
    """

    def compute():
        root = site.root_page.localized
        children = Page.objects.child_of(root).live().in_menu().exclude(private_q()).order_by("path")
        return (PageLink.of(root, request), tuple(PageLink.of(page, request) for page in children))

    return remember(f"menu:{site.pk}", compute, site=site)


def section_link(page_type, site=None, request=None):
    """The first live public page of ``page_type`` (a section's index page), or None."""

    def compute():
        pages = page_type.objects.live().exclude(private_q())
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        page = pages.order_by("path").first()
        # Remembered as False: the cache cannot tell a stored None from a miss.
        return PageLink.of(page, request) if page is not None else False

    found = remember(f"section:{site.pk if site else 0}:{page_type._meta.label_lower}", compute, site=site)
    return found or None
