"""The public tracker page, indicator pages and the open-data downloads."""

import csv
import io
import re
from decimal import Decimal

import pytest

from home.models import StandardPage
from indicators.models import IndicatorTrackerPage, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracked(tracker, make_indicator, make_measurement, this_year):
    """Three indicators: one with a trend, one with a count, one without data."""
    email = make_indicator("ct-03", name="Tỷ lệ cán bộ dùng thư điện tử công vụ", baseline=Decimal(45))
    make_measurement(email, this_year - 1, "55")
    make_measurement(email, this_year, "82")
    services = make_indicator(
        "ct-07", name="Số dịch vụ công mức 2", unit=Unit.COUNT, baseline=Decimal(1200), target=Decimal(2500)
    )
    make_measurement(services, this_year, "2768")
    empty = make_indicator("ct-08", name="Tỷ lệ chi cho CNTT", baseline=None, target=Decimal(1))
    return {"email": email, "services": services, "empty": empty}


def test_one_tracker_page_lives_under_the_home_page(home_page, plan):
    guide = home_page.add_child(instance=StandardPage(title="Hướng dẫn"))
    assert not IndicatorTrackerPage.can_create_at(guide)
    assert IndicatorTrackerPage.can_create_at(home_page)
    home_page.add_child(instance=IndicatorTrackerPage(title="Chỉ tiêu", plan=plan))
    assert not IndicatorTrackerPage.can_create_at(home_page)


def test_tracker_shows_value_target_status_chart_and_table_for_each_indicator(client, tracker, tracked):
    html = client.get(tracker.url).content.decode()
    assert "82%" in html and "2.768" in html
    assert "Đã đạt" in html
    assert html.count("<svg") == 2  # the indicator without data has no chart
    assert 'class="indicator-chart__target"' in html and "Chỉ tiêu 80%" in html
    assert ">Số liệu theo kỳ: Tỷ lệ cán bộ dùng thư điện tử công vụ</caption>" in html
    assert "Cách xác định tình trạng" in html
    # Overall completion: two of three indicators achieved.
    assert "66,7%" in html


def test_an_indicator_without_data_says_so_and_never_shows_zero(client, tracker, tracked):
    html = client.get(tracker.url).content.decode()
    card = html[html.index('id="chi-tieu-ct-08"') :]
    card = card[: card.index("</li>")]
    value = re.search(r'data-indicator-value="ct-08">(.*?)</dd>', card, re.S).group(1).strip()
    assert value == "chưa có số liệu"
    assert "Chưa có số liệu" in card  # status
    assert not re.search(r">\s*0(%|,|\s*<)", card)
    detail = client.get(f"{tracker.url}chi-tieu/ct-08/").content.decode()
    assert "chưa có số liệu" in detail


def test_draft_measurements_stay_off_the_public_page(client, tracker, tracked, make_measurement, this_year):
    make_measurement(tracked["empty"], this_year, "0.9", live=False)
    html = client.get(tracker.url).content.decode()
    assert "0,9%" not in html
    value = re.search(r'data-indicator-value="ct-08">(.*?)</dd>', html, re.S).group(1).strip()
    assert value == "chưa có số liệu"


def test_indicator_page_shows_full_history_and_superseded_figures(
    client, tracker, tracked, make_measurement, this_year
):
    make_measurement(tracked["email"], this_year, "83", note="Số liệu điều chỉnh sau rà soát")
    html = client.get(f"{tracker.url}chi-tieu/ct-03/").content.decode()
    assert "Lịch sử số liệu" in html
    assert "82%" in html and "83%" in html and "Số liệu điều chỉnh sau rà soát" in html
    assert 'href="/chi-tieu-ke-hoach/chi-tieu/ct-03/du-lieu/csv/"' in html


