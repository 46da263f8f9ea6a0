"""The print stylesheet on the pages citizens print: directives, procedure checklists, campaign posters.

Each is printed to PDF by Chromium: the PDF has the page's text and none of the site's menus,
search box or breadcrumbs.
"""

import io

import pytest
from pypdf import PdfReader

from .conftest import DESKTOP, new_context

pytestmark = pytest.mark.browser

# Discovered pages (discovery.py) whose print-out matters at a one-stop counter.
PRINTED = [
    "directive-detail",
    "directives.directivepage /print_view",
    "services.procedurepage /checklist",
    "services.campaignpage /poster",
]

# Navigation chrome as the print media shows it: every menu, the search box and breadcrumbs.
CHROME_SHOWN = """() => [...document.querySelectorAll('nav, form[role=search], .skip-link, .site-footer__social')]
    .filter((el) => !el.closest('main') && el.checkVisibility())
    .map((el) => el.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def menu_labels(chromium, portal):
    context = new_context(chromium, portal, viewport=DESKTOP)
    tab = context.new_page()
    tab.goto("/")
    labels = [label.strip() for label in tab.locator(".main-nav a").all_inner_texts() if label.strip()]
    context.close()
    assert len(labels) >= 3, labels
    return labels


@pytest.mark.parametrize("name", PRINTED)
def test_printing_gives_the_page_without_navigation_chrome(chromium, portal, discovered, menu_labels, name):
    target = discovered.targets[name]
    context = new_context(chromium, portal, viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(target.address)
    heading = tab.get_by_role("heading", level=1).first.inner_text().strip()
    tab.emulate_media(media="print")
    shown = tab.evaluate(CHROME_SHOWN)
    # A menu label may also be part of the content itself, as often as the content says it.
    content = " ".join(tab.locator("main").inner_text().split())
    pdf = tab.pdf(format="A4")
    context.close()

    assert not shown, f"{name} prints its navigation: {shown}"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    folded = " ".join(text.split())
    assert " ".join(heading.split())[:40] in folded, f"{name}: the PDF lacks the title “{heading}”"
    printed_menus = [label for label in menu_labels if folded.count(label) > content.count(label)]
    assert not printed_menus, f"{name}: the PDF shows menu entries {printed_menus}"
