"""What citizens do on the portal, in a real browser: find a procedure, follow a campaign to an
online service, browse directives and download one, read the tracker without JavaScript, and
search with the keyboard only."""

import re

import pytest

from .pages import first_of

pytestmark = pytest.mark.browser


def heading(page):
    return page.get_by_role("heading", level=1).inner_text().strip()


def test_a_citizen_types_a_procedure_name_without_accents_and_opens_it(page, live_pages):
    page.goto("/")
    box = page.get_by_role("main").get_by_label("Nhập tên thủ tục")
    box.fill("dang ky kinh doanh")
    with page.expect_navigation():
        box.press("Enter")
    assert "/tim-kiem/" in page.url
    results = page.get_by_role("main").get_by_role("link", name=re.compile(r"^Đăng ký kinh doanh"))
    assert results.count() >= 1, page.get_by_role("main").inner_text()[:1000]

    title = results.first.inner_text().strip()
    results.first.click()
    page.wait_for_load_state()
    assert heading(page) == title
    facts = page.get_by_role("main").inner_text()
    assert "Mã thủ tục" in facts and "Thời hạn giải quyết" in facts


def campaign_follow_throughs(admin, campaign_title):
    """The follow-through count of one campaign in the staff results report."""
    admin.goto("/admin/ket-qua-tuyen-truyen/")
    row = admin.get_by_role("row").filter(has=admin.get_by_role("rowheader", name=campaign_title))
    cells = row.get_by_role("cell").all_inner_texts()
    # Columns after the campaign: period, views, follow-throughs, rate.
    return int(cells[2].replace(".", "").strip())


def online_service_address(context, procedure_link):
    """The online-service address a procedure page gives, read in a second tab."""
    tab = context.new_page()
    tab.goto(procedure_link.get_attribute("href"))
    address = tab.get_by_role("main").locator("a[href^='https://']").first.get_attribute("href")
    tab.close()
    return address


def test_a_citizen_follows_a_campaign_to_an_online_service_and_the_counter_moves(page, staff_page, portal, live_pages):
    campaign_url = first_of(live_pages, "services.campaignpage", "không phải đi lại")
    page.goto(campaign_url)
    campaign_title = heading(page)
    admin = staff_page("moderator")
    before = campaign_follow_throughs(admin, campaign_title)

    featured = page.get_by_role("region", name="Dịch vụ công trực tuyến được giới thiệu")
    service = featured.get_by_role("listitem").filter(has_text="Đăng ký kinh doanh")
    call_to_action = service.get_by_role("link", name=re.compile(r"^Nộp hồ sơ trực tuyến"))
    go_url = call_to_action.get_attribute("href")
    assert go_url.startswith("/go/")
    online_url = online_service_address(page.context, service.get_by_role("heading").get_by_role("link"))

    with page.expect_request(lambda request: not request.url.startswith(portal.url + "/")) as leaving:
        call_to_action.click()
    # The counting redirect sends the browser to the service's own address (unreachable here).
    assert leaving.value.url == online_url
    assert leaving.value.redirected_from.url.endswith(go_url)

    assert campaign_follow_throughs(admin, campaign_title) == before + 1


def test_a_citizen_browses_directives_by_type_and_year_and_downloads_the_signed_file(page, live_pages):
    page.goto("/")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Văn bản").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(first_of(live_pages, "directives.directiveindexpage"))

    # Each option carries its count, e.g. "Kế hoạch (1)".
    for label, choice in (("Loại văn bản", "Kế hoạch"), ("Năm ban hành", "2011")):
        select = page.get_by_label(label)
        select.select_option(value=select.locator("option", has_text=choice).first.get_attribute("value"))
    with page.expect_navigation():
        page.get_by_role("button", name="Lọc văn bản").click()
    # The filter lives in the address, so it can be shared.
    assert "loai=ke-hoach" in page.url and "nam=2011" in page.url
    results = page.get_by_role("main").locator("ol.directive-list > li")
    assert results.count() >= 1
    for meta in results.locator(".meta").all_inner_texts():
        assert meta.startswith("Kế hoạch số") and "/2011" in meta, meta

    results.get_by_role("link", name=re.compile("giai đoạn 2011-2015")).click()
    page.wait_for_load_state()
    metadata = page.get_by_role("main").locator("dl").first.inner_text()
    assert "07/KH-UBND" in metadata and "14/03/2011" in metadata

    attachments = page.get_by_role("region", name="Tệp đính kèm")
    link = attachments.get_by_role("link").first
    shown = attachments.get_by_role("listitem").first.inner_text()
    assert "PDF" in shown, shown
    # Alt+click saves the linked file, as "Save link as…" does.
    with page.expect_download() as download_info:
        link.click(modifiers=["Alt"])
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-"


def test_a_citizen_reads_the_indicator_tracker_with_javascript_disabled(no_js_page, live_pages):
    page = no_js_page
    page.goto(first_of(live_pages, "indicators.indicatortrackerpage"))
    main = page.get_by_role("main")
    assert re.search(r"\d+(,\d)?% chỉ tiêu đã đạt", main.inner_text())

    card = main.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Tỷ lệ văn bản chỉ đạo, điều hành được đăng trên cổng")
    )
    facts = card.locator("dl").first.inner_text()
    value = re.search(r"Giá trị hiện tại\s+(\d+(?:,\d+)?)%", facts)
    assert value, facts
    assert 60 <= float(value.group(1).replace(",", ".")) <= 100
    assert "Chỉ tiêu" in facts and "Tình trạng" in facts
    # The chart is a picture with a text alternative, and a table carries the same figures.
    assert card.get_by_role("img", name=re.compile("^Diễn biến")).count() == 1
    table = card.get_by_role("table", name=re.compile("^Số liệu theo kỳ"))
    assert table.get_by_role("rowheader").count() >= 2
    # The methodology opens without JavaScript (a native disclosure).
    method = card.get_by_text("Phương pháp tính và nguồn số liệu")
    method.click()
    assert card.get_by_text("Nguồn:", exact=False).first.is_visible()

    card.get_by_role("link", name="Toàn bộ lịch sử số liệu").click()
    page.wait_for_load_state()
    assert heading(page).startswith("Tỷ lệ văn bản chỉ đạo, điều hành")
    assert page.get_by_role("table").count() >= 1


def test_a_citizen_uses_the_search_suggestions_with_the_keyboard_only(page):
    page.goto("/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "combobox":
            break
    else:
        pytest.fail("the search box with suggestions cannot be reached with Tab")
    box = page.locator(":focus")
    page.keyboard.type("dang ky kinh", delay=30)
    suggestions = page.get_by_role("listbox", name="Gợi ý tìm kiếm")
    suggestions.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = suggestions.get_by_role("option")
    assert options.count() >= 1
    assert any(text.startswith("Đăng ký kinh doanh") for text in options.all_inner_texts())

    # Down moves through the suggestions; the box says which one is active.
    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    # Escape closes the list and leaves the typed text alone.
    page.keyboard.press("Escape")
    assert suggestions.is_hidden()
    assert box.input_value() == "dang ky kinh"

    page.keyboard.press("ArrowDown")
    suggestions.wait_for(state="visible")
    target = None
    for index in range(options.count()):
        page.keyboard.press("ArrowDown")
        if options.nth(index).inner_text().startswith("Đăng ký kinh doanh"):
            target = options.nth(index).inner_text().strip()
            break
    assert target, options.all_inner_texts()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert heading(page) == target
