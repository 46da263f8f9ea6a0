"""Keyboard use: the skip link, a visible focus indicator on every stop, an operable main menu."""

import pytest

from .conftest import DESKTOP, new_context
from .pages import key_page_url

pytestmark = pytest.mark.browser

# What a keyboard user sees of the focused element: its outline or focus ring, its box, its text.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    // Which element it is, whatever the scroll position: its place in the document.
    const key = [...document.querySelectorAll('*')].indexOf(el);
    return {
        key,
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        id: el.id,
        role: el.getAttribute('role'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        ring: style.boxShadow !== 'none',
        width: box.width, height: box.height,
        inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
}"""


def tab_stops(page, limit=80):
    """Press Tab until focus leaves the page or comes back to the first stop; what each stop showed."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["key"] == stops[0]["key"]):
            break
        stops.append(focused)
    return stops


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(page, live_pages):
    page.goto(key_page_url(live_pages, "home"))
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["text"] == "Bỏ qua, đến nội dung chính"
    assert first["inViewport"] and first["height"] > 10, "the skip link must appear when focused"

    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the main content, past the header and the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


# What Tab should reach: every visible element the browser puts in the tab order (one stop per
# radio group), native controls that Enter (or Space, for form fields) operates without scripts.
FOCUSABLE = """() => {
    const candidates = document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]');
    const groups = new Set();
    return [...candidates].filter((el) => {
        if (el.disabled || el.tabIndex < 0 || el.closest('[inert]') || !el.getClientRects().length) return false;
        if (getComputedStyle(el).visibility === 'hidden') return false;
        if (el.type === 'radio') { if (groups.has(el.name)) return false; groups.add(el.name); }
        return true;
    }).length;
}"""
NATIVE = {"a", "button", "input", "select", "textarea", "summary"}


@pytest.fixture(scope="module")
def keyboard_tab(chromium, portal):
    context = new_context(chromium, portal, viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_every_discovered_page_is_crossed_with_tab_and_shows_each_stop(keyboard_tab, discovered):
    failures = []
    pages = [target for target in discovered.html_targets() if target.status == 200 or target.name == "404"]
    for target in pages:
        keyboard_tab.goto(target.address)
        expected = keyboard_tab.evaluate(FOCUSABLE)
        stops = tab_stops(keyboard_tab, limit=expected + 5)
        problems = []
        if len(stops) != expected:
            problems.append(f"Tab reaches {len(stops)} of {expected} focusable elements")
        invisible = [stop for stop in stops if not (stop["outline"] or stop["ring"])]
        if invisible:
            problems.append(f"no visible focus: {invisible[:3]}")
        hidden = [stop for stop in stops if not stop["inViewport"] or stop["width"] < 4 or stop["height"] < 4]
        if hidden:
            problems.append(f"focus lands on something the user cannot see: {hidden[:3]}")
        # A scroll region is focused only to scroll it with the arrow keys; every other stop is a
        # native control, which Enter follows or submits without any script.
        scripted = [stop for stop in stops if stop["tag"] not in NATIVE and stop["role"] != "region"]
        if scripted:
            problems.append(f"stops that are not native controls: {scripted[:3]}")
        if problems:
            failures.append(f"{target.name} ({target.url}): " + "; ".join(problems))
    assert not failures, f"{len(failures)} of {len(pages)} pages:\n" + "\n".join(failures)


def tab_to(page, predicate_js, limit=60):
    """Press Tab until the focused element satisfies ``predicate_js`` (a JS expression on ``el``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({predicate_js}); }})()"):
            return page.evaluate(FOCUSED)
    return None


@pytest.mark.parametrize("fixture", ["page", "mobile_page"])
def test_the_main_menu_is_operated_with_the_keyboard(request, live_pages, fixture):
    tab = request.getfixturevalue(fixture)
    tab.goto(key_page_url(live_pages, "home"))
    menu = tab.get_by_role("navigation", name="Điều hướng chính")
    titles = menu.get_by_role("link", include_hidden=True).all_text_contents()
    assert len(titles) >= 2, titles
    target = titles[-1].strip()

    toggle = menu.get_by_role("button", name="Danh mục")
    if fixture == "mobile_page":
        # On a phone the menu folds behind a disclosure button, opened with Enter.
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not menu.get_by_role("link", include_hidden=True).first.is_visible()
        focused = tab_to(tab, "el.classList.contains('main-nav__toggle')")
        assert focused and focused["inViewport"] and (focused["outline"] or focused["ring"])
        tab.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert menu.get_by_role("link", name=target).is_visible()
    else:
        assert not toggle.is_visible()

    # Tab along the menu to its last entry, then follow it with Enter.
    focused = tab_to(tab, f"el.closest('.main-nav') && el.innerText.trim() === {target!r}")
    assert focused, f"“{target}” in the main menu cannot be reached with Tab"
    assert focused["inViewport"] and (focused["outline"] or focused["ring"])
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    current = tab.get_by_role("navigation", name="Điều hướng chính").locator("[aria-current='page']")
    assert current.inner_text().strip() == target
    assert tab.get_by_role("heading", level=1).inner_text().strip()


def test_without_javascript_the_phone_menu_is_simply_shown(chromium, portal, live_pages):
    from .conftest import MOBILE, new_context

    context = new_context(chromium, portal, viewport=MOBILE, is_mobile=True, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(key_page_url(live_pages, "home"))
    menu = tab.get_by_role("navigation", name="Điều hướng chính")
    assert menu.get_by_role("button").count() == 0
    assert all(link.is_visible() for link in menu.get_by_role("link").all())
    context.close()
