"""The demo's compliance map, and the map kept in the admin."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from compliance import status
from compliance.models import ComplianceEntry
from home.models import OrganisationPage

from .conftest import staff

pytestmark = pytest.mark.django_db


def test_the_demo_maps_most_categories_and_leaves_something_missing_and_stale(demo):
    province = Site.objects.get(is_default_site=True)
    states = {item.category.code: item.state for item in status.site_compliance(province)}
    mapped = ComplianceEntry.objects.filter(site=province).count()
    assert mapped > len(states) / 2
    assert states["treaties"] == status.MISSING
    assert states["policy-guidance"] == status.STALE  # the guidance section dates from 2014
    assert states["legal-documents"] == status.OK
    for site in Site.objects.exclude(pk=province.pk):
        assert ComplianceEntry.objects.filter(site=site).exists()
        assert status.site_compliance(site)[0].owner.startswith("Biên tập viên – ")

    entries = ComplianceEntry.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert ComplianceEntry.objects.count() == entries


def test_a_portal_administrator_maps_a_category_in_the_admin(client, site, home_page):
    organisation = OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    home_page.add_child(instance=organisation)
    organisation.save_revision().publish()
    client.force_login(staff("quan-tri", "Quản trị cổng"))

    response = client.post(
        reverse("wagtailsnippets_compliance_complianceentry:add"),
        nested_form_data(
            {
                "site": site.pk,
                "category": "organisation",
                "owner_user": "",
                "owner_group": Group.objects.get(name="Quản trị cổng").pk,
                "max_age_days": "",
                "sources": inline_formset([{"page": organisation.pk, "finder": ""}, {"page": "", "finder": "news"}]),
            }
        ),
    )

    assert response.status_code == 302
    entry = ComplianceEntry.objects.get(site=site, category="organisation")
    assert [(source.page_id, source.finder) for source in entry.sources.all()] == [
        (organisation.pk, ""),
        (None, "news"),
    ]
    assert status.site_compliance(site)[0].state == status.OK
    listing = client.get(reverse("wagtailsnippets_compliance_complianceentry:list"))
    assert "Cơ cấu tổ chức, chức năng, nhiệm vụ và thông tin liên hệ" in listing.content.decode()


def test_a_source_needs_a_page_or_a_finder(client, site):
    client.force_login(staff("quan-tri", "Quản trị cổng"))
    response = client.post(
        reverse("wagtailsnippets_compliance_complianceentry:add"),
        nested_form_data(
            {
                "site": site.pk,
                "category": "news",
                "owner_user": "",
                "owner_group": "",
                "max_age_days": "",
                "sources": inline_formset([{"page": "", "finder": ""}]),
            }
        ),
    )
    assert response.status_code == 200
    assert "Chọn một trang hoặc một bộ tra cứu." in response.content.decode()
    assert not ComplianceEntry.objects.exists()
