"""RSS 2.0 and Atom feeds of directives (all, per type, per field) and of operational news."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import (
    DirectiveIndexPage,
    DirectivePage,
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
        if doc_type:
            return get_object_or_404(DocumentType, slug=doc_type)
        if field:
            return get_object_or_404(Field, slug=field)
        return None

    def title(self, obj):
        base = "Văn bản chỉ đạo, điều hành – Tỉnh Hậu Giang"
        if isinstance(obj, DocumentType):
            return f"{obj.name} – {base}"
        if isinstance(obj, Field):
            return f"Lĩnh vực {obj.name} – {base}"
        return base

    def link(self, obj):
        index = DirectiveIndexPage.objects.live().public().first()
        return index.url if index else "/"

    def items(self, obj):
        directives = DirectivePage.objects.live().public().select_related("doc_type", "issuing_body")
        if isinstance(obj, DocumentType):
            directives = directives.filter(doc_type=obj)
        elif isinstance(obj, Field):
            directives = directives.filter(fields=obj)
        return directives.with_status().newest_first()[:ITEMS]

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
