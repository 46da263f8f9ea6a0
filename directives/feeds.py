"""RSS 2.0 and Atom feeds of directives (all, per type, per field) and of operational news.

Each site has its own feeds at the same addresses: a sub-portal's list its own items, the
province's news feed its own news, and the province's directive feed every agency's
directives, as its directive finder does, each linked at its canonical URL on its own host.
"""

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.models import PortalSettings
from home.structure import section_link, site_for_request

from .listing import DirectiveFilterForm, filter_directives, issue_years
from .models import (
    DirectiveIndexPage,
    DirectivePage,
    DirectiveStatus,
    DocumentType,
    Field,
    OperationalNewsIndexPage,
    OperationalNewsPage,
)

ITEMS = 30


class SiteFeed(Feed):
    """A feed of the requested site's pages, named after the site's owner."""

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site = site_for_request(request)
        return None

    def site_pages(self, pages):
        """Pages under the requested site's root."""
        return pages.descendant_of(self.site.root_page) if self.site is not None else pages.none()

    @property
    def owner(self):
        """Who publishes the feed: the province on its portal, the agency on its sub-portal."""
        portal = PortalSettings.for_site(self.site)
        if self.site.is_default_site:
            return _("Tỉnh %(province)s") % {"province": portal.province_name}
        return portal.owning_agency

    def section_url(self, page_type):
        section = section_link(page_type, self.site, self.request)
        return section.url if section is not None else "/"


class DirectiveFeed(SiteFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, doc_type=None, field=None):
        super().get_object(request)
        # The listing's filters (?loai=…&nam=…), so a filtered listing has a feed of the same directives.
        scope = "all" if self.site is None or self.site.is_default_site else f"site-{self.site.pk}"
        self.filters = DirectiveFilterForm(request.GET, years=issue_years(self._directives(), scope)).valid_values()
        if doc_type:
            return get_object_or_404(DocumentType, slug=doc_type)
        if field:
            return get_object_or_404(Field, slug=field)
        return None

    def title(self, obj):
        base = _("Văn bản chỉ đạo, điều hành – %(owner)s") % {"owner": self.owner}
        if isinstance(obj, DocumentType):
            base = f"{obj.name} – {base}"
        elif isinstance(obj, Field):
            base = _("Lĩnh vực %(field)s – %(feed)s") % {"field": obj.name, "feed": base}
        if self.filters:
            shown = (
                DirectiveStatus(value).label if name == "tinh_trang" else value for name, value in self.filters.items()
            )
            base = f"{base} ({', '.join(str(value) for value in shown)})"
        return base

    def description(self):
        return _("Văn bản chỉ đạo, điều hành mới ban hành trên %(portal)s.") % {
            "portal": PortalSettings.for_site(self.site).portal_name
        }

    def link(self, obj):
        url = self.section_url(DirectiveIndexPage)
        query = urlencode({name: getattr(value, "slug", value) for name, value in self.filters.items()})
        return f"{url}?{query}" if query else url

    def _directives(self):
        directives = DirectivePage.objects.live().public()
        return directives if self.site is not None and self.site.is_default_site else self.site_pages(directives)

    def items(self, obj):
        directives = self._directives().select_related("doc_type", "issuing_body")
        if isinstance(obj, DocumentType):
            directives = directives.filter(doc_type=obj)
        elif isinstance(obj, Field):
            directives = directives.filter(fields=obj)
        return filter_directives(directives, self.filters)[:ITEMS]

    def item_title(self, item):
        if not item.doc_type:
            return item.title
        return _("%(doc_type)s số %(number)s: %(title)s") % {
            "doc_type": item.doc_type_name,
            "number": item.number,
            "title": item.title,
        }

    def item_description(self, item):
        status = _("Tình trạng hiệu lực: %(status)s.") % {"status": item.current_status_label}
        if item.is_withdrawn:
            status = _("Đã thu hồi ngày %(date)s: %(reason)s") % {
                "date": item.withdrawn_on.strftime("%d/%m/%Y"),
                "reason": item.withdrawal_reason,
            }
        return f"{item.summary}\n{status}"

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        if item.issued_on:
            return timezone.make_aware(datetime.datetime.combine(item.issued_on, datetime.time(8, 0)))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.issuing_body_name or None

    def item_categories(self, item):
        return [field.name for field in item.fields.all()] + [item.current_status_label]


class DirectiveAtomFeed(DirectiveFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class OperationalNewsFeed(SiteFeed):
    feed_type = Rss201rev2Feed

    def title(self):
        return _("Tin chỉ đạo, điều hành – %(owner)s") % {"owner": self.owner}

    def description(self):
        if self.site.is_default_site:
            return _("Kết luận họp, hoạt động của lãnh đạo tỉnh, thông cáo báo chí.")
        return _("Tin hoạt động của %(owner)s.") % {"owner": self.owner}

    def link(self):
        return self.section_url(OperationalNewsIndexPage)

    def items(self):
        return self.site_pages(OperationalNewsPage.objects.live().public()).order_by("-date", "-pk")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at


class OperationalNewsAtomFeed(OperationalNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
