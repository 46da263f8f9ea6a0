from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide behaviour: page-cache invalidation, upload checks, security templates."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from . import cache

        cache.connect_signals()
