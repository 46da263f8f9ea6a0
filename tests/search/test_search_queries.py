"""The search page's SQL queries do not grow with the number of results or facet options."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from bench.generate import Scale, generate

from ..bench.test_generate import index_pages  # noqa: F401 - the demo's index pages, as load_demo leaves them

pytestmark = pytest.mark.django_db

# The page's budget: the locale, ranking, the rows of the live candidates, the ten pages shown, their
# indexed text, and three to count the query; a first search also loads each type's cards.
BUDGET = 8


@pytest.fixture
def generated(index_pages):  # noqa: F811
    with override_settings(ALLOWED_HOSTS=["testserver", ".localhost"]):
        generate(Scale(directives=40, news=6, procedures=4, campaigns=2), stream=None, index=True)
        yield


def search_page(query):
    """(hits shown, content types offered, links with the query, SQL queries) of a repeated search.

    The first search after a change of content loads each page type among the results once; the
    pages' facet values are then kept for the content generation (search.results._cards).
    """
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=False):
        # The same search in other words (the default sort named): the page keeps each outcome per
        # query string (search.views._outcome), and this counts a search run afresh.
        assert client.get("/tim-kiem/", {"q": query, "sort": "relevance"}).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/tim-kiem/", {"q": query})
    html = response.content.decode()
    return html.count('<li class="card">'), html.count("&amp;type="), html.count("?q="), len(captured)


def test_the_search_page_costs_the_same_queries_for_a_few_hits_of_one_type_as_for_many_of_several(generated):
    search_page("chi thi")  # the first search after generating refills the site structure
    few_hits, few_types, few_links, few_queries = search_page("nghi quyet")  # the resolutions among 40 directives
    many_hits, many_types, many_links, many_queries = search_page("thu tuc")  # directives, news, procedures…
    assert few_hits < many_hits == 10
    assert few_types < many_types and few_links < many_links  # more types, more facet options
    assert many_queries == few_queries <= BUDGET
