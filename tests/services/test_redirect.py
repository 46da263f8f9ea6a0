import pytest
from django.utils import timezone

from home.models import PortalSettings
from services.metrics import follow_through_total
from services.models import CampaignDailyFollowThrough, CampaignDailyView

from .conftest import BROWSER


def follow_throughs(campaign, channel=None):
    rows = CampaignDailyFollowThrough.objects.filter(campaign=campaign)
    if channel:
        rows = rows.filter(channel=channel)
    return sum(rows.values_list("follow_throughs", flat=True))


def test_a_follow_through_is_counted_for_today_and_sent_to_the_service(browser_client, campaign, online_procedure):
    response = browser_client.get(campaign.go_path(online_procedure))

    assert response.status_code == 302
    assert response["Location"] == "https://dichvucong.haugiang.gov.vn/dang-ky-kinh-doanh"
    row = CampaignDailyFollowThrough.objects.get()
    assert (row.procedure_id, row.channel, row.day, row.follow_throughs) == (
        online_procedure.pk,
        "web",
        timezone.localdate(),
        1,
    )
    browser_client.get(campaign.go_path(online_procedure))
    assert follow_throughs(campaign) == 2


def test_the_redirect_sets_no_cookie_and_stores_nothing_about_the_visitor(browser_client, campaign, online_procedure):
    response = browser_client.get(campaign.go_path(online_procedure), REMOTE_ADDR="203.113.1.9")

    assert not response.cookies
    stored = " ".join(str(value) for value in CampaignDailyFollowThrough.objects.values().get().values())
    assert "203.113" not in stored and "Firefox" not in stored


@pytest.mark.parametrize(
    "agent",
    ["Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.5.0", ""],
)
def test_robots_are_redirected_but_not_counted(client, campaign, online_procedure, agent):
    response = client.get(campaign.go_path(online_procedure), HTTP_USER_AGENT=agent)

    assert response.status_code == 302
    assert follow_throughs(campaign) == 0


def test_a_browser_prefetch_is_not_counted(browser_client, campaign, online_procedure):
    browser_client.get(campaign.go_path(online_procedure), HTTP_SEC_PURPOSE="prefetch")

    assert follow_throughs(campaign) == 0


def test_an_unknown_target_is_a_404(browser_client, campaign, online_procedure, make_procedure):
    not_featured = make_procedure(title="Cấp giấy phép xây dựng", legacy_level=3)

    assert browser_client.get(f"/go/{campaign.pk}/{not_featured.pk}/").status_code == 404
    assert browser_client.get(f"/go/{campaign.pk}/999999/").status_code == 404
    assert browser_client.get(f"/go/999999/{online_procedure.pk}/").status_code == 404
    assert browser_client.get("/go/abc/def/").status_code == 404
    assert browser_client.get(f"/go/{'9' * 30}/{online_procedure.pk}/").status_code == 404
    assert follow_throughs(campaign) == 0


@pytest.mark.parametrize(
    "query",
    [
        "?next=https://evil.example/",
        "?url=https://evil.example/&kenh=poster",
        "?redirect=//evil.example&to=javascript:alert(1)",
        "?kenh=https://evil.example/",
    ],
)
def test_extra_query_parameters_never_change_the_destination(browser_client, campaign, online_procedure, query):
    response = browser_client.get(f"/go/{campaign.pk}/{online_procedure.pk}/{query}")

    assert response.status_code == 302
    assert response["Location"] == online_procedure.online_url


def test_an_unpublished_campaign_or_service_leads_nowhere(browser_client, campaign, online_procedure):
    path = campaign.go_path(online_procedure)
    online_procedure.unpublish()
    assert browser_client.get(path).status_code == 404

    online_procedure.save_revision().publish()
    campaign.unpublish()
    assert browser_client.get(path).status_code == 404


def test_a_stored_address_that_is_not_http_is_never_followed(browser_client, campaign, online_procedure):
    type(online_procedure).objects.filter(pk=online_procedure.pk).update(online_url="javascript:alert(1)")

    assert browser_client.get(campaign.go_path(online_procedure)).status_code == 404


def test_poster_scans_are_counted_apart_from_web_clicks(browser_client, campaign, online_procedure):
    browser_client.get(campaign.go_path(online_procedure, "poster"))
    browser_client.get(campaign.go_path(online_procedure, "poster"))
    browser_client.get(campaign.go_path(online_procedure))

    assert follow_throughs(campaign, "poster") == 2
    assert follow_throughs(campaign, "web") == 1
    assert follow_through_total() == 3


def test_campaign_page_views_are_counted_on_the_server_without_cookies(client, campaign):
    response = client.get(campaign.url, HTTP_USER_AGENT=BROWSER)
    client.get(campaign.url + "?kenh=zalo", HTTP_USER_AGENT=BROWSER)
    client.get(campaign.url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)")

    assert response.status_code == 200
    assert not response.cookies
    views = dict(CampaignDailyView.objects.values_list("channel", "views"))
    assert views == {"web": 1, "zalo": 1}


def test_the_call_to_action_on_the_campaign_page_goes_through_the_counter(browser_client, campaign, online_procedure):
    html = browser_client.get(campaign.url).content.decode()

    assert f'href="/go/{campaign.pk}/{online_procedure.pk}/"' in html
    assert online_procedure.online_url not in html


def test_campaign_views_are_counted_even_with_the_page_cache_on(client, settings, campaign):
    settings.PAGE_CACHE_ENABLED = True

    for _ in range(3):
        client.get(campaign.url, HTTP_USER_AGENT=BROWSER)

    assert CampaignDailyView.objects.get().views == 3


def test_counting_a_visit_does_not_empty_the_page_cache(
    client, settings, site, campaign, online_procedure, procedure_index
):
    PortalSettings.for_site(site)  # created on first use, which is itself a content change
    settings.PAGE_CACHE_ENABLED = True
    assert client.get(procedure_index.url).get("X-Page-Cache") == "miss"

    client.get(campaign.go_path(online_procedure), HTTP_USER_AGENT=BROWSER)
    client.get(campaign.url, HTTP_USER_AGENT=BROWSER)

    assert client.get(procedure_index.url).get("X-Page-Cache") == "hit"
