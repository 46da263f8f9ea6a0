"""The public directive listing: filters read from the URL, so a search can be shared and works without JS.

Invalid values (junk parameters) are dropped one by one, never turned into an error page.
"""

import hashlib
from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from portal.cache import remember
from portal.vietnamese import fold
from portal.widgets import PlainSelect
from services.browse import facet_counts

from .models import DirectiveStatus, DocumentType, Field, IssuingBody
from .status import status_expression

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

    def clean_q(self):
        # The search's own cleaning: control characters would also break the feed's XML.
        from search.results import clean_query

        return clean_query(self.cleaned_data["q"])

    def valid_values(self):
        """The filters that validated; bad ones are ignored rather than failing the page."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


FACETS = ["loai", "co_quan", "linh_vuc", "nam", "tinh_trang"]


def narrow(queryset, values):
    """``queryset`` limited by the filters in ``values``; annotated with the status when it filters by it."""
    if values.get("loai"):
        queryset = queryset.filter(doc_type_id=values["loai"].pk)
    if values.get("co_quan"):
        queryset = queryset.filter(issuing_body_id=values["co_quan"].pk)
    if values.get("linh_vuc"):
        queryset = queryset.filter(fields=values["linh_vuc"].pk)
    if values.get("nam"):
        queryset = queryset.filter(issued_on__year=values["nam"])
    if values.get("tinh_trang"):
        queryset = queryset.with_current_status(values["tinh_trang"])
    for word in fold(values.get("q", "")).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def filter_directives(queryset, values):
    # Every directive carries the status readers see, so the list, the CSV and the feeds show it.
    queryset = narrow(queryset.with_status(), values)
    # No distinct(): the one filter across a many-to-many (linh_vuc) takes a single field, so it
    # cannot repeat a directive, and DISTINCT over 100,000 pages would cost more than the page itself.
    return queryset.newest_first()


def _counts(queryset, expression):
    """{value: number of directives} in one grouped query."""
    rows = queryset.order_by().annotate(facet_value=expression).values("facet_value").annotate(n=Count("pk"))
    return {row["facet_value"]: row["n"] for row in rows}


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
        self._results = filter_directives(queryset.select_related("doc_type", "issuing_body"), self.values)
        self.query = self._query(self.values)
        self._count_options(queryset, scope)

    @cached_property
    def page(self):
        """The page of results; read only when the template renders them afresh (``{% remembered %}``)."""
        return Paginator(self._results, PER_PAGE).get_page(self.request.GET.get("trang"))

    @property
    def page_number(self):
        """The page asked for, as the results' kept rendering is named: junk is the first page, as
        the paginator reads it."""
        number = self.request.GET.get("trang", "")
        return int(number) if number.isdigit() and int(number) > 0 else 1

    def _count_options(self, queryset, scope):
        """Label every option with how many directives it would show with the other filters kept.

        The procedure finder's counting (services.browse.facet_counts): one grouped query per facet.
        Over 100,000 directives those queries are most of the page's cost, and the counts change only
        when content does, so they are kept for the content generation, per listing and filter set.
        """
        keyword = {"q": self.values["q"]} if self.values.get("q") else {}
        selected = {name: self._key(name, value) for name, value in self.values.items() if name in FACETS}
        facets = [(name, self.form.fields[name].label) for name in FACETS]

        def count():
            return {
                facet.name: [(option.value, f"{option.label} ({option.count})") for option in facet.options]
                for facet in facet_counts(narrow(queryset, keyword), selected, facets, self._apply, self._options)
            }

        filters = hashlib.sha256(urlencode(sorted({**selected, **keyword}.items())).encode()).hexdigest()[:32]
        site = Site.find_for_request(self.request)
        for name, choices in remember(f"directive-facets:{scope}:{filters}", count, site=site).items():
            self.form.fields[name].choices = [("", _("Tất cả")), *choices]

    @staticmethod
    def _key(name, value):
        return str(getattr(value, "slug", value))

    def _apply(self, queryset, name, _key):
        return narrow(queryset, {name: self.values[name]})

    def _options(self, queryset, name):
        if name == "tinh_trang":
            counts = _counts(queryset, status_expression())
            return [(value, label, counts.get(value, 0)) for value, label in DirectiveStatus.choices]
        if name == "nam":
            counts = _counts(queryset, ExtractYear("issued_on"))
            return [(str(year), str(year), counts[year]) for year in sorted(filter(None, counts), reverse=True)]
        column = {"loai": "doc_type_id", "co_quan": "issuing_body_id", "linh_vuc": "fields"}[name]
        counts = _counts(queryset, F(column))
        return [(option.slug, option.name, counts.get(option.pk, 0)) for option in self.form.fields[name].options()]

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
