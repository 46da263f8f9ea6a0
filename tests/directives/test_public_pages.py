import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError

from directives.models import DirectiveIndexPage, DirectivePage, OperationalNewsIndexPage, OperationalNewsPage
from home.models import HomePage

pytestmark = pytest.mark.django_db

D = datetime.date


def test_page_types_are_creatable_only_where_they_belong(directive_index, news_index, home_page):
    assert DirectiveIndexPage.can_create_at(home_page)
    assert DirectivePage.can_create_at(directive_index)
    assert not DirectivePage.can_create_at(home_page)
    assert OperationalNewsPage.can_create_at(news_index)
    assert not OperationalNewsPage.can_create_at(directive_index)
    assert not HomePage.can_create_at(directive_index)
    assert OperationalNewsIndexPage.can_create_at(home_page)


@pytest.fixture
def listing(make_directive, directive_type, office, ict):
    plan = make_directive("07/KH-UBND", title="Kế hoạch ứng dụng công nghệ thông tin", published_on=D(2011, 3, 15))
    plan.fields.add(ict)
    plan.save_revision().publish()
    make_directive(
        "05/CT-UBND",
        D(2011, 4, 20),
        title="Chỉ thị về văn bản điện tử",
        doc_type=directive_type,
        published_on=D(2011, 4, 21),
    )
    make_directive(
        "45/TB-VPUBND",
        D(2012, 7, 15),
        title="Thông báo kết luận họp giao ban",
        issuing_body=office,
        expires_on=D(2012, 12, 31),
        published_on=D(2012, 7, 16),
    )
    make_directive("99/KH-UBND", D(2013, 1, 1), title="Bản nháp chưa xuất bản")
    return "/van-ban/"


def titles(response):
    return [directive.title for directive in response.context["listing"].page.object_list]


