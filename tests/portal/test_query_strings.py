"""Bad query strings never produce a 500, on any public route.

The routes are discovered, not listed: every URL pattern of the URLconf outside the
admin, every page type of the demo and every sub-route its pages link to (filters,
data downloads, posters, feeds). Hypothesis then drives each route with generated
parameters: junk, very long values, null bytes, wrong types, page=10^9, unknown
filter values and repeated parameters.
"""

import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

EXCLUDED_PREFIXES = ("/admin", "/documents", "/static", "/media", "/django-admin")
# Parameter names the portal's own views read, plus common ones a visitor or a bot sends.
COMMON_KEYS = [
    "page",
    "trang",
    "p",
    "q",
    "limit",
    "offset",
    "order",
    "fields",
    "type",
    "search",
    "format",
    "sort",
    "year",
    "nam",
    "month",
    "from",
    "to",
    "id",
    "next",
    "lang",
    "utm_source",
]
NASTY_VALUES = [
    "\x00",
    "a\x00b",
    "1000000000",
    "-1",
    "0",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%",
    "%%",
    "2026-02-30",
    "31/31/2026",
    "9" * 400,
    "x" * 5000,
    "đăng ký",
    "Ｆｕｌｌｗｉｄｔｈ",
    "\ud7ff",
    "../../etc/passwd",
    " ",
    "",
    "true",
    "null",
    "1.5",
    "0x1F",
    "１２３",
]

values = st.one_of(
    st.sampled_from(NASTY_VALUES),
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


def query_strategy(keys):
    key = st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=12))
    return st.lists(st.tuples(key, values), max_size=6)


def public_patterns(resolver=None, prefix=""):
    """Every URL pattern outside the admin, as (path template, has_converters)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from public_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield "/" + route.lstrip("^").rstrip("$")


def fill(template):
    """A concrete path for a pattern: converters get a plausible value."""
    path = re.sub(r"<int:[^>]+>", "1", template)
    path = re.sub(r"<[^>]+>", "abc", path)
    return path.replace("\\Z", "")


def route_signature(path, pages_by_url):
    """Group URLs that run the same code: a view, a page type, or a page type's sub-route."""
    try:
        match = resolve(path)
    except Resolver404:
        return ("unknown", path)
    if match.url_name != "wagtail_serve":
        return ("view", match.url_name or match._func_path)
    owner = max((url for url in pages_by_url if path.startswith(url)), key=len, default=None)
    if owner is None:
        return ("pattern", re.sub(r"\d+", "N", path))
    remainder = path[len(owner) :].strip("/")
    shape = "/".join("*" if re.search(r"\d", segment) else segment for segment in remainder.split("/") if segment)
    return (type(pages_by_url[owner]).__name__, shape)


def discover_routes(client):
    pages_by_url = {}
    for page in Page.objects.live().specific().exclude(depth=1):
        url = page.get_url()
        if url:
            pages_by_url[url] = page
    candidates = sorted(pages_by_url)
    keys = set(COMMON_KEYS)
    for url in sorted(pages_by_url):
        html = client.get(url).content.decode(errors="replace")
        keys.update(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html))
        for href in re.findall(r'href="(/[^"#]*)"', html):
            href = href.replace("&amp;", "&")
            keys.update(part.split("=")[0] for part in urlsplit(href).query.split("&") if part)
            candidates.append(urlsplit(href).path)
    # Patterns no page links to still get a request; linked examples (real slugs) come first.
    for template in public_patterns():
        path = fill(template)
        if not path.startswith(EXCLUDED_PREFIXES) and "(" not in path:
            candidates.append(path)
    routes = {}
    for path in candidates:
        if path.startswith(EXCLUDED_PREFIXES):
            continue
        routes.setdefault(route_signature(path, pages_by_url), path)
    keys.discard("csrfmiddlewaretoken")
    return sorted(set(routes.values())), sorted(keys)


def route_check(client, route, keys):
    """A Hypothesis test of one route: every generated query string answers below 500."""

    @settings(
        max_examples=12,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(params=query_strategy(keys))
    @example(params=[("page", "1000000000")])
    @example(params=[("trang", "1000000000"), ("page", "-5")])
    @example(params=[("q", "\x00"), ("nam", "\x00")])
    @example(params=[("q", "x" * 5000)])
    @example(params=[(key, "khong-co-gia-tri-nay") for key in keys[:12]])
    @example(params=[(key, "1") for key in keys[:12]] + [(key, "2") for key in keys[:12]])
    @example(params=[(key, "[]") for key in keys[12:24]])
    def check(params):
        query = urlencode(params)
        response = client.get(f"{route}?{query}")
        assert response.status_code < 500, f"{response.status_code} for {route}?{query[:300]}"

    return check


@pytest.mark.django_db
def test_no_public_route_answers_500_to_a_bad_query_string(demo):
    client = Client(raise_request_exception=False)
    routes, keys = discover_routes(client)
    assert len(routes) >= 20, routes
    failures = []

    for route in routes:
        try:
            route_check(client, route, keys)()
        except (AssertionError, ExceptionGroup) as failure:
            failures.append(str(failure).splitlines()[0])

    assert not failures, "\n".join(failures)
