"""Fixtures of the browser tests: one demo server and one headless Chromium for the whole package.

Both are package-scoped, so they stop as soon as the last browser test has run: Playwright's
synchronous API keeps an event loop open while it runs, which Django's ORM in later tests must
not see.
"""

import os
import re

import pytest
from playwright.sync_api import sync_playwright

from .discovery import discover
from .server import STAFF, PortalServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Root in a container without a sandbox, and a closed network: no background traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Only the loopback server is ever resolved, under its address or a sub-portal's <name>.localhost:
    # links leaving the portal are answered by off_site() below, and a redirect off the portal
    # (which routing does not see) fails without a lookup.
    "--host-resolver-rules=MAP *.localhost 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# A citizen's desktop Chromium; the headless default names itself a robot, which the campaign
# counter rightly ignores.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36"
# What a link leaving the portal (an online-service site, a social network) opens in the tests:
# the machine has no network, and the tests must not try one.
OFF_SITE_PAGE = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang ngoài cổng</title></head>'
    "<body><h1>Trang ngoài cổng</h1><p>{url}</p></body></html>"
)
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 360, "height": 740}
TIMEOUT_MS = 15_000


def launch_chromium(playwright):
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: run ops/browser-tools.sh (make test does)"
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="package")
def portal():
    """The demo portal, served on a free loopback port from a scratch database."""
    # BROWSER_TESTS_DIR keeps the prepared server between runs while one works on the tests.
    kept = os.environ.get("BROWSER_TESTS_DIR")
    server = PortalServer(kept)
    try:
        if not (kept and server.is_prepared()):
            server.prepare()
        server.start()
        yield server
    finally:
        server.stop() if kept else server.remove()


@pytest.fixture(scope="package")
def live_pages(portal):
    """Live pages by content type, e.g. ``live_pages["services.procedurepage"][0]["url"]``."""
    return portal.inventory()


@pytest.fixture(scope="package")
def discovered(portal, live_pages):
    """Every page type, state, route and finder state of the demo that the checks run on (discovery.py)."""
    return discover(portal, live_pages)


@pytest.fixture(scope="package")
def chromium():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def off_site(route):
    """Answer a request that leaves the portal without touching the network."""
    if route.request.resource_type == "document":
        route.fulfill(
            status=200, content_type="text/html; charset=utf-8", body=OFF_SITE_PAGE.format(url=route.request.url)
        )
    else:
        route.abort()


def new_context(chromium, portal, **options):
    options.setdefault("user_agent", USER_AGENT.format(major=chromium.version.split(".")[0]))
    context = chromium.new_context(base_url=portal.url, locale="vi-VN", **options)
    context.set_default_timeout(TIMEOUT_MS)
    own_hosts = rf"(?:{re.escape(portal.url)}|http://[a-z0-9-]+\.localhost:{portal.port})/"
    context.route(re.compile(rf"^(?!{own_hosts})[a-z]+://"), off_site)
    return context


def _new_page(chromium, portal, **options):
    context = new_context(chromium, portal, **options)
    return context, context.new_page()


@pytest.fixture
def page(chromium, portal):
    """A fresh desktop browser tab (no cookies) on the demo portal."""
    context, tab = _new_page(chromium, portal, viewport=DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def mobile_page(chromium, portal):
    context, tab = _new_page(chromium, portal, viewport=MOBILE, is_mobile=True, has_touch=True)
    yield tab
    context.close()


@pytest.fixture
def no_js_page(chromium, portal):
    context, tab = _new_page(chromium, portal, viewport=DESKTOP, java_script_enabled=False)
    yield tab
    context.close()


@pytest.fixture
def staff_page(chromium, portal):
    """Returns a function opening a logged-in admin tab for "editor" or "moderator"."""
    contexts = []

    def log_in(role):
        account = STAFF[role]
        context, tab = _new_page(chromium, portal, viewport=DESKTOP)
        contexts.append(context)
        tab.goto("/admin/login/")
        tab.get_by_label("Tên đăng nhập").fill(account["username"])
        tab.locator("input[name=password]").fill(account["password"])
        with tab.expect_navigation():
            tab.get_by_role("button", name="Đăng nhập").click()
        assert tab.url.endswith("/admin/"), f"{role} could not log in: {tab.url}"
        return tab

    yield log_in
    for context in contexts:
        context.close()
