"""Automatic accessibility and validity checks on the key public pages, as a browser renders them."""

import urllib.request

import pytest

from .checks import axe_violations, describe_violations, describe_vnu_errors, vnu_errors
from .pages import KEY_PAGES, key_page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_page_has_no_serious_or_critical_axe_violation_on_desktop(page, live_pages, name):
    response = page.goto(key_page_url(live_pages, name))
    assert response.ok, f"{name} answered {response.status}"
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}):\n{describe_violations(violations)}"


@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_page_has_no_serious_or_critical_axe_violation_on_a_phone(mobile_page, live_pages, name):
    response = mobile_page.goto(key_page_url(live_pages, name))
    assert response.ok, f"{name} answered {response.status}"
    violations = axe_violations(mobile_page)
    assert not violations, f"{name} ({mobile_page.url}):\n{describe_violations(violations)}"


# WCAG 2.1 reflow (1.4.10): content fits 320 CSS pixels without scrolling sideways.
WIDEST_OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap'))
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`);
    return {scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5)};
}"""


@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_page_fits_a_320_pixel_screen_without_sideways_scrolling(chromium, portal, live_pages, name):
    from .conftest import new_context

    context = new_context(chromium, portal, viewport={"width": 320, "height": 640}, is_mobile=True)
    tab = context.new_page()
    tab.goto(key_page_url(live_pages, name))
    layout = tab.evaluate(WIDEST_OVERFLOWING)
    context.close()
    assert layout["scrollWidth"] <= layout["width"], f"{name} scrolls sideways: {layout}"


@pytest.fixture(scope="module")
def nu_checker_report(portal, live_pages, tmp_path_factory):
    """The HTML each key page is served with, checked in one run of the Nu HTML Checker."""
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for name in KEY_PAGES:
        with urllib.request.urlopen(portal.url + key_page_url(live_pages, name), timeout=30) as response:  # noqa: S310
            files[name] = folder / f"{name}.html"
            files[name].write_bytes(response.read())
    errors = vnu_errors(files.values())
    return {name: errors[path.name] for name, path in files.items()}


@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_page_is_valid_html(nu_checker_report, name):
    errors = nu_checker_report[name]
    assert not errors, f"{name}:\n{describe_vnu_errors(errors)}"
