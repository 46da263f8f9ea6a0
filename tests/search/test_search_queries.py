"""The search page's SQL queries do not grow with the number of results or facet options."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from bench.generate import Scale, generate

from ..bench.test_generate import index_pages  # noqa: F401 - the demo's index pages, as load_demo leaves them

pytestmark = pytest.mark.django_db

# The page's budget (bench/RESULTS.md): ranking, the live check with each page's type, the pages of
# that type, their many-to-many facet values, the hits' indexed text, and three to count the query.
BUDGET = 8


@pytest.fixture
def generated(index_pages):  # noqa: F811
    with override_settings(ALLOWED_HOSTS=["testserver", ".localhost"]):
        generate(Scale(directives=40, news=0, procedures=0, campaigns=0), stream=None, index=True)
        yield


def search_page(query):
    """(hits shown, facet options shown, SQL queries) of the search page, site structure already remembered."""
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=False):
        assert client.get("/tim-kiem/", {"q": query}).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/tim-kiem/", {"q": query})
    html = response.content.decode()
    return html.count('<li class="card">'), html.count("search_url") + html.count("?q="), len(captured)


def test_the_search_page_costs_the_same_queries_for_a_few_hits_as_for_many(generated):
    search_page("chi thi")  # the first search after generating also refills the site structure
    few_hits, few_options, few_queries = search_page("quyet dinh")  # the decisions among 40 directives
    many_hits, many_options, many_queries = search_page("nam")  # every directive ("năm 2024")
    assert few_hits < many_hits == 10
    assert many_options > few_options  # more results, more facet options (fields, agencies, years)
    assert many_queries == few_queries <= BUDGET
