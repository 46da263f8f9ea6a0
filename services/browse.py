"""Browsing procedures with facet counts; unknown or junk parameters are ignored, never an error."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.vietnamese import fold

from .choices import AdminLevel, Applicants
from .levels import OnlineLevel

PAGE_SIZE = 20


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


FACETS = [
    ("doi_tuong", _("Đối tượng")),
    ("linh_vuc", _("Lĩnh vực")),
    ("co_quan", _("Cơ quan thực hiện")),
    ("cap", _("Cấp thực hiện")),
    ("muc_do", _("Mức độ dịch vụ công")),
]

APPLICANT_CHOICES = [(Applicants.CITIZEN, _("Công dân")), (Applicants.BUSINESS, _("Tổ chức, doanh nghiệp"))]


def _apply(procedures, name, value):
    if name == "doi_tuong":
        return procedures.for_applicant(value)
    if name == "linh_vuc":
        return procedures.filter(field__slug=value)
    if name == "co_quan":
        return procedures.filter(agency__slug=value)
    if name == "cap":
        return procedures.filter(admin_level=value)
    if name == "muc_do":
        return procedures.filter(online_level=value)
    return procedures


def apply_filters(procedures, selected):
    """``procedures`` narrowed by every selected filter (from ``selected_filters``)."""
    for name, value in selected.items():
        procedures = _apply(procedures, name, value)
    return procedures


def _options(procedures, name):
    """``(value, label, count)`` for each value of one facet over ``procedures``."""
    if name == "doi_tuong":
        return [(value, label, procedures.for_applicant(value).count()) for value, label in APPLICANT_CHOICES]
    if name in ("linh_vuc", "co_quan"):
        relation = "field" if name == "linh_vuc" else "agency"
        rows = procedures.order_by().values(f"{relation}__slug", f"{relation}__name").annotate(n=Count("id"))
        options = [(row[f"{relation}__slug"], row[f"{relation}__name"], row["n"]) for row in rows]
        return sorted(options, key=lambda option: fold(option[1]))
    column, choices = ("admin_level", AdminLevel.choices) if name == "cap" else ("online_level", OnlineLevel.choices)
    counts = dict(procedures.order_by().values_list(column).annotate(n=Count("id")).values_list(column, "n"))
    return [(value, label, counts.get(value, 0)) for value, label in choices]


def selected_filters(params, procedures):
    """The valid filters in ``params``: known names whose value exists; the rest is ignored."""
    selected = {}
    for name, _label in FACETS:
        value = params.get(name, "")
        if not isinstance(value, str) or not value or len(value) > 255:
            continue
        valid = {option[0] for option in _options(procedures, name)}
        if value in valid:
            selected[name] = value
    return selected


def _url(selected, name, value):
    params = dict(selected)
    if params.get(name) == value:
        params.pop(name)
    else:
        params[name] = value
    return "?" + urlencode(params) if params else "?"


def facet_counts(procedures, selected, facets=FACETS, apply=_apply, options=_options):
    """Each facet's options, counted over the items matching every *other* selected filter.

    ``facets`` is ``[(name, label)]``, ``apply(queryset, name, value)`` narrows a queryset by
    one filter and ``options(queryset, name)`` gives ``(value, label, count)`` in one grouped
    query. The procedure finder uses the defaults; other finders (the directive listing)
    pass their own, so every finder counts the same way.
    """
    counted = []
    for name, label in facets:
        base = procedures
        for other, value in selected.items():
            if other != name:
                base = apply(base, other, value)
        facet = Facet(name=name, label=label)
        for value, option_label, count in options(base, name):
            if count or selected.get(name) == value:
                facet.options.append(
                    Option(value, option_label, count, selected.get(name) == value, _url(selected, name, value))
                )
        counted.append(facet)
    return counted


def browse(procedures, params):
    """Context for the procedure index: the filtered page of results, facets and selections."""
    selected = selected_filters(params, procedures)
    results = apply_filters(procedures, selected)
    # Alphabetical as Vietnamese readers expect (Đ next to D, not after Z): sort the folded titles,
    # then load only the page shown.
    ordered = sorted(results.values_list("pk", "title"), key=lambda row: (fold(row[1]), row[1]))
    paginator = Paginator([pk for pk, _title in ordered], PAGE_SIZE)
    page = paginator.get_page(params.get("trang"))
    shown = results.select_related("field", "agency").in_bulk(page.object_list)
    page.object_list = [shown[pk] for pk in page.object_list]
    return {
        "procedures": page,
        "paginator": paginator,
        "facets": facet_counts(procedures, selected),
        "selected": selected,
        "total": paginator.count,
        "page_query": urlencode(selected),
    }


def online_services_by_field(procedures):
    """Online services grouped by field, fields and services in alphabetical order."""
    groups = {}
    for procedure in procedures.select_related("field", "agency"):
        groups.setdefault(procedure.field, []).append(procedure)
    for services in groups.values():
        services.sort(key=lambda procedure: fold(procedure.title))
    return sorted(groups.items(), key=lambda group: fold(group[0].name))