def test_listing_shows_live_directives_newest_first(client, listing):
    response = client.get(listing)
    assert titles(response) == [
        "Thông báo kết luận họp giao ban",
        "Chỉ thị về văn bản điện tử",
        "Kế hoạch ứng dụng công nghệ thông tin",
    ]
    assert "Bản nháp" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("loai=chi-thi", ["Chỉ thị về văn bản điện tử"]),
        ("co_quan=vp-ubnd-tinh", ["Thông báo kết luận họp giao ban"]),
        ("linh_vuc=cong-nghe-thong-tin", ["Kế hoạch ứng dụng công nghệ thông tin"]),
        ("nam=2011&loai=ke-hoach", ["Kế hoạch ứng dụng công nghệ thông tin"]),
        ("tinh_trang=expired", ["Thông báo kết luận họp giao ban"]),
        ("q=cong+nghe+THONG+tin", ["Kế hoạch ứng dụng công nghệ thông tin"]),
        ("q=05/CT", ["Chỉ thị về văn bản điện tử"]),
    ],
)
def test_filters_live_in_the_url(client, listing, query, expected):
    assert titles(client.get(f"{listing}?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    ["nam=abc", "loai=khong-co", "trang=999", "trang=-1", "tinh_trang=%00", "co_quan[]=1&q=" + "x" * 500, "nam=99999"],
)
def test_junk_parameters_never_cause_an_error(client, listing, query):
    response = client.get(f"{listing}?{query}")
    assert response.status_code == 200


def test_a_document_type_added_in_the_admin_is_offered_by_the_filter_once_it_has_directives(
    client, listing, make_directive
):
    from directives.models import DocumentType

    assert '<option value="nghi-quyet">' not in client.get(listing).content.decode()
    resolution = DocumentType.objects.create(name="Nghị quyết", code="NQ", slug="nghi-quyet")
    make_directive("03/NQ-HĐND", D(2013, 7, 1), doc_type=resolution, published_on=D(2013, 7, 2))
    assert '<option value="nghi-quyet">Nghị quyết (1)</option>' in client.get(listing).content.decode()


def test_every_filter_option_counts_the_directives_it_would_show_with_the_other_filters(client, listing):
    html = client.get(f"{listing}?nam=2011").content.decode()
    # Types and bodies are counted within 2011; the year itself under the other filters (none).
    assert '<option value="ke-hoach">Kế hoạch (1)</option>' in html
    assert '<option value="chi-thi">Chỉ thị (1)</option>' in html
    assert '<option value="ubnd-tinh">Ủy ban nhân dân tỉnh Hậu Giang (2)</option>' in html
    assert "vp-ubnd-tinh" not in html.split('name="co_quan"')[1].split("</select>")[0]
    assert '<option value="2011" selected>2011 (2)</option>' in html
    assert '<option value="2012">2012 (1)</option>' in html
    assert '<option value="cong-nghe-thong-tin">Công nghệ thông tin (1)</option>' in html
    assert '<option value="in_force">Còn hiệu lực (2)</option>' in html
    expired = client.get(f"{listing}?tinh_trang=expired").content.decode()
    assert '<option value="expired" selected>Hết hiệu lực (1)</option>' in expired
    assert '<option value="2012">2012 (1)</option>' in expired and '<option value="2011">' not in expired


def test_the_filter_counts_take_one_grouped_query_per_filter(client, listing, django_assert_max_num_queries):
    client.get(listing)  # the site structure, years and option lists are cached
    with django_assert_max_num_queries(20) as captured:
        client.get(f"{listing}?nam=2011&loai=ke-hoach&q=cong+nghe")
    grouped = [query for query in captured.captured_queries if "GROUP BY" in query["sql"]]
    assert len(grouped) == 5


def test_the_filter_counts_are_kept_until_a_directive_is_published_or_withdrawn(
    client, listing, make_directive, directive_type
):
    """Over 100,000 directives the counting is most of the listing's cost: a second visitor with the
    same filters reads the counts from the cache, and a publication or an unpublication shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(listing)  # the first visit creates the site's settings row, a content change of its own
    assert '<option value="chi-thi">Chỉ thị (1)</option>' in client.get(f"{listing}?nam=2011").content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(f"{listing}?nam=2011").content.decode()
    assert '<option value="chi-thi">Chỉ thị (1)</option>' in again
    assert not [query for query in captured.captured_queries if "GROUP BY" in query["sql"]]

    shown = titles(client.get(f"{listing}?nam=2011"))
    second = make_directive("06/CT-UBND", D(2011, 5, 2), doc_type=directive_type, published_on=D(2011, 5, 3))
    response = client.get(f"{listing}?nam=2011")
    assert '<option value="chi-thi">Chỉ thị (2)</option>' in response.content.decode()
    assert titles(response) == [second.title, *shown]  # the kept page of results is renewed too
    second.unpublish()
    response = client.get(f"{listing}?nam=2011")
    assert '<option value="chi-thi">Chỉ thị (1)</option>' in response.content.decode()
    assert titles(response) == shown


def test_kept_results_of_a_filter_set_still_say_when_a_filter_was_ignored(client, listing):
    client.get(listing)
    assert titles(client.get(f"{listing}?loai=chi-thi")) == ["Chỉ thị về văn bản điện tử"]
    response = client.get(f"{listing}?nam=abc&loai=chi-thi")
    assert titles(response) == ["Chỉ thị về văn bản điện tử"]
    assert "Một số điều kiện lọc không hợp lệ đã được bỏ qua." in response.content.decode()


def test_an_invalid_filter_is_ignored_and_says_so(client, listing):
    response = client.get(f"{listing}?nam=abc&loai=chi-thi")
    assert titles(response) == ["Chỉ thị về văn bản điện tử"]
    assert "Một số điều kiện lọc không hợp lệ đã được bỏ qua." in response.content.decode()


def test_empty_results_say_so_and_offer_to_remove_filters(client, listing):
    html = client.get(f"{listing}?q=khong+ton+tai&loai=chi-thi").content.decode()
    assert "Không có văn bản nào khớp với điều kiện lọc." in html
    assert '<a href="/van-ban/">Bỏ tất cả bộ lọc và xem mọi văn bản</a>' in html
    assert '<a href="/van-ban/?q=khong+ton+tai">Bỏ lọc' in html  # drop only the type filter


def test_pagination_keeps_the_filters(client, make_directive, directive_index):
    for n in range(1, 24):
        make_directive(f"{n}/KH-UBND", D(2013, 1, n), title=f"Kế hoạch số {n}", published_on=D(2013, 1, n))
    first = client.get("/van-ban/?nam=2013")
    assert len(titles(first)) == 20
    assert 'href="?nam=2013&amp;trang=2"' in first.content.decode()
    second = client.get("/van-ban/?nam=2013&trang=2")
    assert titles(second) == ["Kế hoạch số 3", "Kế hoạch số 2", "Kế hoạch số 1"]


def test_csv_export_of_the_public_list_follows_the_filters(client, listing):
    response = client.get("/du-lieu/van-ban.csv?loai=chi-thi")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Số ký hiệu", "Loại văn bản", "Cơ quan ban hành"]
    assert [row[0] for row in rows[1:]] == ["05/CT-UBND"]
    assert rows[1][5] == "20/04/2011"
    assert client.get("/du-lieu/van-ban.csv?nam=zz").status_code == 200


def test_detail_page_shows_metadata_attachments_and_change_notes(client, make_directive):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Văn bản ký số")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document._set_document_file_metadata()
    document.save()
    page = make_directive(signer="Lê Thị Mai", signer_position="Phó Chủ tịch", effective_on=D(2011, 3, 20))
    page.attachments.add(page.attachments.model(document=document, title="Bản ký số"))
    page.change_notes.add(page.change_notes.model(changed_on=D(2013, 6, 3), description="Sửa đổi Điều 8."))
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<dt>Số ký hiệu</dt><dd>07/KH-UBND</dd>" in html
    assert "<dt>Người ký</dt><dd>Lê Thị Mai, Phó Chủ tịch</dd>" in html
    assert '<time datetime="2011-03-20">20/03/2011</time>' in html
    assert "Bản ký số</a>" in html
    assert '<span class="file-meta">(PDF, 13' in html
    assert "03/06/2013</time>: Sửa đổi Điều 8." in html
    assert "Văn bản này không còn hiệu lực" not in html
    printable = client.get(page.url + "ban-in/")
    assert printable.status_code == 200
    assert "<dt>Trích yếu</dt>" in printable.content.decode()


def test_a_replaced_directive_shows_a_banner_linking_its_replacement(client, make_directive):
    new = make_directive("1120/QĐ-UBND", D(2015, 6, 15), title="Quy chế thư điện tử mới", published_on=D(2015, 6, 16))
    old = make_directive(
        "640/QĐ-UBND",
        D(2013, 5, 6),
        title="Quy chế thư điện tử cũ",
        legal_status="replaced",
        replaced_by=new,
        published_on=D(2013, 5, 7),
    )
    html = client.get(old.url).content.decode()
    assert "Văn bản này không còn hiệu lực" in html
    assert f'<a href="{new.url}">Kế hoạch số 1120/QĐ-UBND – Quy chế thư điện tử mới</a>' in html
    assert "Thay thế: " in client.get(new.url).content.decode()


def test_a_withdrawn_directive_stays_online_with_a_withdrawal_notice(client, make_directive):
    page = make_directive(
        withdrawn_on=D(2012, 8, 20), withdrawal_reason="Ghi sai thời hạn báo cáo.", published_on=D(2012, 8, 10)
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Văn bản đã bị thu hồi" in html and "Ghi sai thời hạn báo cáo." in html


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"number": "KH 07"}, "number", "không đúng định dạng"),
        ({"effective_on": D(2011, 3, 1)}, "effective_on", "không được trước ngày ban hành"),
        ({"legal_status": "replaced"}, "replaced_by", "phải chỉ rõ văn bản thay thế"),
        ({"withdrawn_on": D(2012, 1, 1)}, "withdrawal_reason", "Nêu lý do thu hồi"),
    ],
)
def test_validation_explains_mistakes_in_vietnamese(make_directive, fields, field, message):
    page = make_directive()
    for name, value in fields.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert message in " ".join(error.value.message_dict[field])


def test_one_number_per_issuing_body_and_year(make_directive, office, province, plan_type):
    make_directive("07/KH-UBND", D(2011, 3, 14))
    duplicate = DirectivePage(
        title="Trùng số", number="7/kh-ubnd", issued_on=D(2011, 9, 1), issuing_body=province, doc_type=plan_type
    )
    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "đã dùng cho văn bản" in error.value.message_dict["number"][0]
    make_directive("07/KH-UBND", D(2012, 1, 5)).full_clean()  # next year: saved and valid
    make_directive("07/KH-UBND", D(2011, 5, 5), issuing_body=office).full_clean()  # other body: too


def test_news_page_shows_lead_and_related_directives(client, make_news, make_directive):
    plan = make_directive(title="Kế hoạch 07", published_on=D(2011, 3, 15))
    news = make_news(title="Giám sát Kế hoạch 07/KH-UBND")
    news.related_directives.add(news.related_directives.model(directive=plan))
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert "Tóm tắt tin." in html
    assert f'href="{plan.url}"' in html
    assert "Giám sát Kế hoạch 07/KH-UBND" in client.get("/tin-chi-dao/").content.decode()


def test_home_page_lists_latest_directives_and_news(client, make_directive, make_news):
    make_directive(title="Kế hoạch ứng dụng CNTT", published_on=D(2011, 3, 15))
    make_news(title="Họp giao ban tháng 7")
    html = client.get("/").content.decode()
    assert "Văn bản chỉ đạo, điều hành mới" in html and "Kế hoạch ứng dụng CNTT" in html
    assert "Họp giao ban tháng 7" in html


def test_the_home_page_shows_a_publication_and_an_unpublication_at_once(client, make_directive):
    # Its sections are rendered once per content generation ({% remembered %}).
    client.get("/")
    assert "Kế hoạch chuyển đổi số" not in client.get("/").content.decode()
    directive = make_directive("12/KH-UBND", title="Kế hoạch chuyển đổi số", published_on=D(2011, 3, 15))
    assert "Kế hoạch chuyển đổi số" in client.get("/").content.decode()
    directive.unpublish()
    assert "Kế hoạch chuyển đổi số" not in client.get("/").content.decode()


def test_sitemap_lists_live_public_pages_and_robots_points_to_it(client, make_directive):
    live = make_directive(title="Đã xuất bản", published_on=D(2011, 3, 15))
    draft = make_directive("08/KH-UBND", title="Bản nháp")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert live.full_url in sitemap
    assert draft.slug not in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
