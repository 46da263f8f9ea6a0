"""Automatic accessibility and validity checks on every public page, route and state the demo has.

What is checked is discovered (see discovery.py): a new page type, route or finder is covered
without being listed here, and a page type the demo has no page of fails the run.
"""

import pytest

from .checks import axe_violations, describe_violations, describe_vnu_errors, vnu_errors
from .conftest import DESKTOP, MOBILE, new_context
from .pages import KEY_PAGES, key_page_url

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"viewport": DESKTOP}, "phone": {"viewport": MOBILE, "is_mobile": True, "has_touch": True}}

# WCAG 2.1 reflow (1.4.10): content fits 320 CSS pixels without scrolling sideways; wide tables and
# charts scroll inside their own region instead.
WIDEST_OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('[role=region][tabindex]'))
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`);
    return {scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5)};
}"""

# A box that scrolls sideways must be reachable with the keyboard and announced with a name
# (WCAG 2.1.1 and 4.1.2): a focusable, labelled region.
UNLABELLED_SCROLL_BOXES = """() => [...document.querySelectorAll('body *')]
    .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .filter((el) => !(el.tabIndex >= 0 && el.getAttribute('role') === 'region'
        && (el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '').split(' ')
            .some((id) => document.getElementById(id)?.textContent.trim()))))
    .map((el) => el.outerHTML.slice(0, 160))"""


def test_every_page_type_has_a_live_demo_page_to_check(discovered):
    assert len(discovered.page_types) >= 11, discovered.page_types
    assert not discovered.types_without_page, (
        f"the demo (load_demo) has no live page of {discovered.types_without_page}, so nothing checks them"
    )


# States the demo does not have yet; each gap is reported to the demo's owner and closes by itself:
# once the demo has such a page, the xfail below turns into a failure until the entry goes.
def test_every_page_state_has_a_demo_page_to_check(discovered):
    missing = set(discovered.missing_states)
    assert not missing, f"the demo has no page in these states: {sorted(missing)}"


def test_every_route_that_takes_an_argument_is_linked_from_its_page(discovered):
    assert not discovered.routes_without_example, (
        f"no link to these routes on the discovered pages, so nothing checks them: {discovered.routes_without_example}"
    )


# Finders the demo cannot show on a second page, and why. The test fails once one of them has a
# second page, so that the entry goes and the page is checked.
SINGLE_PAGE_FINDERS = {
    # Same template as the province's procedure finder, which is checked on its second page.
    "subportals.agencyprocedureindexpage": "a sub-portal's agency handles fewer procedures than a page holds",
}


def test_every_finder_is_checked_filtered_on_its_second_page_and_empty(discovered):
    assert {"directives.directiveindexpage", "services.procedureindexpage", "search"} <= set(discovered.finders)
    gaps = {gap.split(":")[0] for gap in discovered.finder_gaps}
    assert gaps == set(SINGLE_PAGE_FINDERS), discovered.finder_gaps
    for name, variants in discovered.finders.items():
        if name == "directives.operationalnewsindexpage":  # the news list has no filters, only pages
            continue
        if name not in SINGLE_PAGE_FINDERS:
            assert variants == ["empty", "filtered", "page-2"], f"{name} offers only {variants}"


def test_every_discovered_url_answers_as_expected(discovered):
    wrong = [(t.name, t.url, t.status) for t in discovered.targets.values() if t.status != t.expected_status]
    assert not wrong, wrong
    assert discovered.targets["404"].is_html


@pytest.mark.parametrize("width", WIDTHS)
def test_every_discovered_page_has_no_serious_axe_violation_and_scrolls_only_inside_regions(
    chromium, portal, discovered, width
):
    context = new_context(chromium, portal, **WIDTHS[width])
    tab = context.new_page()
    failures = []
    for target in discovered.html_targets():
        tab.goto(target.address)
        violations = axe_violations(tab)
        if violations:
            failures.append(f"{target.name} ({target.url}):\n{describe_violations(violations)}")
        boxes = tab.evaluate(UNLABELLED_SCROLL_BOXES)
        if boxes:
            failures.append(f"{target.name} ({target.url}): scrolls outside a focusable, labelled region: {boxes}")
        if width == "phone":
            layout = tab.evaluate(WIDEST_OVERFLOWING)
            if layout["scrollWidth"] > layout["width"]:
                failures.append(f"{target.name} ({target.url}) scrolls sideways: {layout}")
    context.close()
    assert not failures, f"{len(failures)} of {len(discovered.html_targets())} pages:\n" + "\n".join(failures)


@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_page_fits_a_320_pixel_screen_without_sideways_scrolling(chromium, portal, live_pages, name):
    context = new_context(chromium, portal, viewport={"width": 320, "height": 640}, is_mobile=True)
    tab = context.new_page()
    tab.goto(key_page_url(live_pages, name))
    layout = tab.evaluate(WIDEST_OVERFLOWING)
    context.close()
    assert layout["scrollWidth"] <= layout["width"], f"{name} scrolls sideways: {layout}"


def test_every_discovered_page_is_valid_html(discovered, tmp_path):
    """The HTML each page is served with, all checked in one run of the Nu HTML Checker."""
    files = {}
    for number, target in enumerate(discovered.html_targets()):
        files[target.name] = tmp_path / f"page-{number}.html"
        files[target.name].write_text(target.html)
    errors = vnu_errors(files.values())
    failures = [
        f"{name} ({discovered.targets[name].url}):\n{describe_vnu_errors(errors[path.name])}"
        for name, path in files.items()
        if errors[path.name]
    ]
    assert not failures, "\n".join(failures)
