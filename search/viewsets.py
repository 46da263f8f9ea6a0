"""Admin screen of the search synonym list (Cài đặt → Từ đồng nghĩa khi tìm kiếm)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa khi tìm kiếm")
    add_to_settings_menu = True
    list_display = ["terms", "direction", "expansions", "updated_at"]
    list_filter = ["direction"]
    # A short list: matched in the database, it needs no search index of its own.
    search_fields = ["terms", "expansions", "note"]
    search_backend_name = None
    list_export = ["terms", "direction", "expansions", "note"]
    export_filename = "tu-dong-nghia-tim-kiem"
    ordering = ["terms"]
