"""RSS feed of one Q&A index: the latest published answers, with no asker's details (there are none on the pages)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

ITEMS = 30


class QuestionFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return _("Hỏi đáp – %(title)s") % {"title": index.title}

    def description(self, index):
        return index.intro or _("Câu hỏi của người dân và câu trả lời của cơ quan nhà nước.")

    def link(self, index):
        return index.get_url(request=self.request)

    def items(self, index):
        return index.answers()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return _("%(agency)s trả lời: %(answer)s") % {"agency": item.agency.name, "answer": strip_tags(item.answer)}

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at
