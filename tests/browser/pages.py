"""The key public pages that every automatic check runs on, found by page type in the demo."""

from urllib.parse import urlencode


def first_of(live_pages, label, title_contains=None):
    candidates = live_pages.get(label, [])
    if title_contains:
        candidates = [page for page in candidates if title_contains.lower() in page["title"].lower()]
    assert candidates, f"the demo has no live {label}" + (f" titled “{title_contains}”" if title_contains else "")
    return candidates[0]["url"]


# name -> function(live_pages) -> path on the portal
KEY_PAGES = {
    "home": lambda live_pages: first_of(live_pages, "home.homepage"),
    "guidance": lambda live_pages: first_of(live_pages, "home.standardpage", "nộp hồ sơ"),
    "organisation": lambda live_pages: first_of(live_pages, "home.organisationpage"),
    "directive-listing": lambda live_pages: first_of(live_pages, "directives.directiveindexpage"),
    "directive-detail": lambda live_pages: first_of(live_pages, "directives.directivepage", "giai đoạn 2011-2015"),
    "procedure-listing": lambda live_pages: first_of(live_pages, "services.procedureindexpage"),
    "procedure-detail": lambda live_pages: first_of(live_pages, "services.procedurepage", "đăng ký kinh doanh"),
    "online-services": lambda live_pages: first_of(live_pages, "services.onlineservicespage"),
    "campaign": lambda live_pages: first_of(live_pages, "services.campaignpage", "không phải đi lại"),
    "tracker": lambda live_pages: first_of(live_pages, "indicators.indicatortrackerpage"),
    "search-results": lambda live_pages: "/tim-kiem/?" + urlencode({"q": "dang ky kinh doanh"}),
}


def key_page_url(live_pages, name):
    return KEY_PAGES[name](live_pages)
