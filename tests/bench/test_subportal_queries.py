"""With sub-portals generated, a sub-portal's public pages cost as many SQL queries as the province's."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from bench.generate import Scale, generate
from directives.models import DirectiveIndexPage, DirectivePage
from subportals.models import SubPortal

from .test_generate import index_pages  # noqa: F401 - the demo's index pages, as load_demo leaves them

pytestmark = pytest.mark.django_db

SCALE = Scale(directives=40, news=4, procedures=3, campaigns=1, subportals=3)


@pytest.fixture
def generated(index_pages):  # noqa: F811
    with override_settings(ALLOWED_HOSTS=["testserver", ".localhost"]):
        generate(SCALE, stream=None, index=False)
        yield


def queries(host, path):
    client = Client(HTTP_HOST=host)
    assert client.get(path).status_code == 200, f"{host}{path}"  # the site structure is now remembered
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def pages_of(root):
    """Paths of the site's home page, directive listing and one generated directive."""
    index = DirectiveIndexPage.objects.descendant_of(root).live().first()
    directive = DirectivePage.objects.child_of(index).live().filter(slug__startswith="vb-").first()
    return {"home": "/", "listing": index.get_url_parts()[2], "detail": directive.get_url_parts()[2]}


def test_the_generator_deals_the_directives_out_to_three_subportals(generated):
    subportals = SubPortal.objects.filter(name__startswith="Đơn vị thử nghiệm ")
    assert subportals.count() == 3
    for subportal in subportals:
        own = DirectivePage.objects.descendant_of(subportal.site.root_page).filter(slug__startswith="vb-")
        assert own.count() == 10
        assert set(own.values_list("issuing_body", flat=True)) == {subportal.issuing_body_id}


def test_a_subportal_page_costs_no_more_queries_than_the_province_page(generated):
    from wagtail.models import Site

    province = Site.objects.get(is_default_site=True)
    subportal = SubPortal.objects.get(name="Đơn vị thử nghiệm 2").site
    province_pages, subportal_pages = pages_of(province.root_page), pages_of(subportal.root_page)
    for name in ("listing", "detail"):
        assert queries(subportal.hostname, subportal_pages[name]) == queries("testserver", province_pages[name]), name
    # The province's home page shows sections a sub-portal has none of (online services), one query more.
    assert queries(subportal.hostname, "/") <= queries("testserver", "/")


def test_a_subportal_home_and_the_province_finder_cost_the_same_queries_at_3_and_30_subportals(index_pages):  # noqa: F811
    from wagtail.models import Site

    def costs():
        province = Site.objects.get(is_default_site=True)
        subportal = SubPortal.objects.get(name="Đơn vị thử nghiệm 2").site
        finder = pages_of(province.root_page)["listing"]
        return (
            queries(subportal.hostname, "/"),
            queries("testserver", finder),
            queries("testserver", finder + "?nam=2024"),
        )

    with override_settings(ALLOWED_HOSTS=["testserver", ".localhost"]):
        generate(Scale(directives=30, news=0, procedures=0, campaigns=0, subportals=3), stream=None, index=False)
        at_3 = costs()
        # Thirty sub-portals, the directives dealt out between the province and them.
        generate(Scale(directives=90, news=0, procedures=0, campaigns=0, subportals=30), stream=None, index=False)
        assert SubPortal.objects.filter(name__startswith="Đơn vị thử nghiệm ").count() == 30
        at_30 = costs()
    assert at_3 == at_30


def test_the_bench_probe_loads_a_subportals_own_pages_on_its_host(generated):
    """bench/RESULTS.md compares a sub-portal's pages with the province's at 100,000 directives."""
    from bench.probe import SUBPORTAL_PAGES, count_queries, subportal_urls

    host, urls = subportal_urls()
    assert host.endswith(".localhost") and [name for name, _path in urls] == list(SUBPORTAL_PAGES)
    counts = count_queries(urls, host=host, repeat=2)  # python -m bench.sites times them too
    assert {name: row["status"] for name, row in counts.items()} == dict.fromkeys(SUBPORTAL_PAGES, 200)
    assert all(row["median_ms"] > 0 for row in counts.values())
    index = DirectiveIndexPage.objects.get(
        url_path__startswith=SubPortal.objects.get(site__hostname=host).site.root_page.url_path
    )
    assert dict(urls)["directive_listing"].startswith(index.get_url_parts()[2])
