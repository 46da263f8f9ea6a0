import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from services.models import CampaignPage

DAY = datetime.date(2014, 10, 1)


def campaign_running(start, end):
    return CampaignPage(title="Chiến dịch", message="…", start_date=start, end_date=end)


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        (datetime.date(2014, 9, 1), datetime.date(2014, 11, 30), "active"),
        (datetime.date(2014, 10, 1), datetime.date(2014, 10, 1), "active"),
        (datetime.date(2014, 9, 1), None, "active"),
        (datetime.date(2014, 10, 2), datetime.date(2014, 11, 30), "upcoming"),
        (datetime.date(2014, 8, 1), datetime.date(2014, 9, 30), "ended"),
    ],
)
def test_campaign_status_follows_its_period_including_both_ends(db, start, end, status):
    assert campaign_running(start, end).status(on=DAY) == status


def test_the_active_and_ended_querysets_agree_with_the_status(make_campaign, online_procedure):
    today = timezone.localdate()
    running = make_campaign([online_procedure], title="Đang chạy")
    ended = make_campaign(
        [online_procedure],
        title="Đã xong",
        start=today - datetime.timedelta(days=60),
        end=today - datetime.timedelta(days=1),
    )
    upcoming = make_campaign([online_procedure], title="Sắp tới", start=today + datetime.timedelta(days=1))

    assert list(CampaignPage.objects.active()) == [running]
    assert list(CampaignPage.objects.ended()) == [ended]
    assert list(CampaignPage.objects.upcoming()) == [upcoming]


def test_an_ended_campaign_page_says_so(client, make_campaign, online_procedure):
    today = timezone.localdate()
    ended = make_campaign(
        [online_procedure], start=today - datetime.timedelta(days=30), end=today - datetime.timedelta(days=2)
    )

    html = client.get(ended.url).content.decode()

    assert f"đã kết thúc ngày {ended.end_date:%d/%m/%Y}" in html


def test_a_running_campaign_page_does_not_say_it_has_ended(client, campaign, online_procedure):
    html = client.get(campaign.url).content.decode()

    assert "Dịch vụ công trực tuyến được giới thiệu" in html
    assert online_procedure.title in html and campaign.go_path(online_procedure) in html
    assert "đã kết thúc" not in html


def test_a_campaign_cannot_end_before_it_starts(db):
    campaign = campaign_running(datetime.date(2014, 10, 1), datetime.date(2014, 9, 1))

    with pytest.raises(ValidationError) as error:
        campaign.clean()
    assert "end_date" in error.value.message_dict


def test_the_home_page_shows_the_running_campaign_and_the_online_services_entry(client, home_page, campaign):
    html = client.get(home_page.url).content.decode()

    assert campaign.title in html
    assert "Dịch vụ công trực tuyến" in html
    assert 'href="/dich-vu-cong-truc-tuyen/"' in html


def test_the_home_page_has_no_banner_once_the_campaign_has_ended(client, home_page, make_campaign, online_procedure):
    today = timezone.localdate()
    ended = make_campaign(
        [online_procedure], title="Đợt cũ", start=today - datetime.timedelta(days=30), end=today - datetime.timedelta(1)
    )

    html = client.get(home_page.url).content.decode()

    assert 'id="home-online-title"' in html  # the online-services entry stays
    assert 'id="home-campaign-title"' not in html
    assert ended.title not in html


def _online_entry(html):
    return html[html.index('id="home-online-title"') : html.index("</section>", html.index('id="home-online-title"'))]


def test_the_home_page_promises_no_trip_to_an_office_only_for_full_online_services(
    client, home_page, online_page, online_procedure, make_procedure
):
    entry = _online_entry(client.get(home_page.url).content.decode())
    assert "1 thủ tục nộp hồ sơ trực tuyến được." in entry  # level 3: the result is still collected
    assert "không phải đến cơ quan nhà nước" not in entry

    make_procedure(title="Cấp lại giấy phép lái xe", legacy_level=4)
    entry = _online_entry(client.get(home_page.url).content.decode())
    assert "2 thủ tục nộp hồ sơ trực tuyến được." in entry
    assert "1 thủ tục làm trọn trên mạng (toàn trình), không phải đến cơ quan nhà nước." in entry
