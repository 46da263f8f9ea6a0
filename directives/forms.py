"""Admin forms: the register upload, the report filters and the register entry editor."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import metrics
from .models import IssuingBody

MAX_REGISTER_FILE_SIZE = 10 * 1024 * 1024
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class RegisterEntryForm(WagtailAdminModelForm):
    def save(self, commit=True):
        # A page chosen by hand is remembered so that unpublishing does not drop it.
        if "directive" in self.changed_data:
            self.instance.linked_by_hand = self.instance.directive_id is not None
        return super().save(commit=commit)


class RegisterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp sổ theo dõi"),
        help_text=_(
            "CSV (UTF-8, có hoặc không có BOM) hoặc XLSX, dòng đầu là tiêu đề: "
            "number, doc_type, title, issuer, signer, issued_on (dd/mm/yyyy hoặc yyyy-mm-dd)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Chỉ nhận tệp .csv hoặc .xlsx."))
        if upload.size > MAX_REGISTER_FILE_SIZE:
            raise forms.ValidationError(_("Tệp lớn hơn 10 MB; hãy chia thành nhiều tệp."))
        return upload


PERIOD_CHOICES = [
    ("quarter", _("Quý")),
    ("month", _("Tháng")),
    ("year", _("Năm")),
    ("range", _("Khoảng ngày")),
]


class PublicationReportForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=PERIOD_CHOICES, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    quarter = forms.TypedChoiceField(
        label=_("Quý"), choices=[(q, q) for q in range(1, 5)], coerce=int, required=False, empty_value=None
    )
    month = forms.TypedChoiceField(
        label=_("Tháng"), choices=[(m, m) for m in range(1, 13)], coerce=int, required=False, empty_value=None
    )
    start = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    issuing_body = forms.ModelChoiceField(
        IssuingBody.objects.all(), label=_("Cơ quan ban hành"), required=False, empty_label=_("Tất cả")
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period") == "range":
            start, end = cleaned.get("start"), cleaned.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Chọn cả ngày bắt đầu và ngày kết thúc."))
            if end < start:
                raise forms.ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
        return cleaned

    def get_period(self):
        """The chosen period; the current quarter when the form is empty or invalid."""
        today = timezone.localdate()
        if not self.is_bound or not self.is_valid():
            return metrics.quarter_of(today)
        data = self.cleaned_data
        year = data.get("year") or today.year
        kind = data.get("period") or "quarter"
        if kind == "year":
            return metrics.year(year)
        if kind == "month":
            return metrics.month(year, data.get("month") or today.month)
        if kind == "range":
            return metrics.date_range(data["start"], data["end"])
        default_quarter = (today.month - 1) // 3 + 1 if year == today.year else 4
        return metrics.quarter(year, data.get("quarter") or default_quarter)

    def get_issuing_body(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("issuing_body")
        return None


def format_date(day):
    return day.strftime("%d/%m/%Y") if isinstance(day, datetime.date) else ""
