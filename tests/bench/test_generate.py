"""The benchmark generator at tiny scale: the counts it promises, a sound page tree, pages that render."""

import pytest
from wagtail.models import Page

from bench.generate import Scale, generate, register_file_rows
from directives.models import DirectivePage, OperationalNewsPage, RegisterEntry
from services.models import CampaignPage, ProcedurePage

pytestmark = pytest.mark.django_db

SCALE = Scale(directives=40, news=12, procedures=9, campaigns=3)


@pytest.fixture
def index_pages(home_page):
    """The four index pages the generated content goes under, as load_demo creates them."""
    from directives.models import DirectiveIndexPage, OperationalNewsIndexPage
    from home.demo import ensure_page
    from services.models import OnlineServicesPage, ProcedureIndexPage

    ensure_page(home_page, DirectiveIndexPage, "van-ban", title="Văn bản chỉ đạo, điều hành")
    ensure_page(home_page, OperationalNewsIndexPage, "tin", title="Tin chỉ đạo, điều hành")
    ensure_page(home_page, ProcedureIndexPage, "thu-tuc", title="Thủ tục hành chính")
    ensure_page(home_page, OnlineServicesPage, "dich-vu-cong", title="Dịch vụ công trực tuyến")


@pytest.fixture
def generated(index_pages):
    before = {
        "directives": DirectivePage.objects.count(),
        "news": OperationalNewsPage.objects.count(),
        "procedures": ProcedurePage.objects.count(),
        "campaigns": CampaignPage.objects.count(),
        "register": RegisterEntry.objects.count(),
    }
    report = generate(SCALE, stream=None, index=False)
    return before, report


def test_generator_adds_the_requested_live_pages_and_register_entries(generated):
    before, report = generated
    assert DirectivePage.objects.live().count() == before["directives"] + 40
    assert OperationalNewsPage.objects.live().count() == before["news"] + 12
    assert ProcedurePage.objects.live().count() == before["procedures"] + 9
    assert CampaignPage.objects.live().count() == before["campaigns"] + 3
    # One entry per generated directive, linked to it, plus a quarter issued but never published.
    assert RegisterEntry.objects.count() == before["register"] + 40 + 10
    assert RegisterEntry.objects.filter(directive__slug__startswith="vb-").count() == 40
    assert report.counts["directives"] == 40


def test_generated_pages_form_a_sound_tree_that_wagtail_serves(generated, client):
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    directive = DirectivePage.objects.filter(slug__startswith="vb-").order_by("-pk").first()
    response = client.get(directive.url)
    assert response.status_code == 200
    assert directive.number in response.content.decode()
    procedure = ProcedurePage.objects.filter(slug__startswith="tthc-").first()
    assert client.get(procedure.url).status_code == 200


def test_running_the_generator_again_tops_up_instead_of_duplicating(generated):
    before, _report = generated
    report = generate(Scale(directives=45, news=12, procedures=9, campaigns=3), stream=None, index=False)
    assert report.counts["directives"] == 5
    assert report.counts["news"] == 0
    assert DirectivePage.objects.count() == before["directives"] + 45


def test_register_file_rows_use_numbers_no_directive_has(generated):
    from bench.generate import ensure_reference_lists

    bodies, doc_types, *_ = ensure_reference_lists()
    rows = register_file_rows(50, bodies, doc_types)
    numbers = {row["number"] for row in rows}
    assert len(numbers) == 50
    assert not RegisterEntry.objects.filter(number__in=numbers).exists()
