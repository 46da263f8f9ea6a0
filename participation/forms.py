"""The public comment form of a consultation."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.uploads import DOCUMENT_TYPES, check_upload

from .models import ConsultationComment
from .spam import ProtectedFormMixin

TEXT_MAX_LENGTH = 5000


class DescribedFieldsMixin:
    """Links each input to its help text and error messages (aria-describedby), for screen readers.

    Matches templates/participation/includes/field.html, which gives them these ids.
    """

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def describe_fields(self):
        for name, field in self.fields.items():
            bound = self[name]
            ids = [f"{bound.auto_id}-help"] if field.help_text else []
            if self.is_bound and name in self.errors:
                ids.append(f"{bound.auto_id}-errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class CommentForm(DescribedFieldsMixin, ProtectedFormMixin, forms.ModelForm):
    rate_limit_scope = "consultation-comment"

    article = forms.ChoiceField(label=_("Góp ý cho"), required=False)

    class Meta:
        model = ConsultationComment
        fields = ["name", "organisation", "email", "text", "attachment"]
        labels = {"organisation": _("Cơ quan, tổ chức (nếu có)"), "attachment": _("Tệp đính kèm (nếu có)")}
        help_texts = {
            "email": _("Chỉ cơ quan soạn thảo thấy địa chỉ này, không bao giờ đăng công khai."),
        }
        error_messages = {
            "name": {"required": _("Vui lòng nhập họ và tên.")},
            "email": {
                "required": _("Vui lòng nhập địa chỉ thư điện tử."),
                "invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.vn)."),
            },
            "text": {"required": _("Vui lòng nhập nội dung góp ý.")},
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 8, "maxlength": TEXT_MAX_LENGTH})}

    def __init__(self, *args, consultation, **kwargs):
        self.consultation = consultation
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = [("", _("Toàn bộ dự thảo"))] + [
            (block_id, value.heading()) for block_id, value in consultation.articles
        ]
        self.fields["article"].error_messages["invalid_choice"] = _("Điều, khoản được chọn không có trong dự thảo.")
        self.fields["attachment"].help_text = _("PDF, DOC, DOCX hoặc ODT; tối đa %(size)s.") % {
            "size": filesizeformat(settings.PARTICIPATION_ATTACHMENT_MAX_SIZE)
        }
        self.fields["text"].max_length = TEXT_MAX_LENGTH
        self.fields["text"].validators.append(forms.fields.validators.MaxLengthValidator(TEXT_MAX_LENGTH))
        self.fields["text"].error_messages["max_length"] = _(
            "Nội dung góp ý dài tối đa %(limit_value)s ký tự (đang có %(show_value)s ký tự). "
            "Nội dung dài hơn xin gửi dưới dạng tệp đính kèm."
        )
        for name in ("name", "email", "text"):
            self.fields[name].widget.attrs["autocomplete"] = {"name": "name", "email": "email"}.get(name, "off")
        self.order_fields(["article", "name", "organisation", "email", "text", "attachment"])
        self.describe_fields()

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(self.fields["text"].error_messages["required"], code="required")
        return text

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if uploaded:
            allowed = {ext: DOCUMENT_TYPES[ext] for ext in ("pdf", "doc", "docx", "odt")}
            check_upload(uploaded, allowed, settings.PARTICIPATION_ATTACHMENT_MAX_SIZE)
        return uploaded

    def save(self, commit=True):
        comment = super().save(commit=False)
        comment.consultation = self.consultation
        comment.article_key = self.cleaned_data["article"]
        comment.article_label = self.consultation.article_label(comment.article_key)
        if commit:
            comment.save()
        return comment
