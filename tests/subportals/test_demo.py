"""load_demo gives the province portal three sub-portals, each on its own host with news and officials."""

import io

from django.core.management import call_command
from django.test import Client

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
