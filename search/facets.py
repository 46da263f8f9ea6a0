"""The search facets, and how a page type declares what it contributes to them and to sorting by date.

A page type lists its facets in ``search_facets``, e.g. ``[SearchFacet("field", "fields"),
SearchFacet("year", "issued_on")]``: each names a facet of ``FACETS`` and the foreign key,
many-to-many, choice or date field (or a callable) holding the page's values. A page type
without a declaration contributes only its content type and the year it was first published;
nothing here guesses attribute names.
A page of a sub-portal that declares no agency (news, a guide) counts under the
sub-portal's issuing body, so the province search can narrow to one agency's pages.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import ForeignKey, ManyToManyField, Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import vietnamese
from portal.cache import remember

FACETS = [
    ("type", _("Loại nội dung")),
    ("field", _("Lĩnh vực")),
    ("agency", _("Cơ quan")),
    ("level", _("Mức độ dịch vụ công")),
    ("year", _("Năm")),
]
FACET_NAMES = [name for name, _label in FACETS]

# Facets every page has, which no page type declares.
_UNDECLARED = {"type"}
# Many-to-many values fetched for facets land in a plain list under this prefix: Django then
# skips building a related manager and queryset per page (half the loading time for 300 results).
_PREFETCHED = "prefetched_for_facets_"


@dataclass
class FacetOption:
    key: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


@dataclass(frozen=True)
class SearchFacet:
    """One facet a page type declares in ``search_facets``: which facet, and where its values are.

    ``source`` is the name of a foreign key, many-to-many, choice or date field of the page, or a
    callable taking the page and returning a value, a list of values or None. The "year" facet
    names a date, which is also the date the results sort by.
    """

    name: str
    source: str | Callable

    def __post_init__(self):
        if self.name not in FACET_NAMES or self.name in _UNDECLARED:
            raise ImproperlyConfigured(f"{self.name!r} is not a declarable search facet: {FACET_NAMES}")

    @property
    def label(self):
        return dict(FACETS)[self.name]

    def raw(self, page):
        """The declared value(s) as the page holds them: a list, a single value or None."""
        if callable(self.source):
            return self.source(page)
        prefetched = getattr(page, _PREFETCHED + self.source, None)
        if prefetched is not None:
            return prefetched
        value = getattr(page, self.source)
        return list(value.all()) if hasattr(value, "all") else value

    def values(self, page):
        """[(key, label), …] of this facet for ``page``."""
        value = self.raw(page)
        if value is None or value == "":
            return []
        items = value if isinstance(value, list | tuple) else [value]
        return [self._option(page, item) for item in items]

    def _option(self, page, value):
        if isinstance(value, datetime.date):
            return str(value.year), str(value.year)
        if isinstance(self.source, str):
            choices = _choice_labels(type(page), self.source, get_language())
            if choices:
                # get_FOO_display() rebuilds the choices dict on every call: too slow for 300 results.
                return value, choices.get(value, str(value))
        return option_of(value)


def option_of(value):
    """(key, label) of a snippet (its slug and name) or a plain value."""
    label = str(getattr(value, "name", value))
    return getattr(value, "slug", "") or vietnamese.slugify(label), label


def declared_facets(model):
    """The facets ``model`` declares in ``search_facets`` (none when it declares nothing)."""
    return getattr(model, "search_facets", ())


def related_names(model):
    """select_related names and prefetch_related lookups that the declared facets of ``model`` touch."""
    select, prefetch = [], []
    for facet in declared_facets(model):
        if callable(facet.source):
            continue
        try:
            model_field = model._meta.get_field(facet.source)
        except FieldDoesNotExist:  # a property: nothing to fetch ahead
            continue
        if isinstance(model_field, ForeignKey):
            select.append(facet.source)
        elif isinstance(model_field, ManyToManyField):
            prefetch.append(Prefetch(facet.source, to_attr=_PREFETCHED + facet.source))
    return select, prefetch


def _subportal_agencies():
    """((root path, (key, label)), …): each sub-portal's tree and its issuing body as a facet option."""
    from subportals.models import SubPortal

    def compute():
        rows = SubPortal.objects.select_related("site__root_page", "issuing_body")
        return tuple((row.site.root_page.path, option_of(row.issuing_body)) for row in rows)

    return remember("subportal-agencies", compute)


def page_date(page):
    """The date a citizen would sort by: the declared "year" date (issue date, news date…), else first publication."""
    for facet in declared_facets(type(page)):
        if facet.name == "year":
            value = facet.raw(page)
            if value:
                return value
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


@lru_cache(maxsize=64)
def _type_label(model, language):
    return str(model._meta.verbose_name)


@lru_cache(maxsize=64)
def _choice_labels(model, name, language):
    """{value: label} of a choice field (empty for other fields and properties)."""
    try:
        return {key: str(label) for key, label in model._meta.get_field(name).flatchoices}
    except FieldDoesNotExist:
        return {}


def facet_values(page, subportals=None):
    """{facet name: [(key, label), …]} for one specific page.

    ``subportals`` is what ``_subportal_agencies()`` returns, passed in when valuing many pages.
    """
    values = {name: [] for name in FACET_NAMES}
    values["type"] = [(page._meta.label_lower, _type_label(type(page), get_language()))]
    for facet in declared_facets(type(page)):
        if facet.name != "year":
            values[facet.name] += facet.values(page)
    if not values["agency"]:
        subportals = _subportal_agencies() if subportals is None else subportals
        values["agency"] = [option for path, option in subportals if page.path.startswith(path)][:1]
    date = page_date(page)  # the declared date, else first publication: every page has a year
    if date:
        values["year"] = [(str(date.year), str(date.year))]
    return values


def matches(values, filters, skip=None):
    """Whether a page's facet values satisfy every selected filter (except ``skip``)."""
    for name, key in filters.items():
        if name == skip:
            continue
        if key not in {option_key for option_key, _label in values[name]}:
            return False
    return True


def _selected_label(name, key):
    """A readable label for a selected option that no result has any more."""
    from services.levels import OnlineLevel

    if name == "type":
        try:
            return str(apps.get_model(key)._meta.verbose_name)
        except (LookupError, ValueError):
            pass
    if name == "level":
        return str(dict(OnlineLevel.choices).get(key, key))
    return key


def count_facets(all_values, filters):
    """Facets with counts; each facet counts under the other facets' filters, so options stay choosable."""
    facets = []
    for name, label in FACETS:
        counts, labels = {}, {}
        for values in all_values:
            if not matches(values, filters, skip=name):
                continue
            for key, option_label in values[name]:
                counts[key] = counts.get(key, 0) + 1
                labels[key] = option_label
        selected = filters.get(name)
        if selected and selected not in counts:
            counts[selected], labels[selected] = 0, _selected_label(name, selected)
        if name == "year":
            order = sorted(counts, reverse=True)
        else:
            order = sorted(counts, key=lambda key: (-counts[key], vietnamese.fold(labels[key])))
        options = [FacetOption(key, labels[key], counts[key], key == selected) for key in order]
        if options:
            facets.append(Facet(name, str(label), options))
    return facets
