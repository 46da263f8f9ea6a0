from wagtail.snippets.models import register_snippet

from .viewsets import AlertsViewSetGroup

register_snippet(AlertsViewSetGroup)
