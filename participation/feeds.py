"""RSS feed of consultations, with the finder's filters (?tinh_trang=open&co_quan=…)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from .finder import ConsultationFilterForm
from .models import ConsultationIndexPage

ITEMS = 30


class ConsultationFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        site = Site.find_for_request(request)
        index = ConsultationIndexPage.objects.live().public()
        index = index.descendant_of(site.root_page).first() if site else index.first()
        if index is None:
            raise Http404
        self.request = request
        return index

    def title(self, obj):
        return _("Lấy ý kiến dự thảo – %(site)s") % {"site": obj.get_site().site_name or obj.title}

    def description(self, obj):
        return _("Dự thảo văn bản đang và đã lấy ý kiến người dân, tổ chức.")

    def link(self, obj):
        return obj.url

    def items(self, obj):
        form = ConsultationFilterForm(self.request.GET, consultations=obj.consultations())
        return form.filtered().finder_order()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return _("%(state)s. Lấy ý kiến từ %(opens)s đến %(closes)s. %(summary)s") % {
            "state": item.state_label,
            "opens": item.opens_on.strftime("%d/%m/%Y"),
            "closes": item.closes_on.strftime("%d/%m/%Y"),
            "summary": item.summary,
        }

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.drafting_body.short_name] if item.drafting_body_id else []
