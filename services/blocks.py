"""StreamField blocks of campaign pages: the shared blocks plus steps and a video link."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import AccessibleImageBlock, FaqBlock, HeadingBlock


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, default="Các bước thực hiện")
    steps = blocks.ListBlock(blocks.CharBlock(label=_("Bước"), max_length=300), label=_("Các bước"))

    class Meta:
        icon = "list-ol"
        label = _("Các bước")
        template = "services/blocks/steps_block.html"
        preview_value = {
            "title": "Nộp hồ sơ trực tuyến trong 4 bước",
            "steps": ["Đăng nhập", "Chọn thủ tục", "Đính kèm giấy tờ", "Theo dõi kết quả"],
        }


class VideoLinkBlock(blocks.StructBlock):
    """A link to a video with a text summary, so nothing is only in the video (WCAG 1.2)."""

    title = blocks.CharBlock(label=_("Tên video"), max_length=200)
    url = blocks.URLBlock(label=_("Địa chỉ video"))
    summary = blocks.TextBlock(label=_("Tóm tắt nội dung"), required=False)

    class Meta:
        icon = "media"
        label = _("Liên kết video")
        template = "services/blocks/video_link_block.html"


class CampaignBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    steps = StepsBlock()
    faq = FaqBlock()
    video = VideoLinkBlock()
    image = AccessibleImageBlock()
