"""Demo compliance maps for the province portal and each demo sub-portal, from
``demo_data/compliance_map.json``: each category is mapped to the site's first page of the types
listed (its shallowest) and to finders. Some categories stay unmapped (treaties, financial
statements…) and the province's guidance section dates from 2014, so the dashboard has something
missing and something stale to show. A category already on the map is left as staff left it."""

from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Site

from home.demo import demo_data
from subportals.models import SubPortal

from .models import ComplianceEntry, ComplianceSource


def _first_page(site, page_type):
    model = apps.get_model(page_type)
    return model.objects.descendant_of(site.root_page, inclusive=True).order_by("depth", "path").first()


def _map_site(site, spec, owner_group_name, stdout):
    owner_group = Group.objects.filter(name=owner_group_name).first()
    created_count = 0
    for item in spec["entries"]:
        entry, created = ComplianceEntry.objects.get_or_create(
            site=site, category=item["category"], defaults={"owner_group": owner_group}
        )
        if not created:
            continue
        created_count += 1
        for order, page_type in enumerate(item.get("pages", [])):
            page = _first_page(site, page_type)
            if page is not None:
                ComplianceSource.objects.create(entry=entry, page=page, sort_order=order)
        for order, finder in enumerate(item.get("finders", []), start=len(item.get("pages", []))):
            ComplianceSource.objects.create(entry=entry, finder=finder, sort_order=order)
    stdout.write(f"  Bản đồ tuân thủ của {site.hostname}: thêm {created_count} nhóm thông tin.")


def load(stdout):
    data = demo_data(__file__, "compliance_map")
    province = Site.objects.filter(is_default_site=True).first()
    if province is not None:
        _map_site(province, data["province"], data["province"]["owner_group"], stdout)
    for subportal in SubPortal.objects.select_related("site__root_page"):
        owner = data["subportal"]["owner_group"].format(name=subportal.name)
        _map_site(subportal.site, data["subportal"], owner, stdout)
