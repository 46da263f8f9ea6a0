"""The ceiling: the smallest Django view, served by the same gunicorn, settings and middleware."""

from django.http import HttpResponse


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain; charset=utf-8")
