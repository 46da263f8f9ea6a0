from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from . import finders
from .models import Frequency


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Địa chỉ e-mail"),
        max_length=254,
        error_messages={
            "required": _("Vui lòng nhập địa chỉ e-mail."),
            "invalid": _("Địa chỉ e-mail chưa đúng, ví dụ đúng: ten@example.vn."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("Tần suất nhận tin"), choices=Frequency.choices, initial=Frequency.IMMEDIATE, widget=forms.RadioSelect
    )
    finder = forms.ChoiceField(
        label=_("Chủ đề"),
        choices=finders.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vui lòng chọn chủ đề muốn nhận tin.")},
    )
    # The finder's filters as its own query string, carried from the finder page.
    bo_loc = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def topic(self):
        """(finder, filters) of a valid form: the filters the finder itself accepts, the rest dropped."""
        finder = finders.FINDERS[self.cleaned_data["finder"]]
        return finder, finder.clean(QueryDict(self.cleaned_data["bo_loc"]))


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Tần suất nhận tin"), choices=Frequency.choices, widget=forms.RadioSelect)