def test_unknown_indicator_or_junk_path_is_a_404_not_a_500(client, tracker, tracked):
    assert client.get(f"{tracker.url}chi-tieu/khong-co/").status_code == 404
    assert client.get(f"{tracker.url}chi-tieu/<script>/").status_code == 404
    assert client.get(f"{tracker.url}?page=abc&chi_tieu=%00").status_code == 200


def _page_values(html):
    return dict(re.findall(r'data-indicator-value="([^"]+)">\s*([^<]+?)\s*(?:<span|</dd>)', html))


def test_csv_and_json_agree_with_the_page(client, tracker, tracked):
    html = client.get(tracker.url).content.decode()
    shown = _page_values(html)
    assert shown == {"ct-03": "82%", "ct-07": "2.768", "ct-08": "chưa có số liệu"}

    data = client.get(f"{tracker.url}du-lieu/json/").json()
    assert data["plan"]["completion_percent"] == "66.7"
    by_code = {item["indicator_code"]: item for item in data["indicators"]}
    assert {code: item["current_value"] for code, item in by_code.items()} == {
        "ct-03": "82",
        "ct-07": "2768",
        "ct-08": None,
    }
    assert [m["value"] for m in by_code["ct-03"]["measurements"]] == ["55", "82"]

    response = client.get(f"{tracker.url}du-lieu/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    current = {row["indicator_code"]: row["value"] for row in rows if row["is_current"] == "True"}
    assert current == {"ct-03": "82", "ct-07": "2768"}
    empty_rows = [row for row in rows if row["indicator_code"] == "ct-08"]
    assert len(empty_rows) == 1 and empty_rows[0]["value"] == "" and empty_rows[0]["current_value"] == ""
    for row in rows:
        assert row["status"] == by_code[row["indicator_code"]]["status"]


def test_each_indicator_has_its_own_downloads(client, tracker, tracked):
    data = client.get(f"{tracker.url}chi-tieu/ct-07/du-lieu/json/").json()
    assert [item["indicator_code"] for item in data["indicators"]] == ["ct-07"]
    # The plan's figure, as the tracker page shows it, not 100% for this one achieved indicator.
    assert data["plan"]["completion_percent"] == "66.7"
    empty = client.get(f"{tracker.url}chi-tieu/ct-08/du-lieu/json/").json()
    assert empty["plan"]["completion_percent"] == "66.7"
    rows = list(csv.DictReader(io.StringIO(client.get(f"{tracker.url}chi-tieu/ct-07/du-lieu/csv/").content.decode())))
    assert {row["indicator_code"] for row in rows} == {"ct-07"}


def test_tracker_is_in_the_main_menu_and_highlighted_on_the_home_page(client, tracker, tracked, home_page):
    html = client.get(home_page.url).content.decode()
    assert f'href="{tracker.url}"' in html
    assert "Chỉ tiêu nổi bật" in html
    assert "66,7%" in html


def test_a_new_figure_shows_on_the_home_page_highlights_at_once(
    client, tracker, tracked, home_page, make_measurement, this_year
):
    assert "66,7%" in client.get(home_page.url).content.decode()  # two of three achieved
    make_measurement(tracked["services"], this_year, "1500")  # a later, lower figure: no longer achieved
    html = client.get(home_page.url).content.decode()
    assert "1.500" in html
    assert "33,3%" in html


def test_the_tracker_shows_a_new_figure_at_once_though_its_rendering_is_kept(
    client, tracker, tracked, make_measurement, this_year
):
    # The charts and figures are kept per content generation ({% remembered %}); entering a figure
    # is a content change, so the next visitor sees it.
    html = client.get(tracker.url).content.decode()
    assert "66,7%" in html and "2.768" in html
    draft = make_measurement(tracked["services"], this_year, "1500", live=False)
    assert "1.500" not in client.get(tracker.url).content.decode()
    draft.live = True
    draft.save()
    html = client.get(tracker.url).content.decode()
    assert "1.500" in html
    assert "33,3%" in html
