"""Upload checks for documents and images: by content, not only by extension, and by size.

Wagtail picks these forms up through WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE, so single uploads, multiple uploads and file
replacement in the admin all go through them. A renamed program (a ``.exe``
saved as ``.pdf``) is refused because its first bytes do not match.
"""

import filetype
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 (.doc, .xls)
HEAD_BYTES = 8192

# Extension -> MIME types that the content may be detected as.
DOCUMENT_TYPES = {
    "pdf": {"application/pdf"},
    "doc": {"ole"},
    "xls": {"ole"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
}
IMAGE_TYPES = {
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
    "gif": {"image/gif"},
    "webp": {"image/webp"},
    "avif": {"image/avif"},
}


def read_head(uploaded):
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(position)
    return head


def detected_type(head):
    if head.startswith(OLE_SIGNATURE):
        return "ole"
    kind = filetype.guess(head)
    return kind.mime if kind else None


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(uploaded, allowed_types, max_size):
    """Raise a Vietnamese ValidationError unless the file's bytes match its extension and size."""
    if uploaded.size is not None and uploaded.size > max_size:
        raise forms.ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s). Dung lượng tối đa cho phép là %(max)s."),
            code="file_too_large",
            params={"name": uploaded.name, "size": filesizeformat(uploaded.size), "max": filesizeformat(max_size)},
        )
    extension = extension_of(uploaded.name)
    if not extension:
        raise forms.ValidationError(
            _("Tệp “%(name)s” không có đuôi (như .pdf). Các định dạng được phép: %(allowed)s."),
            code="missing_extension",
            params={"name": uploaded.name, "allowed": ", ".join(sorted(allowed_types))},
        )
    if extension not in allowed_types:
        raise forms.ValidationError(
            _("Không nhận tệp đuôi “.%(extension)s”. Các định dạng được phép: %(allowed)s."),
            code="invalid_extension",
            params={"extension": extension, "allowed": ", ".join(sorted(allowed_types))},
        )
    if detected_type(read_head(uploaded)) not in allowed_types[extension]:
        raise forms.ValidationError(
            _(
                "Nội dung tệp “%(name)s” không phải là tệp .%(extension)s hợp lệ (đuôi tệp không khớp với nội dung). "
                "Vui lòng tải lên đúng tệp gốc."
            ),
            code="content_mismatch",
            params={"name": uploaded.name, "extension": extension},
        )


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # Wagtail's own size check runs first; say it in Vietnamese.
            field.error_messages.update(
                file_too_large=_("Tệp quá lớn (%(file_size)s). Dung lượng tối đa cho phép là %(max_filesize)s."),
                file_too_large_unknown_size=_("Tệp quá lớn. Dung lượng tối đa cho phép là %(max_filesize)s.")
                % {"max_filesize": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)},
            )

    def _update_errors(self, errors):
        # Wagtail's model clean() checks the extension again, of the file the form has just refused
        # and so never set: its message would name an empty extension ("“”") after ours.
        if "file" in self.errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            allowed = {ext: DOCUMENT_TYPES.get(ext, set()) for ext in settings.WAGTAILDOCS_EXTENSIONS}
            check_upload(uploaded, allowed, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
        return uploaded


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # Wagtail checks the format with Willow first; say it in Vietnamese.
            field.error_messages.update(
                invalid_image_extension=_("Không nhận định dạng ảnh này. Các định dạng được phép: %(allowed)s.")
                % {"allowed": ", ".join(sorted(IMAGE_TYPES))},
                invalid_image_known_format=_(
                    "Tệp không phải ảnh .%(extension)s hợp lệ: đuôi tệp không khớp với định dạng thật "
                    "(%(image_format)s)."
                ),
                invalid_image=_("Tệp tải lên không phải là ảnh hợp lệ hoặc đã bị hỏng."),
                file_too_large=_("Ảnh quá lớn (%(file_size)s). Dung lượng tối đa cho phép là %(max_filesize)s."),
                file_too_large_unknown_size=_("Ảnh quá lớn. Dung lượng tối đa cho phép là %(max_filesize)s.")
                % {"max_filesize": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)},
                file_too_many_pixels=_(
                    "Ảnh có quá nhiều điểm ảnh (%(num_pixels)s). Tối đa cho phép %(max_pixels_count)s."
                ),
            )

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_upload(uploaded, IMAGE_TYPES, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        return uploaded
