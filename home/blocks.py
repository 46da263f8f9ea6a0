"""StreamField blocks shared by every content page of the portal."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Cấp 2")), ("h3", _("Cấp 3")), ("h4", _("Cấp 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Hướng dẫn nộp hồ sơ trực tuyến", "level": "h2"}


class AccessibleImageBlock(blocks.StructBlock):
    """An image whose alternative text cannot be left empty (WCAG 1.1.1)."""

    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Văn bản thay thế"),
        max_length=250,
        help_text=_("Mô tả nội dung ảnh cho người dùng trình đọc màn hình."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "blocks/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, help_text=_("Để trống để dùng tên tài liệu."))

    class Meta:
        icon = "doc-full"
        label = _("Liên kết tài liệu")
        template = "blocks/document_link_block.html"


def validate_link(value):
    """A link is either a path on this portal ("/tim-kiem/") or an absolute http(s) URL."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(_("Nhập đường dẫn bắt đầu bằng “/” hoặc địa chỉ http(s) đầy đủ.")) from None


class LinkValue(blocks.StructValue):
    """Resolves the link target so templates only print ``value.url``."""

    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Nội dung"), max_length=250)
    button_label = blocks.CharBlock(label=_("Nhãn nút"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Trang đích"), required=False)
    external_url = blocks.CharBlock(
        label=_("Hoặc địa chỉ khác"),
        required=False,
        max_length=500,
        validators=[validate_link],
        help_text=_("Đường dẫn trên cổng (/tim-kiem/) hoặc địa chỉ http(s) đầy đủ."),
    )

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Chọn trang đích hoặc nhập địa chỉ ngoài."))}
            )
        return cleaned

    class Meta:
        icon = "pick"
        label = _("Lời kêu gọi hành động")
        template = "blocks/call_to_action_block.html"
        value_class = LinkValue


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Câu hỏi"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Trả lời"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = _("Câu hỏi thường gặp")


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, default="Câu hỏi thường gặp")
    items = blocks.ListBlock(FaqItemBlock(), label=_("Câu hỏi"))

    class Meta:
        icon = "list-ul"
        label = _("Hỏi đáp (accordion)")
        template = "blocks/faq_block.html"


class TableBlock(TypedTableBlock):
    text = blocks.CharBlock(label=_("Văn bản"), required=False)
    number = blocks.DecimalBlock(label=_("Số"), required=False)
    rich_text = blocks.RichTextBlock(label=_("Văn bản định dạng"), features=["bold", "italic", "link"], required=False)

    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "blocks/table_block.html"


def first_image(stream):
    """The image of the first image block in a StreamField value, or None."""
    for block in stream:
        if block.block_type == "image":
            return block.value["image"]
    return None


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "blockquote"],
        template="blocks/paragraph_block.html",
    )
    image = AccessibleImageBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()
    table = TableBlock()
