"""No public page runs inline script: the content security policy would block it, and a button
wired with ``onclick=`` would silently do nothing. Every page type of the demo is rendered, with
every sub-page route its pages link to (checklist, poster, indicator pages), and search."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[a-zA-Z][^>]*>")
# An event handler attribute such as onclick= or onload=, not text inside a quoted value.
HANDLER = re.compile(r"""\s(on[a-z]+)\s*=""", re.IGNORECASE)
QUOTED = re.compile(r"""("[^"]*"|'[^']*')""")
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
LINK = re.compile(r"""href="([^"#?]+)[^"]*\"""")


def inline_code(html):
    """Inline event handlers and inline scripts found in ``html``."""
    found = []
    for tag in TAG.findall(html):
        found += [f"{name} in {tag[:80]}" for name in HANDLER.findall(QUOTED.sub('""', tag))]
    for attributes in SCRIPT.findall(html):
        if "src=" not in attributes and "application/json" not in attributes and "ld+json" not in attributes:
            found.append(f"inline <script{attributes}>")
    return found


def test_the_scanner_finds_handlers_and_inline_scripts():
    html = '<p title="onclick=x"><button type="button" onclick="window.print()">In</button><script>x()</script>'
    assert inline_code(html) == ['onclick in <button type="button" onclick="window.print()">', "inline <script>"]
    assert inline_code('<script src="/static/a.js" defer></script><a href="/on=1/">x</a>') == []


def _html(client, url):
    response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
    assert response.status_code == 200, url
    if not response["Content-Type"].startswith("text/html"):
        return None
    return response.content.decode()


def test_no_public_page_type_or_route_carries_inline_code(client, demo):
    pages = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().exact_type(model).first()
        assert page is not None, f"the demo has no live {model.__name__}: the check would miss its template"
        pages[model] = page

    checked = {}
    reached_routes = {model: set() for model in pages if issubclass(model, RoutablePageMixin)}
    for model, page in pages.items():
        # Page URLs are full ones (http://host/path/) since the demo has sub-portals: ask each host.
        url = urlsplit(page.full_url)
        client.defaults["HTTP_HOST"] = url.netloc
        page_path = url.path
        html = _html(client, page_path)
        checked[page.full_url] = inline_code(html)
        # Sub-pages of routable pages are found through the links the page itself gives.
        if model in reached_routes:
            reached_routes[model].add(page.resolve_subpage("/")[0].__name__)
            for href in set(LINK.findall(html)):
                path = urlsplit(href).path
                if not path.startswith(page_path) or path == page_path:
                    continue
                try:
                    view, _args, _kwargs = page.resolve_subpage(path[len(page_path) - 1 :])
                except Resolver404:  # a link to a child page, not a route of this one
                    continue
                reached_routes[model].add(view.__name__)
                sub_html = _html(client, path)
                if sub_html is not None:
                    checked[path] = inline_code(sub_html)
            # Routes no link leads to (a thank-you page after a form) are opened by their address;
            # those the page does not serve in its state (a report not published yet) do not count.
            serves = getattr(page, "serves_route", lambda name: True)
            for pattern in model.get_subpage_urls():
                name = pattern.callback.__name__
                if name in reached_routes[model] or pattern.pattern.converters or pattern.pattern.regex.groups:
                    continue
                if not serves(pattern.name):
                    reached_routes[model].add(name)
                    continue
                path = page_path + page.reverse_subpage(pattern.name)
                reached_routes[model].add(name)
                sub_html = _html(client, path)
                if sub_html is not None:
                    checked[path] = inline_code(sub_html)
    client.defaults.pop("HTTP_HOST")
    for url in ("/tim-kiem/?q=dang+ky+kinh+doanh", "/tim-kiem/?q=", "/khong-co-trang-nay/"):
        response = client.get(url)
        checked[url] = inline_code(response.content.decode())

    for model, reached in reached_routes.items():
        # A route whose pattern an earlier one already takes (the default index route) is unreachable.
        first_by_pattern = {}
        for pattern in model.get_subpage_urls():
            first_by_pattern.setdefault(str(pattern.pattern), pattern.callback.__name__)
        routes = set(first_by_pattern.values())
        assert routes <= reached, f"{model.__name__} never links to its routes {routes - reached}"
    assert any("ho-so-can-chuan-bi" in url for url in checked), "the procedure checklist was not checked"
    assert any("ap-phich" in url for url in checked), "the campaign poster was not checked"
    assert any("/chi-tieu/" in url for url in checked), "no indicator page was checked"
    assert {url: found for url, found in checked.items() if found} == {}
