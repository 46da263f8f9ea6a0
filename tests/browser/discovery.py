"""What the automatic checks run on, discovered from the demo instead of listed by hand.

From the demo server's database (``inventory.discover``): one live page of every page type, the
page states in ``inventory.STATES``, and every ``RoutablePageMixin`` route of those pages. Then,
over HTTP as a browser sees them: an example argument for each route that takes one (the first
link to it on the pages above), every finder (a page with filters or pagination) filtered, on
its second page and with no result, search with and without results, and the 404 page.
A new page type, state or route is then checked without anyone adding it here.
"""

import re
from dataclasses import dataclass, field
from urllib.error import HTTPError
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit
from urllib.request import Request, urlopen

from bs4 import BeautifulSoup

from .pages import KEY_PAGES, key_page_url

# Words no demo content holds, so a finder or search given them shows its empty state.
NO_RESULT = "zzqx khong co ket qua"
NOT_FOUND_PATH = "/trang-khong-ton-tai-zzqx/"
# Words the demo has more than one page of search results for.
MANY_RESULTS = "dang ky"


@dataclass
class Target:
    name: str
    url: str
    expected_status: int = 200
    status: int = 0
    content_type: str = ""
    html: str = ""
    host: str | None = None  # a sub-portal's host name; None for the province portal
    address: str = ""  # what the browser opens: the path, or a sub-portal's full URL

    @property
    def is_html(self):
        return self.content_type.startswith("text/html")


@dataclass
class Discovery:
    targets: dict = field(default_factory=dict)  # name -> Target, in discovery order
    page_types: list = field(default_factory=list)
    types_without_page: list = field(default_factory=list)
    missing_states: list = field(default_factory=list)
    routes_without_example: list = field(default_factory=list)
    finders: dict = field(default_factory=dict)  # finder name -> the variants it showed
    finder_gaps: list = field(default_factory=list)

    def html_targets(self):
        return [target for target in self.targets.values() if target.is_html]

    def add(self, portal, name, url, expected_status=200, host=None):
        seen = next((target for target in self.targets.values() if (target.url, target.host) == (url, host)), None)
        if seen:
            return seen
        address = f"http://{host}:{portal.port}{url}" if host else url
        target = Target(name, url, expected_status, host=host, address=address)
        request = Request(portal.url + url, headers={"Host": f"{host}:{portal.port}"} if host else {})  # noqa: S310
        try:
            with urlopen(request, timeout=60) as response:  # noqa: S310 - the loopback test server
                target.status, target.content_type = response.status, response.headers.get("Content-Type", "")
                body = response.read()
        except HTTPError as error:
            target.status, target.content_type, body = error.code, error.headers.get("Content-Type", ""), error.read()
        if target.is_html:
            target.html = body.decode("utf-8")
        self.targets[name] = target
        return target


def _path(base, href):
    parts = urlsplit(urljoin(base, href))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _soup(target):
    return BeautifulSoup(target.html, "html.parser")


def _links(target):
    return [_path(target.url, a["href"]) for a in _soup(target).select("main a[href]")]


def _with(url, **params):
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return f"{parts.path}?{urlencode(query)}"


def _finder_variants(target):
    """A finder's filtered, second-page and empty URLs, as its own form, facets and pagination offer them."""
    soup = _soup(target)
    main = soup.select_one("main")
    variants = {}
    form = main.select_one("form.filters")
    action = _path(target.url, form.get("action") or target.url) if form else None
    if form:
        for select in form.select("select[name]"):
            option = next((o for o in select.select("option") if o.get("value")), None)
            if option:
                variants["filtered"] = _with(action, **{select["name"]: option["value"]})
                break
    facets = main.select(".facet a[href], .search-facets a[href]")
    facet = next((a for a in facets if "?" in a["href"] and a["href"] != "?"), None)
    if facet and "filtered" not in variants:
        variants["filtered"] = _path(target.url, facet["href"])
    following = main.select_one("a[rel~=next]") or next(
        (a for a in main.select(".pagination a[href]") if a.get_text(strip=True) == "2"), None
    )
    if following:
        variants["page-2"] = _path(target.url, following["href"])
    if form and form.select_one("input[name=q]"):
        variants["empty"] = _with(_path(target.url, target.url), q=NO_RESULT)
    elif facet:
        # A facet value nobody uses: the finder keeps the filter and lists nothing.
        name = parse_qsl(urlsplit(facet["href"]).query)[0][0]
        variants["empty"] = _with(target.url, **{name: NO_RESULT.replace(" ", "-")})
    return variants


def is_finder(target):
    main = _soup(target).select_one("main")
    return bool(main and main.select_one("form.filters, .facets, .pagination, a[rel~=next]"))


def discover(portal, live_pages):
    found = Discovery()
    inventory = portal.discovery()
    found.page_types = inventory["page_types"]
    found.missing_states = inventory["missing_states"]
    with_page = {page["type"] for page in inventory["pages"]}
    found.types_without_page = [label for label in found.page_types if label not in with_page]

    for name in KEY_PAGES:
        found.add(portal, name, key_page_url(live_pages, name))
    examples = []
    for page in inventory["pages"]:
        name = page["type"] + (f" ({page['state']})" if page["state"] else "")
        examples.append((name, page, found.add(portal, name, page["url"], host=page["host"])))
    found.add(portal, "search", "/tim-kiem/")
    found.add(portal, "e-mail alerts", "/dang-ky-nhan-tin/")
    found.add(portal, "search (no result)", "/tim-kiem/?" + urlencode({"q": NO_RESULT}))
    found.add(portal, "404", NOT_FOUND_PATH, expected_status=404)
    found.add(portal, "search (English)", "/en/tim-kiem/?" + urlencode({"q": "organisation"}))
    found.add(portal, "404 (English)", "/en" + NOT_FOUND_PATH, expected_status=404)

    # Routes without an argument are reversed; one with an argument takes the first link to it.
    linked = [link for target in found.html_targets() for link in _links(target)]
    for name, page, _target in examples:
        for route in page["routes"]:
            route_name = f"{name} /{route['name']}"
            if route["url"] is not None:
                found.add(portal, route_name, route["url"], host=page["host"])
                continue
            pattern = re.compile(route["regex"])
            example = next(
                (
                    link
                    for link in linked
                    if link.startswith(page["url"]) and pattern.match(link[len(page["url"]) :].split("?")[0])
                ),
                None,
            )
            if example is None:
                found.routes_without_example.append(route_name)
            else:
                found.add(portal, route_name, example, host=page["host"])

    finder_pages = [(name, target) for name, page, target in examples if not page["state"]]
    searched = found.add(portal, "search (many results)", "/tim-kiem/?" + urlencode({"q": MANY_RESULTS}))
    for name, target in [*finder_pages, ("search", searched)]:
        if not (target.is_html and is_finder(target)):
            continue
        variants = _finder_variants(target)
        found.finders[name] = sorted(variants)
        if "page-2" not in variants:
            found.finder_gaps.append(f"{name}: the demo has too few entries for a second page")
        for variant, url in variants.items():
            found.add(portal, f"{name} ({variant})", url, host=target.host)
    return found
