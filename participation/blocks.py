"""Blocks of a draft under consultation: one block per article (Điều) or clause (Khoản)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.vietnamese import slugify

ARTICLE_KINDS = [("dieu", _("Điều")), ("khoan", _("Khoản")), ("chuong", _("Chương")), ("muc", _("Mục"))]


class ArticleValue(blocks.StructValue):
    def label(self):
        kind = dict(ARTICLE_KINDS).get(self.get("kind"), "")
        return f"{kind} {self.get('number')}".strip()

    def heading(self):
        title = self.get("title")
        return f"{self.label()}. {title}" if title else self.label()

    def anchor(self):
        """The HTML id readers link to ("dieu-2"); comments keep the block's own id, which survives renumbering."""
        return slugify(self.label()) or "dieu"


class ArticleBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Loại"), choices=ARTICLE_KINDS, default="dieu")
    number = blocks.CharBlock(label=_("Số"), max_length=20, help_text=_("Ví dụ: 2 hoặc 2.1."))
    title = blocks.CharBlock(label=_("Tên điều, khoản"), max_length=300, required=False)
    text = blocks.RichTextBlock(label=_("Nội dung"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "doc-full"
        label = _("Điều, khoản")
        value_class = ArticleValue
        template = "participation/blocks/article_block.html"
        preview_value = {
            "kind": "dieu",
            "number": "1",
            "title": "Phạm vi điều chỉnh",
            "text": "<p>Quy định này quy định về việc tiếp nhận ý kiến góp ý của người dân.</p>",
        }


class DraftBlock(blocks.StreamBlock):
    article = ArticleBlock()

    class Meta:
        block_counts = {"article": {"min_num": 1}}
