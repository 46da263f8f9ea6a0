"""Error pages that never need the database.

A database outage surfaces as an uncaught ``OperationalError`` wherever it first
happens (a view, the session middleware, Wagtail's site lookup). Django hands
every uncaught exception to ``handler500`` while the exception is still being
handled, so this one place turns an outage into a Vietnamese 503 page with
Retry-After instead of a 500. Nothing here touches the database, and once the
database answers again the next request simply works: Django reconnects.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def database_is_down(exc):
    # Connection failures only: a programming error (bad SQL) stays a 500.
    return isinstance(exc, (OperationalError, InterfaceError))


@requires_csrf_token
def server_error(request, template_name="500.html"):
    exc = sys.exc_info()[1]
    if database_is_down(exc):
        logger.warning("Database unavailable: answering 503 for %s", request.path)
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template(template_name).render())
