from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide behaviour: page-cache invalidation, document privacy, upload checks, security templates."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from . import cache, documents

        cache.connect_signals()
        documents.connect_signals()
