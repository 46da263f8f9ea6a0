"""The province search offers each agency as a facet, and links an agency's directive on its own host."""

import datetime

from django.test import Client

from directives.models import DirectiveIndexPage, DirectivePage, DocumentType
from home.models import StandardPage

from .test_hosts_and_cache import publish_news


def search(**params):
    return Client(raise_request_exception=False).get("/tim-kiem/", params, HTTP_HOST="testserver").content.decode()


def test_the_province_search_filters_by_agency_and_links_directives_on_their_agencys_host(home_page, justice):
    index = DirectiveIndexPage.objects.descendant_of(justice.site.root_page).get()
    directive = DirectivePage(
        title="Kế hoạch đăng ký hộ tịch trực tuyến",
        slug="ke-hoach-ho-tich-truc-tuyen",
        number="12/KH-STP",
        doc_type=DocumentType.objects.get_or_create(name="Kế hoạch", defaults={"code": "KH"})[0],
        issuing_body=justice.issuing_body,
        issued_on=datetime.date(2026, 1, 15),
        summary="Kế hoạch đăng ký hộ tịch trực tuyến",
    )
    index.add_child(instance=directive)
    directive.save_revision().publish()
    publish_news(justice, "Sở Tư pháp tập huấn hộ tịch")
    province_page = StandardPage(title="Hộ tịch tại tỉnh", slug="ho-tich-tai-tinh")
    home_page.add_child(instance=province_page)
    province_page.save_revision().publish()

    everything = search(q="hộ tịch")
    agency = justice.issuing_body.slug
    # One option for the agency, counting its directive and its news alike.
    assert f"agency={agency}" in everything
    assert "Sở Tư pháp (2)" in everything

    only_agency = search(q="hộ tịch", agency=agency)
    assert "Kế hoạch đăng ký hộ tịch trực tuyến" in only_agency
    assert "Sở Tư pháp tập huấn hộ tịch" in only_agency
    assert "Hộ tịch tại tỉnh" not in only_agency
    assert "http://sotuphap.localhost/van-ban-chi-dao-dieu-hanh/ke-hoach-ho-tich-truc-tuyen/" in only_agency
