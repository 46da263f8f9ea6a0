"""The citizen's forms of the Q&A desk: asking a question, and following it with its code."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from directives.models import IssuingBody
from services.models import ProcedureField

from .models import Question
from .models.questions import QUESTION_MAX_LENGTH
from .questions import CODE_LENGTH, CODE_PREFIX
from .spam import ProtectedFormMixin

phone_validator = RegexValidator(
    r"^\+?[0-9 .()-]{8,20}$", _("Số điện thoại chỉ gồm chữ số (8 đến 15 số), có thể có dấu cách, chấm hoặc gạch nối.")
)


class QuestionForm(ProtectedFormMixin, forms.ModelForm):
    rate_limit_scope = "question"

    field = forms.ModelChoiceField(
        ProcedureField.objects.all(),
        label=_("Lĩnh vực"),
        empty_label=_("— Chọn lĩnh vực —"),
        error_messages={"required": _("Vui lòng chọn lĩnh vực của câu hỏi.")},
    )
    agency = forms.ModelChoiceField(
        IssuingBody.objects.all(),
        label=_("Cơ quan trả lời"),
        required=False,
        empty_label=_("— Để Cổng chuyển tới cơ quan phù hợp —"),
    )
    text = forms.CharField(
        label=_("Nội dung câu hỏi"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Vui lòng nhập nội dung câu hỏi."),
            "max_length": _("Câu hỏi dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )
    name = forms.CharField(
        label=_("Họ và tên"), max_length=200, error_messages={"required": _("Vui lòng nhập họ và tên.")}
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        help_text=_("Mã tra cứu và câu trả lời được gửi về địa chỉ này."),
        error_messages={
            "required": _("Vui lòng nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: nguyenvana@gmail.com."),
        },
    )
    phone = forms.CharField(label=_("Điện thoại"), required=False, max_length=20, validators=[phone_validator])
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để cơ quan nhà nước xử lý dữ liệu cá nhân (họ tên, thư điện tử, điện thoại) của tôi "
            "chỉ để trả lời câu hỏi này, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân."
        ),
        error_messages={"required": _("Cần có sự đồng ý xử lý dữ liệu cá nhân để gửi câu hỏi.")},
    )

    class Meta:
        model = Question
        fields = ["field", "agency", "text", "name", "email", "phone"]


class TrackForm(forms.Form):
    # "ma" (mã): the parameter name shows in the address of a GET lookup.
    ma = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        help_text=_("Mã có dạng HD-XXXXXXXXXX, được gửi trong thư xác nhận."),
        error_messages={"required": _("Vui lòng nhập mã tra cứu.")},
    )

    def clean_ma(self):
        from .questions import normalise_code

        code = normalise_code(self.cleaned_data["ma"])
        if len(code) != len(CODE_PREFIX) + CODE_LENGTH:
            raise forms.ValidationError(_("Mã tra cứu gồm “HD-” và 10 ký tự, ví dụ HD-7K3M9Q2XWA."))
        return code
