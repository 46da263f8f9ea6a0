"""Page types declare their search facets; search reads the declaration and guesses nothing."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from directives.models import DirectivePage
from home.models import StandardPage
from search.facets import SearchFacet, related_names
from search.results import run_search
from services.models import Agency

from .conftest import add_page, reindex

pytestmark = pytest.mark.django_db


def facets_of(outcome):
    return {facet.name: {option.label: option.count for option in facet.options} for facet in outcome.facets}


def test_a_page_type_gets_the_facets_it_declares_without_editing_search(home_page, monkeypatch):
    monkeypatch.setattr(
        StandardPage,
        "search_facets",
        [
            SearchFacet("agency", lambda page: Agency(name="Sở Y tế", slug="so-y-te")),
            SearchFacet("field", lambda page: ["Y tế", "Dân số"]),
            SearchFacet("year", lambda page: datetime.date(2003, 5, 1)),
        ],
        raising=False,
    )
    add_page(home_page, "Lịch tiêm chủng mở rộng")
    reindex()
    outcome = run_search("tiem chung", {"agency": "so-y-te"})
    assert [hit.title for hit in outcome.hits] == ["Lịch tiêm chủng mở rộng"]
    assert outcome.hits[0].date == datetime.date(2003, 5, 1)  # the declared date, not the publication date
    facets = facets_of(outcome)
    assert facets["agency"] == {"Sở Y tế": 1}
    assert facets["field"] == {"Dân số": 1, "Y tế": 1}
    assert facets["year"] == {"2003": 1}


def test_a_page_type_without_a_declaration_contributes_no_facet_values(home_page, monkeypatch):
    # Attributes named like facets, but undeclared: search must not pick them up.
    monkeypatch.setattr(StandardPage, "agency", Agency(name="Sở Y tế", slug="so-y-te"), raising=False)
    monkeypatch.setattr(StandardPage, "issued_on", datetime.date(2003, 5, 1), raising=False)
    published = datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC)
    add_page(home_page, "Lịch tiêm chủng mở rộng", first_published_at=published)
    reindex()
    facets = facets_of(run_search("tiem chung"))
    assert "agency" not in facets and "field" not in facets and "level" not in facets
    assert facets["type"] == {"Trang thông tin": 1}
    assert facets["year"] == {"2024": 1}  # every page has the year it was first published


def test_what_search_fetches_ahead_follows_the_declaration(monkeypatch):
    select, prefetch = related_names(DirectivePage)
    assert select == ["issuing_body"] and [lookup.prefetch_through for lookup in prefetch] == ["fields"]
    monkeypatch.setattr(DirectivePage, "search_facets", [SearchFacet("agency", "issuing_body")])
    assert related_names(DirectivePage) == (["issuing_body"], [])
    assert related_names(StandardPage) == ([], [])


def test_declaring_an_unknown_facet_fails_at_startup():
    with pytest.raises(ImproperlyConfigured):
        SearchFacet("colour", "colour")
