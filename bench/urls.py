"""The portal's URLs plus the ceiling view, for ``portal.settings.bench`` only."""

from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

from .views import ceiling

urlpatterns = [path("bench/ceiling/", ceiling, name="bench_ceiling"), *portal_urlpatterns]
