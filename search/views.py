import hashlib

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home.structure import site_for_request
from portal.cache import remember

from . import results as portal_search
from .facets import FACETS


def _page_number(request):
    return request.GET.get("page", 1)


def _outcome(request, site=None, own_site=None):
    """``run_search`` for the request's query string, kept for the content generation.

    Citizens ask the same things ("dịch vụ công", "sổ đỏ") again and again; between two
    publications the answer cannot change, so a repeated search costs no engine query. Kept per
    site (the results' addresses are relative to it) and language, and only public pages are ever
    found, so nobody's search shows another visitor anything. Every search is still counted.
    """
    # Named by what the search reads: a link shared with tracking parameters (fbclid, utm_…) or
    # with junk is the same search, not a new entry each.
    query, filters, sort, page, as_typed = portal_search.asked(
        request.GET.get("q", ""), request.GET, _page_number(request)
    )
    asked = (
        getattr(site, "pk", None),
        getattr(own_site, "pk", None),
        query,
        sorted(filters.items()),
        sort,
        page,
        as_typed,
    )
    digest = hashlib.sha256(repr(asked).encode())
    return remember(
        f"search-outcome:{digest.hexdigest()[:32]}",
        lambda: portal_search.run_search(
            request.GET.get("q", ""), request.GET, _page_number(request), request=request, site=own_site
        ),
        # An answer from the database while the engine is down is not kept past the outage.
        keep_if=lambda outcome: not outcome.fell_back,
    )


def search(request):
    """/tim-kiem/: results with facets, snippets, sorting, promotions and help when nothing matches."""
    raw_query = request.GET.get("q", "")
    site = site_for_request(request)  # the site and its root page from the cache, for the results' URLs
    # A sub-portal searches its own pages unless asked for the whole province (toan_tinh=1).
    own_site = site if site is not None and not site.is_default_site and request.GET.get("toan_tinh") != "1" else None
    outcome = _outcome(request, site, own_site)
    if outcome.query and outcome.page is not None and outcome.page.number == 1 and not outcome.filters:
        if outcome.corrected_from:  # the words as typed found nothing; the report shows what fixed them
            portal_search.log_query(outcome.corrected_from, 0)
        else:
            portal_search.log_query(outcome.query, outcome.total + len(outcome.promotions))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": outcome.query,
            "own_site": own_site,
            "raw_query_was_junk": bool(raw_query.strip()) and not outcome.query,
            "outcome": outcome,
            "facet_names": [name for name, _label in FACETS],
            "sorts": [("relevance", _("Liên quan nhất")), ("date", _("Mới nhất"))],
        },
    )


def _hit_json(hit):
    return {
        "title": hit.title,
        "url": hit.url,
        "type": hit.type,
        "type_label": hit.type_label,
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": str(hit.snippet),
    }


def search_api(request):
    """/api/search/?q=…: the same results and facets as the search page, as JSON."""
    outcome = _outcome(request, site_for_request(request))
    page = outcome.page
    data = {
        "query": outcome.query,
        "corrected_from": outcome.corrected_from,
        "suggestion": outcome.suggestion,
        "total": outcome.total,
        "page": page.number if page else 1,
        "pages": page.paginator.num_pages if page else 0,
        "sort": outcome.sort,
        "filters": outcome.filters,
        "promoted": [dict(_hit_json(hit), description=description) for hit, description in outcome.promotions],
        "results": [_hit_json(hit) for hit in outcome.hits],
        "facets": {
            facet.name: {
                "label": facet.label,
                "options": [
                    {"value": option.key, "label": option.label, "count": option.count, "selected": option.selected}
                    for option in facet.options
                ],
            }
            for facet in outcome.facets
        },
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    # Other agencies' sites and apps reuse the API from the browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def autocomplete_api(request):
    """/api/search/autocomplete/?q=…: up to ten suggestions, the last word matched as a prefix."""
    suggestions = portal_search.autocomplete(request.GET.get("q", ""), request=request)
    response = JsonResponse({"results": suggestions}, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
