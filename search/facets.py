"""What each kind of page contributes to the search facets and to sorting by date.

The content apps keep their own field names (``ProcedurePage.field``,
``DirectivePage.fields``, ``issuing_body``, ``agency``…); this module is the one
place that reads them for search, so the page models need no search-specific code.
A page of a sub-portal with no agency of its own (news, a guide) counts under the
sub-portal's issuing body, so the province search can narrow to one agency's pages.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
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

# Attribute names, in order of preference, that hold a page's facet values.
_FIELD_ATTRS = ("field", "fields")
_AGENCY_ATTRS = ("agency", "issuing_body")
_DATE_ATTRS = ("issued_on", "date")
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


def related_names(model):
    """select_related names and prefetch_related lookups that facet extraction touches on ``model``."""
    select, prefetch = [], []
    for name in _FIELD_ATTRS + _AGENCY_ATTRS:
        try:
            model_field = model._meta.get_field(name)
        except Exception:  # noqa: S112 - FieldDoesNotExist: the page type has no such facet
            continue
        if isinstance(model_field, ForeignKey):
            select.append(name)
        elif isinstance(model_field, ManyToManyField):
            prefetch.append(Prefetch(name, to_attr=_PREFETCHED + name))
    return select, prefetch


def _option(value):
    """(key, label) for a snippet, a choice or a plain value."""
    label = str(getattr(value, "name", value))
    key = getattr(value, "slug", "") or vietnamese.slugify(label)
    return key, label


def _values(page, attrs):
    for attr in attrs:
        prefetched = getattr(page, _PREFETCHED + attr, None)
        if prefetched is not None:
            return [_option(item) for item in prefetched]
        value = getattr(page, attr, None)
        if value is None:
            continue
        if hasattr(value, "all"):
            return [_option(item) for item in value.all()]
        return [_option(value)]
    return []


def _subportal_agencies():
    """((root path, (key, label)), …): each sub-portal's tree and its issuing body as a facet option."""
    from subportals.models import SubPortal

    def compute():
        rows = SubPortal.objects.select_related("site__root_page", "issuing_body")
        return tuple((row.site.root_page.path, _option(row.issuing_body)) for row in rows)

    return remember("subportal-agencies", compute)


def _agency(page, subportals):
    own = _values(page, _AGENCY_ATTRS)
    if own:
        return own
    return [option for path, option in subportals if page.path.startswith(path)][:1]


def page_date(page):
    """The date a citizen would sort by: issue date, news date, else first publication."""
    for attr in _DATE_ATTRS:
        value = getattr(page, attr, None)
        if value:
            return value
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


@lru_cache(maxsize=64)
def _type_label(model, language):
    return str(model._meta.verbose_name)


@lru_cache(maxsize=64)
def _choice_labels(model, name, language):
    return {key: str(label) for key, label in model._meta.get_field(name).flatchoices}


def _choice_label(page, name):
    # get_FOO_display() rebuilds the choices dict on every call: too slow for 300 results.
    value = getattr(page, name)
    return _choice_labels(type(page), name, get_language()).get(value, str(value))


def facet_values(page, subportals=None):
    """{facet name: [(key, label), …]} for one specific page.

    ``subportals`` is what ``_subportal_agencies()`` returns, passed in when valuing many pages.
    """
    values = {
        "type": [(page._meta.label_lower, _type_label(type(page), get_language()))],
        "field": _values(page, _FIELD_ATTRS),
        "agency": _agency(page, _subportal_agencies() if subportals is None else subportals),
        "level": [],
        "year": [],
    }
    if getattr(page, "online_level", None):
        values["level"] = [(page.online_level, _choice_label(page, "online_level"))]
    date = page_date(page)
    if date:
        values["year"] = [(str(date.year), str(date.year))]
    return values


def all_facet_values(pages):
    """facet_values() of each page, reading the sub-portals once."""
    subportals = _subportal_agencies()
    return [facet_values(page, subportals) for page in pages]


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
