"""The feed of the procedure catalogue, and of the procedures a filtered finder shows."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.fixture
def procedures(make_procedure, online_procedure):
    make_procedure(title="Đăng ký khai sinh", field="Hộ tịch")
    return online_procedure


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_procedure_feed_lists_live_procedures_newest_change_first(client, procedures, kind):
    feed = parse(client, f"/nguon-tin/thu-tuc/{kind}/")
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 2 and titles[0].endswith("Đăng ký khai sinh")
    assert feed.entries[1].link == "http://testserver" + procedures.url


def test_a_filtered_procedure_finder_advertises_a_feed_that_honours_the_filters(client, procedures):
    html = client.get("/thu-tuc-hanh-chinh/?linh_vuc=ho-tich").content.decode()
    title = "Thủ tục theo bộ lọc đang chọn (RSS)"
    assert f'type="application/rss+xml" title="{title}" href="/nguon-tin/thu-tuc/rss/?linh_vuc=ho-tich"' in html
    assert '<a href="/nguon-tin/thu-tuc/rss/?linh_vuc=ho-tich">Nguồn tin RSS theo bộ lọc này</a>' in html
    feed = parse(client, "/nguon-tin/thu-tuc/rss/?linh_vuc=ho-tich")
    assert [entry.title.split(" – ", 1)[1] for entry in feed.entries] == ["Đăng ký khai sinh"]
    assert parse(client, "/nguon-tin/thu-tuc/rss/?linh_vuc=khong-co&muc_do=%00").entries  # junk is ignored
