"""The English interface: the catalogue ships complete, and no public page leaves its chrome in Vietnamese.

Content (page titles, bodies, agency names, the portal's own settings) is data and stays as the editors
wrote it; every other piece of text on a page is interface and must come out in English.
"""

import contextlib
import html
import io
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote_plus

import polib
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.test import Client, override_settings
from django.utils import translation

from tests.browser import inventory

EN_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PROJECT_APPS = ("home", "directives", "services", "indicators", "participation", "alerts", "subportals", "portal")
# Letters English never uses: ă â đ ê ô ơ ư, and the tone marks (grave, acute, hook, tilde, dot below).
VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0306", "\u0302", "\u031b"}
# Reference numbers of Vietnamese legal documents (07/KH-UBND, 13/2023/NĐ-CP) are names, not words.
DOCUMENT_SYMBOL = re.compile(r"\b[\w./]*[A-ZĐ]{2,}(?:-[A-ZĐ]+)+\b")
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-autocomplete-label", "data-autocomplete-status")
# Interface routes no page link leads to with a GET and no argument.
SEARCHED = "thủ tục"  # what a citizen typed is data, shown back as typed
ROUTES = [
    "/tim-kiem/",
    f"/tim-kiem/?q={quote_plus(SEARCHED)}",
    "/tim-kiem/?q=zzqqxxkhongco",
    "/dang-ky-nhan-tin/",
    "/dang-ky-nhan-tin/da-gui/",
    "/dang-ky-nhan-tin/xac-nhan/not-a-token/",
    "/khong-co-trang-nay/",
]


def is_vietnamese(text):
    text = DOCUMENT_SYMBOL.sub("", text)
    return any(char in "đĐ" or VIETNAMESE_MARKS & set(unicodedata.normalize("NFD", char)) for char in text)


def test_the_english_catalogue_has_no_empty_or_fuzzy_translation():
    catalogue = polib.pofile(str(EN_CATALOGUE))
    assert len(catalogue) > 500
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy  # gettext drops a fuzzy header, and with it the plural rule


def test_the_compiled_english_catalogue_matches_its_source():
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in polib.pofile(str(EN_CATALOGUE))}
    compiled = polib.mofile(str(EN_CATALOGUE.with_suffix(".mo")))
    assert {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in compiled if e.msgid} == source


def _strings(value):
    """Every string in a stored value: plain text, or the JSON of a StreamField."""
    if isinstance(value, str) and value[:1] in "[{":
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _plain(text):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture
def content(demo):
    """Everything editors and importers stored: the data a page may show as it is."""
    values = set()
    text_fields = (models.CharField, models.TextField, models.JSONField)
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if model._meta.app_label not in PROJECT_APPS + ("wagtailcore", "wagtaildocs", "wagtailimages"):
                continue
            for field in model._meta.local_fields:
                if isinstance(field, text_fields) or field.get_internal_type() in ("TextField", "JSONField"):
                    cursor.execute(f'SELECT "{field.column}" FROM "{model._meta.db_table}"')  # noqa: S608
                    for (value,) in cursor.fetchall():
                        values.update(_plain(text) for text in _strings(value) if text and is_vietnamese(text))
    values.add(SEARCHED)
    return sorted(values, key=len, reverse=True)


def _untranslated(document, content):
    """Interface text still in Vietnamese once every piece of stored content is taken out."""
    soup = BeautifulSoup(document, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    # Text marked as another language on purpose, such as "Tiếng Việt" in the language switcher.
    for tag in soup.find_all(lang=lambda code: code and not code.startswith("en")):
        if tag.name != "html":
            tag.decompose()
    texts = [" ".join(text.split()) for text in soup.find_all(string=True)]
    texts += [tag[name] for name in ATTRIBUTES for tag in soup.find_all(attrs={name: True})]
    blob = "\n".join(content)
    found = []
    for text in texts:
        text = text.strip().removesuffix("…").strip()
        if not is_vietnamese(text) or text in blob:
            continue
        rest = text
        for value in content:
            if value in rest:
                rest = rest.replace(value, " ")
        if is_vietnamese(rest):
            found.append(text)
    return found


def _public_urls():
    """One page of every page type and state the demo has, each route of it, and the interface routes."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        inventory.discover()
    urls = []
    for page in json.loads(out.getvalue())["pages"]:
        host = page["host"] or "localhost"
        urls.append((host, page["url"]))
        urls += [(host, route["url"]) for route in page["routes"] if route["url"]]
    return urls + [("localhost", path) for path in ROUTES]


@pytest.mark.django_db
@override_settings(
    # The page is rendered in the language the test chooses; LocaleMiddleware would pick it from the request.
    MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != "django.middleware.locale.LocaleMiddleware"],
)
def test_every_public_page_shows_its_interface_in_english(content):
    client = Client(raise_request_exception=False)
    untranslated = {}
    checked = 0
    with translation.override("en"):
        for host, url in _public_urls():
            response = client.get(url, HTTP_HOST=host)
            if "text/html" not in response.get("Content-Type", "") or response.status_code in (301, 302):
                continue
            checked += 1
            document = response.content.decode()
            assert '<html lang="en"' in document, url
            found = _untranslated(document, content)
            if found:
                untranslated[f"{host}{url}"] = found
    assert checked > 30
    assert untranslated == {}
