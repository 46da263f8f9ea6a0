import datetime

import feedparser
import pytest

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def published(make_directive, directive_type, ict):
    plan = make_directive(
        "07/KH-UBND", D(2011, 3, 14), title="Ứng dụng công nghệ thông tin 2011-2015", published_on=D(2011, 3, 17)
    )
    plan.fields.add(ict)
    plan.save_revision().publish()
    make_directive(
        "05/CT-UBND", D(2011, 4, 20), title="Văn bản điện tử", doc_type=directive_type, published_on=D(2011, 4, 22)
    )
    make_directive("99/KH-UBND", D(2011, 5, 1), title="Bản nháp")
    return plan


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_directive_feed_has_titles_links_and_issue_dates(client, published, kind):
    feed = parse(client, f"/nguon-tin/van-ban/{kind}/")
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert feed.feed.title == "Văn bản chỉ đạo, điều hành – Tỉnh Hậu Giang"
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Chỉ thị số 05/CT-UBND: Văn bản điện tử",
        "Kế hoạch số 07/KH-UBND: Ứng dụng công nghệ thông tin 2011-2015",
    ]
    plan = feed.entries[1]
    assert plan.link == "http://testserver" + published.url
    assert plan.published_parsed[:3] == (2011, 3, 14)


def test_feeds_per_type_and_per_field(client, published):
    by_type = parse(client, "/nguon-tin/van-ban/loai/chi-thi/rss/")
    assert [entry.title for entry in by_type.entries] == ["Chỉ thị số 05/CT-UBND: Văn bản điện tử"]
    assert by_type.feed.title.startswith("Chỉ thị – ")
    by_field = parse(client, "/nguon-tin/van-ban/linh-vuc/cong-nghe-thong-tin/atom/")
    assert [entry.title for entry in by_field.entries] == [
        "Kế hoạch số 07/KH-UBND: Ứng dụng công nghệ thông tin 2011-2015"
    ]
    assert client.get("/nguon-tin/van-ban/loai/khong-co/rss/").status_code == 404


def test_operational_news_feed(client, make_news):
    news = make_news(title="Giám sát Kế hoạch 07/KH-UBND", date=D(2014, 7, 10))
    feed = parse(client, "/nguon-tin/tin-chi-dao/rss/")
    assert feed.entries[0].title == "Giám sát Kế hoạch 07/KH-UBND"
    assert feed.entries[0].link == "http://testserver" + news.url
    assert feed.entries[0].published_parsed[:3] == (2014, 7, 10)
    assert parse(client, "/nguon-tin/tin-chi-dao/atom/").entries[0].title == "Giám sát Kế hoạch 07/KH-UBND"


def test_listing_and_detail_pages_advertise_their_feeds(client, published):
    for url in ("/van-ban/", published.url):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml" title="Văn bản chỉ đạo, điều hành (RSS)" ' in html
        assert 'type="application/atom+xml"' in html


def test_a_keyword_with_control_characters_still_gives_a_valid_feed(client, published):
    # Typed or pasted junk: the feed names the filter in its title, where XML forbids control characters.
    for kind in ("rss", "atom"):
        feed = parse(client, f"/nguon-tin/van-ban/{kind}/?q=c%C3%B4ng+ngh%E1%BB%87%08%1B")
        assert feed.bozo == 0, kind
        assert [entry.title for entry in feed.entries] == [
            "Kế hoạch số 07/KH-UBND: Ứng dụng công nghệ thông tin 2011-2015"
        ], kind


def test_a_filtered_listing_advertises_a_feed_of_the_same_directives(client, published):
    html = client.get("/van-ban/?loai=ke-hoach&nam=2011&trang=1").content.decode()
    href = "/nguon-tin/van-ban/rss/?loai=ke-hoach&amp;nam=2011"
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Văn bản theo bộ lọc đang chọn (RSS)" href="{href}">'
        in html
    )
    assert f'<a href="{href}">Nguồn tin RSS theo bộ lọc này</a>' in html
    feed = parse(client, "/nguon-tin/van-ban/rss/?loai=ke-hoach&nam=2011")
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == ["Kế hoạch số 07/KH-UBND: Ứng dụng công nghệ thông tin 2011-2015"]
    assert feed.feed.link == "http://testserver/van-ban/?loai=ke-hoach&nam=2011"
    assert parse(client, "/nguon-tin/van-ban/atom/?loai=chi-thi&nam=2011").entries[0].title.startswith("Chỉ thị")
    assert parse(client, "/nguon-tin/van-ban/rss/?loai=chi-thi&linh_vuc=cong-nghe-thong-tin").entries == []


def test_json_api_lists_directives_with_metadata_filtered_by_type_and_year(client, published):
    data = client.get("/api/v2/directives/?type=KH&year=2011").json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["number"] == "07/KH-UBND"
    assert item["doc_type_name"] == "Kế hoạch"
    assert item["issued_on"] == "2011-03-14"
    assert item["issuing_body_name"] == "Ủy ban nhân dân tỉnh Hậu Giang"
    assert client.get("/api/v2/directives/?type=chi-thi").json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/directives/?year=2012").json()["meta"]["total_count"] == 0
    detail = client.get(f"/api/v2/directives/{published.pk}/").json()
    assert detail["field_names"] == ["Công nghệ thông tin"]
    assert detail["legal_status"] == "in_force"


@pytest.mark.parametrize("query", ["year=abc", "year=12", "type=khong-co", "type=%00"])
def test_json_api_answers_bad_filters_with_400(client, published, query):
    response = client.get(f"/api/v2/directives/?{query}")
    assert response.status_code == 400
    assert "message" in response.json()


def test_json_api_hides_drafts(client, published):
    numbers = [item["number"] for item in client.get("/api/v2/directives/").json()["items"]]
    assert "99/KH-UBND" not in numbers and len(numbers) == 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=abc", "Năm phải là số có bốn chữ số, ví dụ 2011."),
        ("type=khong-co", "Không có loại văn bản “khong-co”."),
        ("nam=2011", "Tham số không được hỗ trợ: nam."),
        ("limit=abc", "limit phải là số nguyên không âm."),
        ("order=khong_co", "Không sắp xếp được theo “khong_co”."),
        ("fields=khong_co", "Không có trường: khong_co."),
    ],
)
def test_json_api_errors_are_in_vietnamese(client, published, query, message):
    response = client.get(f"/api/v2/directives/?{query}")
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_json_api_says_an_unknown_id_is_not_found_in_vietnamese(client, published):
    response = client.get("/api/v2/directives/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "Không tìm thấy trang."}
