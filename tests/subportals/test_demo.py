"""load_demo gives the province portal three sub-portals, each on its own host with news and officials."""

import io

from django.core.management import call_command
from django.test import Client

from directives.models import RegisterEntry
from subportals import activity
from subportals.models import SubPortal


def test_the_demo_creates_three_subportals_and_prints_their_addresses(demo):
    assert set(SubPortal.objects.values_list("site__hostname", flat=True)) == {
        "sotuphap.localhost",
        "sotttt.localhost",
        "phuongvithanh.localhost",
    }
    out = io.StringIO()
    call_command("load_demo", stdout=out)  # a second run changes nothing
    assert "sotuphap.localhost" in out.getvalue()
    assert SubPortal.objects.count() == 3
    body = Client().get("/gioi-thieu/", HTTP_HOST="sotuphap.localhost").content.decode()
    assert "Nguyễn Văn Minh" in body


def test_each_demo_subportal_has_directives_and_one_publishes_under_eighty_percent_of_its_register(demo):
    rates = {subportal.short_name: activity.publication_count(subportal) for subportal in SubPortal.objects.all()}
    assert all(count.issued and count.published for count in rates.values())
    laggards = [name for name, count in rates.items() if count.rate < 80]
    assert laggards == ["STTTT"]
    # Its agency is the one the province's register already knew, not a second body of the same name.
    information = SubPortal.objects.get(short_name="STTTT")
    assert RegisterEntry.objects.filter(issuer=information.issuing_body, year__lt=2016).exists()
    body = Client().get("/", HTTP_HOST="sotttt.localhost").content.decode()
    assert "Tỷ lệ văn bản chỉ đạo đăng trên cổng: 57,1% (4/7" in body
