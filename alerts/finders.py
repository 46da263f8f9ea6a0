"""The finders one can subscribe to, each with its filter logic borrowed from the finder itself.

A finder is registered once with its key (``?finder=`` of /dang-ky-nhan-tin/), its label, the
page types it lists, and three functions over the finder's own query parameters:
``clean(params)`` keeps the valid filters (as the finder page would), ``matches(page, filters)``
says whether a published page is one the finder would show with those filters, and
``describe(filters)`` words them for people. Consultations and Q&A join by calling ``register``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FINDERS = {}


@dataclass(frozen=True)
class Finder:
    key: str
    label: str
    page_types: Callable  # () -> tuple of page models, imported late
    clean: Callable = lambda params: {}
    matches: Callable = lambda page, filters: True
    describe_filters: Callable = lambda filters: []

    def describe(self, filters):
        parts = [f"{label}: {value}" for label, value in self.describe_filters(filters)]
        return " – ".join([str(self.label), *parts])

    def lists(self, page):
        return isinstance(page, self.page_types())


def register(finder):
    FINDERS[finder.key] = finder
    return finder


def finders_for(page):
    return [finder for finder in FINDERS.values() if finder.lists(page)]


# Directives: the listing's own form and queryset filter (directives.listing).


def _directive_form(filters):
    from directives.listing import DirectiveFilterForm

    year = filters.get("nam")
    return DirectiveFilterForm(filters, years=[year] if str(year or "").isdigit() else [])


def _directive_values(filters):
    return _directive_form(filters).valid_values()


def clean_directive_filters(params):
    from directives.listing import FACETS

    values = _directive_values({name: params.get(name, "") for name in ["q", *FACETS]})
    return {name: str(getattr(value, "slug", value)) for name, value in values.items()}


def directive_matches(page, filters):
    from directives.listing import narrow
    from directives.models import DirectivePage

    return narrow(DirectivePage.objects.filter(pk=page.pk), _directive_values(filters)).exists()


def describe_directive_filters(filters):
    from directives.status import DirectiveStatus

    form = _directive_form(filters)
    described = []
    for name, value in form.valid_values().items():
        shown = DirectiveStatus(value).label if name == "tinh_trang" else value
        described.append((form.fields[name].label, shown))
    return described


def _directive_types():
    from directives.models import DirectivePage

    return (DirectivePage,)


def _news_types():
    from directives.models import OperationalNewsPage

    return (OperationalNewsPage,)


# Procedures: the procedure finder's own validation and filters (services.browse).


def clean_procedure_filters(params):
    from services.browse import selected_filters
    from services.models import ProcedurePage

    return selected_filters(params, ProcedurePage.objects.live().public())


def procedure_matches(page, filters):
    from services.browse import apply_filters
    from services.models import ProcedurePage

    return apply_filters(ProcedurePage.objects.filter(pk=page.pk), filters).exists()


def describe_procedure_filters(filters):
    from services.browse import FACETS, _options
    from services.models import ProcedurePage

    labels = dict(FACETS)
    described = []
    for name, value in filters.items():
        if name not in labels:
            continue
        options = {option[0]: option[1] for option in _options(ProcedurePage.objects.live(), name)}
        described.append((labels[name], options.get(value, value)))
    return described


def _procedure_types():
    from services.models import ProcedurePage

    return (ProcedurePage,)


register(
    Finder(
        "directives",
        _("Văn bản chỉ đạo, điều hành"),
        _directive_types,
        clean=clean_directive_filters,
        matches=directive_matches,
        describe_filters=describe_directive_filters,
    )
)
register(Finder("news", _("Tin chỉ đạo, điều hành"), _news_types))
register(
    Finder(
        "procedures",
        _("Thủ tục hành chính"),
        _procedure_types,
        clean=clean_procedure_filters,
        matches=procedure_matches,
        describe_filters=describe_procedure_filters,
    )
)


def choices():
    return [(finder.key, finder.label) for finder in FINDERS.values()]
