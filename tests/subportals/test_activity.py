"""What the province gathers from its sub-portals: each agency's rate, moving with publication,
and "Tin từ các đơn vị" on the province home."""

import datetime

import pytest

from directives.models import DirectiveIndexPage, DirectivePage, DocumentType, RegisterEntry
from directives.register_import import import_rows
from subportals import activity

from .test_hosts_and_cache import page_cache, publish_news, visit  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

ISSUED_ON = datetime.date(2026, 1, 15)


def register(subportal, *numbers):
    rows = [
        (
            line,
            {
                "number": number,
                "doc_type": "KH",
                "title": f"Kế hoạch số {number}",
                "issuer": subportal.issuing_body.name,
                "issued_on": ISSUED_ON.isoformat(),
            },
        )
        for line, number in enumerate(numbers, start=2)
    ]
    DocumentType.objects.get_or_create(name="Kế hoạch", defaults={"code": "KH"})
    assert import_rows(rows).created == len(numbers)


def draft_directive(subportal, number):
    index = DirectiveIndexPage.objects.descendant_of(subportal.site.root_page).get()
    page = DirectivePage(
        title=f"Kế hoạch số {number}",
        number=number,
        doc_type=DocumentType.objects.get(code="KH"),
        issuing_body=subportal.issuing_body,
        issued_on=ISSUED_ON,
        summary=f"Kế hoạch số {number}",
        live=False,
    )
    index.add_child(instance=page)
    return page


def test_publishing_and_unpublishing_on_the_subportal_moves_its_own_rate_only(site, justice, information):
    register(justice, "12/KH-STP", "13/KH-STP")
    register(information, "21/KH-STTTT")
    first = draft_directive(justice, "12/KH-STP")
    assert activity.publication_count(justice).rate == 0

    first.save_revision().publish()
    assert RegisterEntry.objects.get(number="12/KH-STP").directive_id == first.pk
    assert activity.publication_count(justice).rate == 50
    assert (activity.publication_count(justice).published, activity.publication_count(justice).issued) == (1, 2)
    assert activity.publication_count(information).rate == 0

    DirectivePage.objects.get(pk=first.pk).unpublish()  # as the admin does, on the page as stored
    assert activity.publication_count(justice).rate == 0


def test_the_subportal_home_shows_its_rate_and_the_province_home_does_not(site, justice):
    register(justice, "12/KH-STP", "13/KH-STP")
    draft_directive(justice, "12/KH-STP").save_revision().publish()

    own = visit("sotuphap.localhost").content.decode()
    province = visit("testserver").content.decode()

    assert "Tỷ lệ văn bản chỉ đạo đăng trên cổng: 50,0% (1/2 văn bản trong sổ theo dõi)." in own
    assert "Tỷ lệ văn bản chỉ đạo đăng trên cổng" not in province


def test_the_province_home_lists_unit_news_at_their_canonical_urls(page_cache, site, justice, information):  # noqa: F811
    older = publish_news(information, "Hội nghị chuyển đổi số năm 2026")
    type(older).objects.filter(pk=older.pk).update(date=datetime.date(2026, 1, 5))
    assert "Tin từ các đơn vị" in visit("testserver").content.decode()

    news = publish_news(justice, "Sở Tư pháp tập huấn công tác hộ tịch")

    # The province home was cached before: publishing on a sub-portal refreshes it.
    body = visit("testserver").content.decode()
    assert f'href="http://sotuphap.localhost/tin-hoat-dong/{news.slug}/"' in body
    assert body.index("Sở Tư pháp tập huấn công tác hộ tịch") < body.index("Hội nghị chuyển đổi số năm 2026")
    assert "Tin từ các đơn vị" not in visit("sotuphap.localhost").content.decode()
    assert activity.unit_news()[0]["agency"] == "Sở Tư pháp"


def test_the_publication_report_names_each_agencys_portal(admin_client, site, justice):
    register(justice, "12/KH-STP", "13/KH-STP")
    draft_directive(justice, "12/KH-STP").save_revision().publish()

    body = admin_client.get("/admin/van-ban/bao-cao/", {"period": "year", "year": "2026"}).content.decode()

    row = body[body.index('<th scope="row">Sở Tư pháp</th>') :].split("</tr>")[0]
    assert 'href="http://sotuphap.localhost/"' in row
    assert "<td>2</td><td>1</td><td>50,0%</td>" in row
