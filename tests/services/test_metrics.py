import datetime

from services.counting import record_follow_through
from services.metrics import campaign_results, follow_through_total, online_service_counts


def test_online_service_counts_use_the_2011_levels_of_live_procedures(make_procedure):
    for level in (2, 2, 3, 4, 1):
        make_procedure(f"Thủ tục mức {level}", legacy_level=level)
    make_procedure("Bản nháp mức 3", legacy_level=3).unpublish()

    assert online_service_counts() == {"level_3_plus": 2, "level_2": 2}


def test_follow_through_total_adds_web_and_poster_within_the_period(campaign, online_procedure):
    record_follow_through(campaign, online_procedure, "web", day=datetime.date(2014, 9, 30))
    record_follow_through(campaign, online_procedure, "web", day=datetime.date(2014, 10, 1))
    record_follow_through(campaign, online_procedure, "poster", day=datetime.date(2014, 10, 31))
    record_follow_through(campaign, online_procedure, "poster", day=datetime.date(2014, 11, 1))

    assert follow_through_total() == 4
    assert follow_through_total(datetime.date(2014, 10, 1), datetime.date(2014, 10, 31)) == 2
    assert follow_through_total(start=datetime.date(2014, 11, 1)) == 1


def test_campaign_results_give_the_follow_through_rate(browser_client, campaign, online_procedure):
    for _ in range(4):
        browser_client.get(campaign.url)
    browser_client.get(campaign.go_path(online_procedure))
    browser_client.get(campaign.go_path(online_procedure, "poster"))

    results = campaign_results(campaign)

    # The poster scan is counted, but not divided by the page's views.
    assert (results.views, results.follow_throughs, results.rate, results.scans) == (4, 1, 25.0, 1)
    channels = {row.label: (row.views, row.follow_throughs, row.rate) for row in results.by_channel}
    assert channels == {"Trang web": (4, 1, 25.0), "Áp phích (mã QR)": (None, 1, None)}
    assert [(row.label, row.follow_throughs, row.rate) for row in results.by_service] == [
        (online_procedure.title, 1, 25.0)
    ]
    assert [(row.views, row.follow_throughs, row.rate) for row in results.by_day] == [(4, 1, 25.0)]


def test_a_campaign_rate_never_exceeds_100_percent(browser_client, campaign, online_procedure):
    browser_client.get(campaign.url)
    for _ in range(3):
        browser_client.get(campaign.go_path(online_procedure, "poster"))
    browser_client.get(campaign.go_path(online_procedure))
    browser_client.get(campaign.go_path(online_procedure))  # a second service opened from one view

    results = campaign_results(campaign)

    assert (results.views, results.follow_throughs, results.scans) == (1, 2, 3)
    assert results.rate == 100.0
    assert all(row.rate is None or row.rate <= 100 for row in results.by_channel + results.by_service + results.by_day)
