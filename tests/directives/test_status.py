"""One status for a directive, the same on the listing, the page, the CSV, the feeds and the API."""

import csv
import datetime
import io

import feedparser
import pytest

from directives.models import DirectivePage, DirectiveStatus
from directives.status import status_of

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2014, 6, 1)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, DirectiveStatus.IN_FORCE),
        ({"expires_on": TODAY}, DirectiveStatus.IN_FORCE),
        ({"expires_on": TODAY - datetime.timedelta(days=1)}, DirectiveStatus.EXPIRED),
        ({"legal_status": "expired"}, DirectiveStatus.EXPIRED),
        ({"effective_on": TODAY}, DirectiveStatus.IN_FORCE),
        ({"effective_on": TODAY + datetime.timedelta(days=1)}, DirectiveStatus.NOT_YET_IN_FORCE),
        ({"legal_status": "replaced", "expires_on": D(2012, 1, 1)}, DirectiveStatus.REPLACED),
        ({"withdrawn_on": D(2013, 1, 1), "withdrawal_reason": "Sai sót"}, DirectiveStatus.WITHDRAWN),
        (
            {"withdrawn_on": D(2013, 1, 1), "withdrawal_reason": "Sai sót", "legal_status": "replaced"},
            DirectiveStatus.WITHDRAWN,
        ),
    ],
)
def test_a_page_and_the_database_agree_on_the_status(make_directive, fields, expected):
    if fields.get("legal_status") == "replaced":
        fields = {**fields, "replaced_by": make_directive("1/KH-UBND", D(2012, 1, 1), published_on=D(2012, 1, 2))}
    page = make_directive(published_on=D(2011, 3, 15), **fields)
    assert status_of(page, on=TODAY) == expected
    annotated = DirectivePage.objects.filter(pk=page.pk).with_status(on=TODAY).get()
    assert annotated.directive_status == expected


@pytest.fixture
def withdrawn(make_directive):
    return make_directive(
        "12/KH-UBND",
        D(2012, 8, 1),
        title="Kế hoạch bị thu hồi",
        withdrawn_on=D(2012, 8, 20),
        withdrawal_reason="Ghi sai thời hạn báo cáo.",
        published_on=D(2012, 8, 10),
    )


def test_a_withdrawn_directive_reads_withdrawn_with_its_reason_everywhere(client, withdrawn):
    listing = client.get("/van-ban/").content.decode()
    card = listing[listing.index("Kế hoạch bị thu hồi") :].split("</li>")[0]
    assert "Đã thu hồi" in card and "Ghi sai thời hạn báo cáo." in card
    assert "Còn hiệu lực" not in card

    page = client.get(withdrawn.url).content.decode()
    assert "<dt>Tình trạng hiệu lực</dt><dd>Đã thu hồi</dd>" in page
    assert "Ghi sai thời hạn báo cáo." in page
    assert "Còn hiệu lực" not in page

    api = client.get(f"/api/v2/directives/{withdrawn.pk}/").json()
    assert api["legal_status"] == "withdrawn"
    assert api["legal_status_label"] == "Đã thu hồi"
    assert api["withdrawal_reason"] == "Ghi sai thời hạn báo cáo."

    rows = list(csv.DictReader(io.StringIO(client.get("/du-lieu/van-ban.csv").content.decode("utf-8-sig"))))
    assert rows[0]["Tình trạng hiệu lực"] == "Đã thu hồi"
    assert rows[0]["Lý do thu hồi"] == "Ghi sai thời hạn báo cáo."

    entry = feedparser.parse(client.get("/nguon-tin/van-ban/rss/").content).entries[0]
    assert "Đã thu hồi" in entry.description and "Ghi sai thời hạn báo cáo." in entry.description
    assert "Còn hiệu lực" not in entry.description


def test_a_withdrawn_directive_is_found_under_withdrawn_not_in_force(client, withdrawn):
    in_force = client.get("/van-ban/?tinh_trang=in_force").context["listing"].page.object_list
    assert withdrawn.title not in [directive.title for directive in in_force]
    found = client.get("/van-ban/?tinh_trang=withdrawn").context["listing"].page.object_list
    assert [directive.title for directive in found] == [withdrawn.title]


def test_a_plan_past_its_end_date_is_expired_on_the_page_and_in_the_api(client, make_directive):
    plan = make_directive(
        "07/KH-UBND",
        title="Kế hoạch ứng dụng CNTT giai đoạn 2011-2015",
        expires_on=D(2015, 12, 31),
        published_on=D(2011, 3, 15),
    )
    page = client.get(plan.url).content.decode()
    assert "<dt>Tình trạng hiệu lực</dt><dd>Hết hiệu lực</dd>" in page
    assert client.get(f"/api/v2/directives/{plan.pk}/").json()["legal_status"] == "expired"
    listed = client.get("/api/v2/directives/?legal_status=expired").json()
    assert [item["number"] for item in listed["items"]] == ["07/KH-UBND"]
    assert listed["items"][0]["legal_status"] == "expired"
    assert client.get("/api/v2/directives/?legal_status=in_force").json()["meta"]["total_count"] == 0
