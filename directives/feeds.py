"""RSS 2.0 and Atom feeds of directives (all, per type, per field) and of operational news."""

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

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


class DirectiveFeed(Feed):
    feed_type = Rss201rev2Feed
    description = "Văn bản chỉ đạo, điều hành mới ban hành trên Cổng thông tin điện tử tỉnh Hậu Giang."

    def get_object(self, request, doc_type=None, field=None):
        self.request = request
        # The listing's filters (?loai=…&nam=…), so a filtered listing has a feed of the same directives.
        self.filters = DirectiveFilterForm(request.GET, years=issue_years(self._directives(), "all")).valid_values()
        if doc_type:
            return get_object_or_404(DocumentType, slug=doc_type)
        if field:
            return get_object_or_404(Field, slug=field)
        return None

    def title(self, obj):
        base = "Văn bản chỉ đạo, điều hành – Tỉnh Hậu Giang"
        if isinstance(obj, DocumentType):
            base = f"{obj.name} – {base}"
        elif isinstance(obj, Field):
            base = f"Lĩnh vực {obj.name} – {base}"
        if self.filters:
            shown = (
                DirectiveStatus(value).label if name == "tinh_trang" else value for name, value in self.filters.items()
            )
            base = f"{base} ({', '.join(str(value) for value in shown)})"
        return base

    def link(self, obj):
        index = DirectiveIndexPage.objects.live().public().first()
        if index is None:
            return "/"
        query = urlencode({name: getattr(value, "slug", value) for name, value in self.filters.items()})
        return f"{index.url}?{query}" if query else index.url

    def _directives(self):
        return DirectivePage.objects.live().public()

    def items(self, obj):
        directives = self._directives().select_related("doc_type", "issuing_body")
        if isinstance(obj, DocumentType):
            directives = directives.filter(doc_type=obj)
        elif isinstance(obj, Field):
            directives = directives.filter(fields=obj)
        return filter_directives(directives, self.filters)[:ITEMS]

    def item_title(self, item):
        return f"{item.doc_type_name} số {item.number}: {item.title}" if item.doc_type else item.title

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
    subtitle = DirectiveFeed.description


class OperationalNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Tin chỉ đạo, điều hành – Tỉnh Hậu Giang"
    description = "Kết luận họp, hoạt động của lãnh đạo tỉnh, thông cáo báo chí."

    def get_object(self, request):
        self.request = request
        return None

    def link(self):
        index = OperationalNewsIndexPage.objects.live().public().first()
        return index.url if index else "/"

    def items(self):
        return OperationalNewsPage.objects.live().public().order_by("-date", "-pk")[:ITEMS]

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
    subtitle = OperationalNewsFeed.description
