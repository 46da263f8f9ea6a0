"""Automatic indicators follow the portal's own data through the real page lifecycle."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from indicators.models import AutomaticSource, Measurement, Source

pytestmark = pytest.mark.django_db


def overall_rates(indicator, year):
    """Every stored overall figure of the cumulative period ending in ``year``, oldest first."""
    return list(
        indicator.measurements.overall()
        .filter(period_end=datetime.date(year, 12, 31))
        .chronological()
        .values_list("value", flat=True)
    )


def test_publishing_a_directive_raises_the_rate_and_unpublishing_lowers_it(
    directive_rate, register_entry, this_year, admin_client
):
    register_entry(published=True)
    register_entry(published=True)
    register_entry(published=True)
    _, page = register_entry(published=False)
    call_command("refresh_indicators", stdout=io.StringIO())
    history = overall_rates(directive_rate, this_year)
    assert history[-1] == Decimal("75.0")

    page.get_latest_revision().publish()
    assert overall_rates(directive_rate, this_year) == [*history, Decimal("100.0")]

    response = admin_client.post(f"/admin/pages/{page.pk}/unpublish/")  # as staff do it
    assert response.status_code == 302
    # History is kept: the earlier figures stay, the new one is the current value.
    assert overall_rates(directive_rate, this_year) == [*history, Decimal("100.0"), Decimal("75.0")]
    directive_rate.refresh_from_db()
    assert directive_rate.latest.value == Decimal("75.0")
    assert directive_rate.latest.source == Source.AUTOMATIC
    assert "100%" in directive_rate.latest.note  # says which figure it replaces


def test_deleting_a_published_directive_lowers_the_rate(directive_rate, register_entry, this_year):
    register_entry(published=True)
    _, page = register_entry(published=True)
    assert overall_rates(directive_rate, this_year)[-1] == Decimal("100.0")
    page.refresh_from_db()
    page.delete()
    assert overall_rates(directive_rate, this_year)[-1] == Decimal("50.0")


def test_importing_the_register_refreshes_the_rate(directive_rate, register_entry, directives_setup, this_year):
    from directives.models import RegisterEntry
    from directives.signals import register_imported

    register_entry(published=True)
    assert overall_rates(directive_rate, this_year) == [Decimal("100.0")]
    RegisterEntry.objects.create(
        number="99/KH-UBND",
        doc_type=directives_setup["doc_type"],
        title="Kế hoạch chưa đăng",
        issuer=directives_setup["body"],
        issued_on=datetime.date(this_year, 2, 1),
    )
    assert overall_rates(directive_rate, this_year) == [Decimal("100.0")]  # not refreshed yet
    register_imported.send(sender=RegisterEntry)
    assert overall_rates(directive_rate, this_year) == [Decimal("100.0"), Decimal("50.0")]


def test_a_refresh_that_finds_nothing_new_stores_nothing(directive_rate, register_entry):
    register_entry(published=True)
    count = Measurement.objects.count()
    call_command("refresh_indicators", stdout=io.StringIO())
    call_command("refresh_indicators", stdout=io.StringIO())
    assert Measurement.objects.count() == count
    directive_rate.refresh_from_db()
    assert directive_rate.last_refreshed_at is not None


def test_a_late_publication_adds_a_figure_to_a_past_period_without_erasing_the_old_one(
    directive_rate, register_entry, this_year
):
    last_year = this_year - 1
    register_entry(published=True, issued_on=datetime.date(last_year, 12, 31))
    _, late = register_entry(published=False, issued_on=datetime.date(last_year, 12, 30))
    call_command("refresh_indicators", stdout=io.StringIO())
    assert overall_rates(directive_rate, last_year)[-1] == Decimal("50.0")
    history = overall_rates(directive_rate, last_year)
    late.get_latest_revision().publish()  # published this year, counts for last year
    assert overall_rates(directive_rate, last_year) == [*history, Decimal("100.0")]


def test_the_rate_is_broken_down_by_issuing_body(directive_rate, register_entry, this_year):
    register_entry(published=True)
    register_entry(published=False)
    call_command("refresh_indicators", stdout=io.StringIO())
    directive_rate.refresh_from_db()
    breakdown = directive_rate.latest_breakdown()
    assert [(m.breakdown_label, m.value) for m in breakdown] == [("UBND tỉnh", Decimal("50.0"))]


def test_no_register_means_no_data_not_zero(directive_rate):
    call_command("refresh_indicators", stdout=io.StringIO())
    assert not directive_rate.measurements.exists()
    assert directive_rate.status == "no_data"


def test_publishing_a_procedure_updates_the_online_service_counts(make_indicator, make_procedure, this_year):
    level_3 = make_indicator(
        "ct-06", unit="count", target=Decimal(30), automatic_source=AutomaticSource.ONLINE_SERVICES_LEVEL_3
    )
    call_command("refresh_indicators", stdout=io.StringIO())
    before = level_3.measurements.latest("entered_at").value
    make_procedure()  # published through the page lifecycle
    latest = level_3.measurements.latest("entered_at")
    assert latest.value == before + 1
    assert latest.period_start == datetime.date(this_year, 1, 1)


def test_campaign_reach_counts_follow_throughs_and_has_no_data_before_the_counters(
    client, make_indicator, make_procedure, home_page, this_year
):
    from services.models import CampaignPage, FeaturedService, OnlineServicesPage

    reach = make_indicator(
        "ct-09", unit="count", target=Decimal(1000), automatic_source=AutomaticSource.CAMPAIGN_FOLLOW_THROUGHS
    )
    procedure = make_procedure()
    services = OnlineServicesPage(title="Dịch vụ công trực tuyến", slug="dich-vu-cong")
    home_page.add_child(instance=services)
    services.save_revision().publish()
    campaign = CampaignPage(
        title="Nộp hồ sơ không phải đi lại",
        slug="khong-phai-di-lai",
        message="Nộp hồ sơ trực tuyến",
        start_date=datetime.date(this_year, 1, 1),
    )
    campaign.featured_services.add(FeaturedService(procedure=procedure))
    services.add_child(instance=campaign)
    campaign.save_revision().publish()

    call_command("refresh_indicators", stdout=io.StringIO())
    assert not reach.measurements.exists()  # the counters have recorded nothing yet: no data, not 0

    browser = "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36"
    for _ in range(3):
        assert client.get(campaign.go_path(procedure), headers={"user-agent": browser}).status_code == 302
    call_command("refresh_indicators", stdout=io.StringIO())
    figures = {m.period_label: m.value for m in reach.measurements.all()}
    assert figures == {str(this_year): 3}  # last year, before the counters existed, stays without data


def test_after_an_import_the_publication_indicator_shows_the_new_rate_overall_and_per_body(
    directive_rate, register_entry, directives_setup, this_year
):
    from directives.models import IssuingBody
    from directives.register_import import import_register

    IssuingBody.objects.create(name="Sở Thông tin và Truyền thông", short_name="Sở TT&TT")
    register_entry(published=True)
    last_year = this_year - 1
    rows = (
        "number,doc_type,title,issuer,signer,issued_on\n"
        f"90/KH-UBND,KH,Kế hoạch chưa đăng,UBND tỉnh,,01/03/{this_year}\n"
        f"91/KH-STTTT,KH,Kế hoạch của Sở,Sở TT&TT,,01/03/{last_year}\n"
        f"92/KH-STTTT,KH,Kế hoạch của Sở,Sở TT&TT,,02/03/{last_year}\n"
    )
    import_register(rows.encode(), "so.csv")
    # Last year's period holds the department's two entries; this year's is cumulative.
    assert overall_rates(directive_rate, last_year) == [Decimal("0.0")]
    assert overall_rates(directive_rate, this_year)[-1] == Decimal("25.0")
    directive_rate.refresh_from_db()
    assert directive_rate.latest.note.startswith("1/4 văn bản")
    breakdown = {m.breakdown_label: (m.value, m.note.split(".")[0]) for m in directive_rate.latest_breakdown()}
    assert breakdown == {"UBND tỉnh": (Decimal("50.0"), "1/2 văn bản"), "Sở TT&TT": (Decimal("0.0"), "0/2 văn bản")}


def test_a_subportals_publications_move_its_own_row_of_the_breakdown_on_the_detail_page(
    directive_rate, register_entry, directives_setup, tracker, this_year, client, settings
):
    from directives.models import DirectiveIndexPage, DirectivePage, RegisterEntry
    from subportals.creating import create_subportal

    settings.ALLOWED_HOSTS = ["testserver", ".localhost"]
    justice = create_subportal(
        name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department"
    ).subportal
    register_entry(published=True)
    issued_on = datetime.date(this_year, 2, 3)
    for number in ("12/KH-STP", "13/KH-STP"):
        RegisterEntry.objects.create(
            number=number,
            doc_type=directives_setup["doc_type"],
            title=f"Kế hoạch số {number}",
            issuer=justice.issuing_body,
            issued_on=issued_on,
        )
    page = DirectivePage(
        title="Kế hoạch phổ biến pháp luật",
        number="12/KH-STP",
        doc_type=directives_setup["doc_type"],
        issuing_body=justice.issuing_body,
        issued_on=issued_on,
        summary="Trích yếu",
        live=False,
    )
    DirectiveIndexPage.objects.descendant_of(justice.site.root_page).get().add_child(instance=page)

    def row():
        detail = client.get(f"{tracker.url}chi-tieu/{directive_rate.code}/").content.decode()
        table = detail[detail.index('id="breakdown-caption"') :]
        return table[table.index('<th scope="row">STP</th>') :].split("</tr>")[0]

    page.save_revision().publish()
    assert row() == '<th scope="row">STP</th><td>50%</td><td>1/2 văn bản.</td>'

    DirectivePage.objects.get(pk=page.pk).unpublish()
    assert row().startswith('<th scope="row">STP</th><td>0%</td><td>0/2 văn bản.')
