"""The staff journey in the Vietnamese admin: an editor writes up a directive from the register and
submits it, a moderator approves it, and citizens then find it everywhere it belongs."""

import re
from urllib.parse import urlencode

import pytest

from .pages import first_of

pytestmark = pytest.mark.browser


def definitions(locator):
    """A definition list as {term: description}."""
    terms = locator.locator("dt").all_inner_texts()
    descriptions = locator.locator("dd").all_inner_texts()
    return {term.strip(): description.strip() for term, description in zip(terms, descriptions, strict=True)}


def published_this_quarter(tab):
    """How many directives of the quarter the editor's dashboard counts as on the portal."""
    tab.goto("/admin/")
    text = tab.get_by_role("region", name="Văn bản chỉ đạo trên cổng").inner_text()
    return int(re.search(r"(\d+) trên \d+ văn bản chỉ đạo đã đăng", text).group(1))


def follow(tab, link):
    with tab.expect_navigation():
        link.click()


def choose_snippet(admin, chooser_label, item):
    admin.get_by_role("button", name=chooser_label).click()
    admin.get_by_role("dialog").get_by_role("link", name=item, exact=True).click()
    admin.get_by_role("dialog").wait_for(state="hidden")


def open_more_actions(admin, action):
    """Open the editor footer's "Thao tác khác" menu and return the given action's button."""
    button = admin.get_by_role("button", name=action, exact=True)
    for _ in range(3):  # the menu may open before its script is ready on a busy machine
        admin.get_by_role("button", name="Thao tác khác").click()
        try:
            button.wait_for(state="visible", timeout=3000)
            return button
        except Exception:  # noqa: BLE001, S112 - a closed menu: try again
            continue
    return button


def test_an_editor_writes_up_a_directive_a_moderator_approves_it_and_citizens_find_it(staff_page, page, live_pages):
    listing_url = first_of(live_pages, "directives.directiveindexpage")

    # The editor's dashboard names an issued directive that is not on the portal yet; the
    # register holds its particulars.
    editor = staff_page("editor")
    published_before = published_this_quarter(editor)
    panel = editor.get_by_role("region", name="Văn bản chỉ đạo trên cổng")
    assert "văn bản chưa đăng" in panel.inner_text()
    follow(editor, panel.get_by_role("link", name="tạo trang từ sổ theo dõi").first)
    entry = definitions(editor.get_by_role("main").locator("dl"))
    number, title = entry["Số ký hiệu"], entry["Trích yếu"]

    # Not on the public site yet.
    page.goto(f"{listing_url}?{urlencode({'q': number})}")
    assert page.get_by_role("link", name=title).count() == 0

    # The editor writes the page by hand under the directive section of the page tree.
    editor.goto("/admin/pages/")
    follow(editor, editor.get_by_role("link", name="Xem các trang con của 'Trang chủ'"))
    follow(editor, editor.get_by_role("link", name="Xem các trang con của 'Văn bản chỉ đạo, điều hành'"))
    follow(editor, editor.get_by_role("link", name="Thêm trang con").first)
    assert "/admin/pages/add/" in editor.url
    editor.locator("#id_title").fill(title)
    editor.get_by_role("textbox", name="Số ký hiệu").fill(number)
    choose_snippet(editor, "Chọn Loại văn bản", entry["Loại văn bản"])
    choose_snippet(editor, "Chọn Cơ quan ban hành", entry["Cơ quan ban hành"])
    if entry["Người ký"] not in {"", "–"}:
        editor.get_by_role("textbox", name="Người ký", exact=True).fill(entry["Người ký"])
    editor.locator("#id_issued_on").fill(entry["Ngày ban hành"])
    # Typed, not picked: a click outside closes the date picker that opened over the form.
    editor.locator("#id_title").click()
    editor.locator(".xdsoft_datetimepicker").first.wait_for(state="hidden")
    editor.get_by_role("textbox", name="Trích yếu").fill(title)

    # An editor cannot publish: only submitting to the approval workflow is offered.
    submit = open_more_actions(editor, "Gửi duyệt theo Quy trình phê duyệt nội dung")
    assert editor.get_by_role("button", name="Xuất bản", exact=True).count() == 0
    with editor.expect_navigation():
        submit.click()
    assert "gửi duyệt" in editor.locator(".messages").inner_text()

    # Still nothing public while it waits for approval.
    page.goto(f"{listing_url}?{urlencode({'q': number})}")
    assert page.get_by_role("link", name=title).count() == 0

    # The moderator finds it on the dashboard and approves it.
    moderator = staff_page("moderator")
    waiting = moderator.get_by_role("region", name="Đang chờ bạn duyệt")
    follow(moderator, waiting.get_by_role("link", name=title).first)
    approve = open_more_actions(moderator, "Phê duyệt và xuất bản")
    with moderator.expect_navigation():
        approve.click()
    assert moderator.locator(".messages").count() == 1

    # Citizens find it in the listing and read it.
    page.goto(f"{listing_url}?{urlencode({'q': number})}")
    follow(page, page.get_by_role("link", name=title))
    assert page.get_by_role("heading", level=1).inner_text().strip() == title
    metadata = definitions(page.get_by_role("main").locator("dl").first)
    assert metadata["Số ký hiệu"] == number and metadata["Ngày ban hành"] == entry["Ngày ban hành"]
    directive_url = page.url

    # In the feed the page advertises.
    feed_url = page.locator("link[rel=alternate][type='application/rss+xml']").first.get_attribute("href")
    feed = page.request.get(feed_url)
    assert feed.ok
    assert title in feed.text() and directive_url in feed.text()

    # In search, typed into the search box on any page.
    box = page.get_by_role("search").get_by_role("combobox")
    box.fill(number)
    with page.expect_navigation():
        box.press("Enter")
    assert page.get_by_role("main").get_by_role("link", name=title).count() >= 1

    # The editor's dashboard counts it as on the portal (the tracker's indicator follows the same
    # register: tests/indicators/test_automatic.py).
    assert published_this_quarter(editor) == published_before + 1

    # The register entry now links to the page: the moderator sees it in the register.
    moderator.get_by_role("navigation").get_by_role("button", name="Văn bản chỉ đạo").click()
    follow(moderator, moderator.get_by_role("link", name="Sổ theo dõi văn bản", exact=True))
    search = moderator.get_by_role("main").get_by_role("textbox", name="Từ khóa tìm kiếm")
    search.fill(number)
    with moderator.expect_response(lambda response: "q=" in response.url) as listing:
        search.press("Enter")
    assert listing.value.ok, f"searching the register answered {listing.value.status}"
    row = moderator.get_by_role("row").filter(has_text=number)
    row.first.wait_for()
    assert title in row.first.inner_text()
