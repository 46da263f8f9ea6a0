import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views

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


def serve(request, path):
    """Wagtail's page view (same URL pattern and name), the site and its root page read from the cache."""
    site_for_request(request)
    return wagtail_views.serve(request, path)
