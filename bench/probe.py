"""The pages ``make bench`` loads, and the SQL queries each one runs (page cache off)."""

import statistics
import time

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from directives.models import DirectiveIndexPage, DirectivePage
from indicators.models import IndicatorTrackerPage
from portal.cache import content_changed
from services.models import ProcedurePage

from .generate import DIRECTIVE_SLUG, PROCEDURE_SLUG

# Loads timed after a content change, per page (the median is kept).
AFTER_CHANGE_REPEAT = 5

# An accent-free query, as citizens type it, and the last word as a prefix for autocomplete.
SEARCH_QUERY = "cap phep xay dung"
AUTOCOMPLETE_QUERY = "dang ky kin"


def bench_urls():
    """(name, path) of every page measured, on the generated data."""
    # The load goes to the province's host: its pages, not a sub-portal's (which answer on their own host).
    root = Site.objects.get(is_default_site=True).root_page
    index = DirectiveIndexPage.objects.live().descendant_of(root).first()
    directive = (
        DirectivePage.objects.live().descendant_of(root).filter(slug__startswith=DIRECTIVE_SLUG).order_by("-pk").first()
    )
    procedure = (
        ProcedurePage.objects.live().descendant_of(root).filter(slug__startswith=PROCEDURE_SLUG).order_by("-pk").first()
    )
    tracker = IndicatorTrackerPage.objects.live().descendant_of(root).first()
    doc_type = directive.doc_type

    def path(page):
        # With several sites (the demo's sub-portals), page.url is absolute; wrk needs the path.
        return page.get_url_parts()[2]

    return [
        ("home", "/"),
        ("directive_listing", f"{path(index)}?loai={doc_type.slug}&nam={directive.issued_on.year}"),
        ("directive_detail", path(directive)),
        ("procedure_detail", path(procedure)),
        ("tracker", path(tracker)),
        ("search", "/tim-kiem/?q=" + SEARCH_QUERY.replace(" ", "+")),
        ("autocomplete", "/api/search/autocomplete/?q=" + AUTOCOMPLETE_QUERY.replace(" ", "+")),
    ]


# The pages a sub-portal has of its own, compared with the province's (issue 14).
SUBPORTAL_PAGES = ("home", "directive_listing", "directive_detail")


def subportal_urls():
    """(host, [(name, path)]) of a generated sub-portal's pages, as ``bench_urls`` picks the province's;
    None when the dataset has no sub-portal with directives."""
    from subportals.models import SubPortal

    for subportal in SubPortal.objects.filter(name__startswith="Đơn vị thử nghiệm ").select_related("site"):
        root = subportal.site.root_page
        index = DirectiveIndexPage.objects.live().descendant_of(root).first()
        directive = (
            DirectivePage.objects.live().child_of(index).filter(slug__startswith=DIRECTIVE_SLUG).order_by("-pk").first()
            if index
            else None
        )
        if directive is None:
            continue
        path = directive.get_url_parts()[2]
        listing = f"{index.get_url_parts()[2]}?loai={directive.doc_type.slug}&nam={directive.issued_on.year}"
        return subportal.site.hostname, [("home", "/"), ("directive_listing", listing), ("directive_detail", path)]
    return None


def count_queries(urls, host="127.0.0.1", repeat=0):
    """{name: {"status", "queries", "bytes"}} for one anonymous GET of each URL, page cache off;
    with ``repeat``, also the median time of that many more GETs (``median_ms``)."""
    client = Client(HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
    counts = {}
    # The bench serves the province on 127.0.0.1; a sub-portal answers on its own host name.
    with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, host]):
        for name, url in urls:
            client.get(url)  # first hit warms per-process caches (site root, content types)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            counts[name] = {
                "status": response.status_code,
                "queries": len(captured.captured_queries),
                "bytes": len(response.content),
                "sql": [query["sql"][:300] for query in captured.captured_queries],
            }
            if repeat:
                counts[name]["median_ms"] = median_ms(lambda url=url: client.get(url), repeat)
            counts[name]["after_change"] = after_change(client, url)
    return counts


def after_change(client, url, repeat=AFTER_CHANGE_REPEAT):
    """What the first visitor after a publication pays: every value and fragment kept for the content
    generation (structure, filter counts, rendered results, tracker) is computed afresh.

    {"queries": of one such load, "median_ms": of ``repeat`` of them}.
    """

    def first_visit():
        content_changed()
        client.get(url)

    content_changed()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return {"queries": len(captured.captured_queries), "median_ms": median_ms(first_visit, repeat)}


def median_ms(call, repeat):
    """The median time of ``repeat`` calls, in milliseconds: the page's cost in process, without the server."""
    samples = []
    for _round in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 2)
