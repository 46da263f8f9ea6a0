"""RSS 2.0 and Atom feeds of the procedure catalogue, newest changes first.

The feed takes the procedure finder's filters (``?linh_vuc=…&muc_do=…``), so a filtered
list of procedures has a feed of the same procedures.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .browse import apply_filters, selected_filters
from .models import ProcedureIndexPage, ProcedurePage

ITEMS = 30


class ProcedureFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        self.request = request
        self.procedures = ProcedurePage.objects.live().public()
        self.selected = selected_filters(request.GET, self.procedures)
        return None

    def title(self):
        return _("Thủ tục hành chính mới cập nhật – Tỉnh Hậu Giang")

    def description(self):
        return _("Thủ tục hành chính được ban hành hoặc sửa đổi trên Cổng thông tin điện tử tỉnh Hậu Giang.")

    def link(self):
        index = ProcedureIndexPage.objects.live().public().first()
        url = index.url if index else "/"
        return f"{url}?{urlencode(self.selected)}" if self.selected else url

    def items(self):
        procedures = apply_filters(self.procedures, self.selected)
        return procedures.select_related("field", "agency").order_by("-last_published_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return f"{item.code} – {item.title}"

    def item_description(self, item):
        return _("Lĩnh vực: %(field)s. Cơ quan thực hiện: %(agency)s. %(level)s.") % {
            "field": item.field.name,
            "agency": item.agency.name,
            "level": item.get_online_level_display(),
        }

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.field.name]


class ProcedureAtomFeed(ProcedureFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
