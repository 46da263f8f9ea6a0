"""The Content-Security-Policy breaks nothing: a real Chromium runs the admin and the public site."""

import os

import pytest
from django.conf import settings
from django.test import Client

from home.models import StandardPage

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_editor_and_public_pages_run_without_a_csp_violation(live_server, home_page, superuser):
    from playwright.sync_api import sync_playwright

    page_to_edit = home_page.add_child(instance=StandardPage(title="Trang thử chính sách bảo mật", lead="Nội dung"))
    page_to_edit.save_revision().publish()
    client = Client()
    client.force_login(superuser)
    session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
    urls = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{page_to_edit.pk}/edit/",
        "/admin/images/",
        home_page.url,
        page_to_edit.url,
    ]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context()
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_id, "url": live_server.url}])
        context.add_init_script(RECORD_VIOLATIONS)
        tab = context.new_page()
        console_errors = []
        tab.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
        tab.on("pageerror", lambda error: console_errors.append(str(error)))
        report = {}
        for url in urls:
            response = tab.goto(live_server.url + url, wait_until="networkidle")
            assert response.status == 200, url
            report[url] = {
                "violations": tab.evaluate("window.__cspViolations"),
                "admin_scripts_ran": tab.evaluate("typeof window.wagtail === 'object'"),
            }
        browser.close()

    for url, seen in report.items():
        assert seen["violations"] == [], (url, seen["violations"])
        if url.startswith("/admin/"):
            assert seen["admin_scripts_ran"], url
    assert not [text for text in console_errors if "Content Security Policy" in text], console_errors
