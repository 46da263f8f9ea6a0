import logging

from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views
from wagtail.models import Page

from portal.translations import locale_code

from .structure import site_for_request

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness for load balancers: 200 when the database answers, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _route(request, path):
    """``Page.route_for_request``, without its query for the active locale when the site's root page
    is in the language served (every Vietnamese page view): the locales come from the structure cache."""
    site = site_for_request(request)
    root = site.root_page if site is not None else None
    if root is None or locale_code(root.locale_id) != translation.get_language():
        return Page.route_for_request(request, path)
    try:
        request._wagtail_route_for_request = root.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def serve(request, path):
    """Wagtail's page view (same URL pattern and name), the site and its root page read from the cache."""
    route = _route(request, path)
    # Wagtail falls back to the Vietnamese page when a page has no English translation, which
    # would publish Vietnamese text under /en/ marked as English.
    if route is not None and locale_code(route[0].locale_id) != translation.get_language():
        raise Http404
    return wagtail_views.serve(request, path)
