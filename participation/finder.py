"""Filters of the “Lấy ý kiến dự thảo” finder, shared by the listing and its feed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directives.models import IssuingBody
from portal.vietnamese import fold

from .lifecycle import ConsultationState


class ConsultationFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    tinh_trang = forms.ChoiceField(
        label=_("Tình trạng"), required=False, choices=[("", _("Tất cả"))] + ConsultationState.choices
    )
    co_quan = forms.ModelChoiceField(
        label=_("Cơ quan soạn thảo"),
        required=False,
        queryset=IssuingBody.objects.none(),
        to_field_name="slug",
        empty_label=_("Tất cả"),
    )

    def __init__(self, data, consultations):
        self.consultations = consultations
        super().__init__(data)
        body_ids = consultations.values("drafting_body")
        self.fields["co_quan"].queryset = IssuingBody.objects.filter(pk__in=body_ids).order_by("name")

    def clean_q(self):
        # The search's own cleaning: control characters would also break the feed's XML.
        from search.results import clean_query

        return clean_query(self.cleaned_data["q"])

    def filtered(self):
        """The consultations matching the valid filters; a bad value is ignored, never an error page.

        Each filter on its own, as the directive finder does: a stale agency in a shared link must not
        throw away the keyword the citizen typed.
        """
        consultations = self.consultations
        self.is_valid()  # fills cleaned_data with the fields that validated
        valid = self.cleaned_data
        if valid.get("tinh_trang"):
            consultations = consultations.in_state(valid["tinh_trang"])
        if valid.get("co_quan"):
            consultations = consultations.filter(drafting_body=valid["co_quan"])
        if words := fold(valid.get("q", "")).split():
            # Accent-free, over title and summary: a province's drafts are a few hundred rows at most.
            matching = [
                pk
                for pk, title, summary in consultations.values_list("pk", "title", "summary")
                if all(word in fold(f"{title} {summary}") for word in words)
            ]
            consultations = consultations.filter(pk__in=matching)
        return consultations
