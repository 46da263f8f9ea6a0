"""What a citizen on a phone reads in the tracker's charts, and the print buttons the CSP used to block."""

import pytest

pytestmark = pytest.mark.browser

# Rendered size of every chart label: its font size times the factor the viewBox is scaled by.
CHART_LABEL_SIZES = """() => [...document.querySelectorAll('.indicator-chart svg')].flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(text => ({
        text: text.textContent.trim(),
        px: parseFloat(getComputedStyle(text).fontSize) * scale,
    }));
})"""

# window.print() would open a dialog the headless browser cannot close: record the call instead.
RECORD_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def test_the_trackers_chart_labels_are_at_least_12_px_on_a_360_px_phone(mobile_page, live_pages):
    mobile_page.goto(live_pages["indicators.indicatortrackerpage"][0]["url"])

    labels = mobile_page.evaluate(CHART_LABEL_SIZES)

    assert len(labels) > 10, "the tracker shows no chart labels"
    too_small = [label for label in labels if label["px"] < 12]
    assert not too_small, too_small[:5]
    page_width = mobile_page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360, "the chart pushes the page sideways"


@pytest.mark.parametrize(
    ("page_type", "route", "label"),
    [
        ("services.procedurepage", "ho-so-can-chuan-bi/", "In danh sách"),
        ("services.campaignpage", "ap-phich/", "In áp phích"),
    ],
)
def test_the_print_button_opens_the_print_dialog(page, live_pages, page_type, route, label):
    page.add_init_script(RECORD_PRINT)
    page.goto(live_pages[page_type][0]["url"] + route)

    page.get_by_role("button", name=label).click()

    assert page.evaluate("window.__printed") == 1
