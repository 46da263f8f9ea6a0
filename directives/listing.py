"""The public directive listing: filters read from the URL, so a search can be shared and works without JS.

Invalid values (junk parameters) are dropped one by one, never turned into an error page.
"""

from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from portal.cache import remember
from portal.vietnamese import fold
from portal.widgets import PlainSelect

from .models import DirectiveStatus, DocumentType, Field, IssuingBody

PER_PAGE = 20
STATUS_CHOICES = [("", _("Tất cả"))] + list(DirectiveStatus.choices)


class SnippetOption(NamedTuple):
    """A row of a reference list (document type, issuing body, field) as the filters use it."""

    pk: int
    slug: str
    name: str

    def __str__(self):
        return self.name


class SnippetChoiceField(forms.ChoiceField):
    """One row of ``model`` chosen by slug; the rows come from the structure cache, not a query per view."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(choices=self._choices_now, **kwargs)

    def options(self):
        return remember(
            f"filter-options:{self.model._meta.label_lower}",
            lambda: tuple(SnippetOption(*row) for row in self.model.objects.values_list("pk", "slug", "name")),
        )

    def _choices_now(self):
        return [("", _("Tất cả"))] + [(option.slug, option.name) for option in self.options()]

    def clean(self, value):
        slug = super().clean(value)
        return next((option for option in self.options() if option.slug == slug), None) if slug else None


class DirectiveFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    loai = SnippetChoiceField(DocumentType, label=_("Loại văn bản"), required=False, widget=PlainSelect)
    co_quan = SnippetChoiceField(IssuingBody, label=_("Cơ quan ban hành"), required=False, widget=PlainSelect)
    linh_vuc = SnippetChoiceField(Field, label=_("Lĩnh vực"), required=False, widget=PlainSelect)
    nam = forms.TypedChoiceField(
        label=_("Năm ban hành"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    tinh_trang = forms.ChoiceField(
        label=_("Tình trạng hiệu lực"), choices=STATUS_CHOICES, required=False, widget=PlainSelect
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [("", _("Tất cả"))] + [(str(year), str(year)) for year in years]

    def valid_values(self):
        """The filters that validated; bad ones are ignored rather than failing the page."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def filter_directives(queryset, values):
    if values.get("loai"):
        queryset = queryset.filter(doc_type_id=values["loai"].pk)
    if values.get("co_quan"):
        queryset = queryset.filter(issuing_body_id=values["co_quan"].pk)
    if values.get("linh_vuc"):
        queryset = queryset.filter(fields=values["linh_vuc"].pk)
    if values.get("nam"):
        queryset = queryset.filter(issued_on__year=values["nam"])
    # Every directive carries the status readers see, so the list, the CSV and the feeds show it.
    queryset = queryset.with_status()
    if values.get("tinh_trang"):
        queryset = queryset.with_current_status(values["tinh_trang"])
    for word in fold(values.get("q", "")).split():
        queryset = queryset.filter(search_text__contains=word)
    # No distinct(): the one filter across a many-to-many (linh_vuc) takes a single field, so it
    # cannot repeat a directive, and DISTINCT over 100,000 pages would cost more than the page itself.
    return queryset.newest_first()


def issue_years(queryset, scope):
    """Years with at least one directive in ``queryset``, newest first: the year filter's choices.

    Finding them reads every directive, so they are kept for the content generation under ``scope``.
    """
    return remember(
        f"directive-years:{scope}", lambda: [day.year for day in queryset.dates("issued_on", "year", order="DESC")]
    )


class DirectiveListing:
    """Everything the listing template needs: the form, the page of results and the active filters."""

    def __init__(self, request, queryset, scope):
        self.request = request
        data = request.GET.copy()
        self.form = DirectiveFilterForm(data, years=issue_years(queryset, scope))
        self.values = self.form.valid_values()
        self.ignored = sorted(name for name in self.form.errors)
        results = filter_directives(
            queryset.select_related("doc_type", "issuing_body"),
            self.values,
        )
        self.page = Paginator(results, PER_PAGE).get_page(request.GET.get("trang"))
        self.query = self._query(self.values)

    def _query(self, values, **overrides):
        params = {}
        for name, value in {**values, **overrides}.items():
            if value in (None, ""):
                continue
            params[name] = getattr(value, "slug", value)
        return urlencode(params)

    @property
    def is_filtered(self):
        return bool(self.values)

    def active_filters(self):
        """(label, value, query string without that filter) for each filter in use."""
        active = []
        for name, value in self.values.items():
            field = self.form.fields[name]
            if name == "tinh_trang":
                shown = DirectiveStatus(value).label
            else:
                shown = str(value)
            active.append((field.label, shown, self._query(self.values, **{name: None})))
        return active

    def page_query(self, number):
        return self._query(self.values, trang=number)
