"""Register entries follow their directive page through the real page lifecycle."""

import datetime

import pytest
from wagtail.models import Page

from directives.models import RegisterEntry
from directives.register_import import import_register

pytestmark = pytest.mark.django_db


def test_publishing_a_directive_links_its_register_entry(make_entry, make_directive):
    entry = make_entry("07/KH-UBND")
    page = make_directive("07/KH-UBND")
    entry.refresh_from_db()
    assert entry.directive is None  # a draft is not on the portal
    page.save_revision().publish()
    entry.refresh_from_db()
    assert entry.directive_id == page.pk


def test_numbers_match_regardless_of_case_accents_spaces_and_leading_zeros(make_entry, make_directive):
    entry = make_entry("7/qđ-ubnd")
    make_directive("07/QĐ-UBND", published_on=datetime.date(2011, 3, 15))
    entry.refresh_from_db()
    assert entry.directive is not None


def test_same_number_of_another_year_or_issuer_is_not_linked(make_entry, make_directive, office):
    other_year = make_entry("07/KH-UBND", issued_on=datetime.date(2012, 3, 1))
    other_issuer = make_entry("07/KH-UBND", issuer=office)
    make_directive("07/KH-UBND", published_on=datetime.date(2011, 3, 15))
    assert RegisterEntry.objects.filter(pk__in=[other_year.pk, other_issuer.pk], directive__isnull=False).count() == 0


def test_unpublishing_a_directive_unlinks_its_entry(make_entry, make_directive):
    entry = make_entry()
    page = make_directive(published_on=datetime.date(2011, 3, 15))
    page.unpublish()
    entry.refresh_from_db()
    assert entry.directive is None


def test_deleting_a_directive_unlinks_its_entry_and_keeps_the_entry(make_entry, make_directive):
    entry = make_entry()
    page = make_directive(published_on=datetime.date(2011, 3, 15))
    Page.objects.get(pk=page.pk).delete()
    entry.refresh_from_db()
    assert entry.directive is None and not entry.linked_by_hand


def test_importing_the_register_after_publication_links_existing_pages(make_directive, province, plan_type):
    page = make_directive(published_on=datetime.date(2011, 3, 15))
    data = "number,doc_type,title,issuer,signer,issued_on\n07/KH-UBND,KH,Ứng dụng CNTT,UBND tỉnh,,14/03/2011\n"
    result = import_register(data.encode(), "so.csv")
    assert result.linked == 1
    assert RegisterEntry.objects.get().directive_id == page.pk


def test_staff_link_by_hand_when_numbers_differ_and_the_link_survives_unpublishing(
    admin_client, make_entry, make_directive, province, plan_type
):
    entry = make_entry("7/KH-VP")  # the clerk wrote the number differently
    page = make_directive("07/KH-UBND", published_on=datetime.date(2011, 3, 15))
    response = admin_client.post(
        f"/admin/snippets/directives/registerentry/edit/{entry.pk}/",
        {
            "number": entry.number,
            "doc_type": plan_type.pk,
            "title": entry.title,
            "issuer": province.pk,
            "signer": "",
            "issued_on": "2011-03-14",
            "directive": page.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert entry.directive_id == page.pk and entry.linked_by_hand
    page.unpublish()
    entry.refresh_from_db()
    assert entry.directive_id == page.pk
    assert not entry.on_portal


def test_an_import_links_each_entry_to_the_page_of_its_own_issuer_and_year(make_directive, office, plan_type):
    page_2011 = make_directive(published_on=datetime.date(2011, 3, 15))
    make_directive(
        issued_on=datetime.date(2012, 3, 14), slug="07-kh-ubnd-2012", published_on=datetime.date(2012, 3, 15)
    )
    data = (
        "number,doc_type,title,issuer,signer,issued_on\n"
        "07/KH-UBND,KH,Ứng dụng CNTT,UBND tỉnh,,14/03/2011\n"
        "07/KH-UBND,KH,Ứng dụng CNTT,VP UBND tỉnh,,14/03/2011\n"  # same number, another issuer
        "07/KH-UBND,KH,Ứng dụng CNTT,UBND tỉnh,,14/03/2013\n"  # same number, a year without a page
    )
    result = import_register(data.encode(), "so.csv")
    assert (result.created, result.linked) == (3, 1)
    linked = RegisterEntry.objects.exclude(directive=None).get()
    assert (linked.directive_id, linked.issuer.short_name, linked.year) == (page_2011.pk, "UBND tỉnh", 2011)
