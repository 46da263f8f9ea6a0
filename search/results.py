"""The portal's public search: one function the page, the JSON API and the tests share.

``run_search`` asks the configured engine for the best matches, falls back to the
database backend (with a warning in the log) when the engine is down or errors,
ranks exact-accent matches first, then filters, counts facets, sorts and paginates
in Python over at most ``MAX_CANDIDATES`` matches.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.index import SearchField

from portal import vietnamese

from . import english, suggestions
from . import facets as facet_rules
from .backends.ranking import rank_newest
from .expansion import expand, searched_words

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_CANDIDATES = 300
RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 10
# The public box ranks at most this many matches, the newest (search.backends.ranking.rank_newest).
AUTOCOMPLETE_RANKED = 1000
SNIPPET_LENGTH = 240
SORTS = ("relevance", "date")
# Fields that hold a document number or a procedure code on the content apps' page models.
IDENTIFIER_FIELDS = ("number", "code")
DATABASE_BACKEND = "database"

# Letters, digits and the punctuation of document numbers and procedure codes ("07/KH-UBND", "1.001612").
_UNWANTED = re.compile(r"[^\w\s./-]|_", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The query as the engines may safely receive it; "" when nothing searchable is left.

    Search syntax (quotes, ``*``, ``NEAR(``, parentheses), control characters and
    anything past ``MAX_QUERY_LENGTH`` are dropped, so junk input gives an ordinary page.
    """
    text = unicodedata.normalize("NFC", str(raw or ""))[: MAX_QUERY_LENGTH * 5]
    text = _UNWANTED.sub(" ", text)
    # Lone dashes, dots and slashes are not words; inside "07/KH-UBND" they stay.
    words = [word.strip("./-") if not _WORD.search(word) else word for word in text.split()]
    text = " ".join(word for word in words if word)[:MAX_QUERY_LENGTH].strip()
    return text if _WORD.search(text) else ""


def engine_is_database():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend == settings.WAGTAILSEARCH_BACKENDS[DATABASE_BACKEND]["BACKEND"]


def searchable_pages():
    from home.models import HomePage
    from home.structure import private_q

    # private_q: the portal's private sections, kept per content generation (Wagtail's
    # .public() queries every view restriction on each call). Pages of the current language only:
    # Vietnamese search finds Vietnamese pages, English search (under /en/) English ones.
    return Page.objects.live().exclude(private_q()).not_type(HomePage).filter(locale=Locale.get_active())


def searching_in_english():
    """Whether the search is on an English page (/en/…), which search.english answers."""
    return translation.get_language() != settings.LANGUAGE_CODE


def _with_fallback(run, what):
    """``run(backend_name)`` on the engine, or on the database when the engine fails."""
    if engine_is_database():
        return run(DATABASE_BACKEND), False
    try:
        return run("default"), False
    except Exception:
        logger.warning("Search engine failed for %s; answering from the database backend", what, exc_info=True)
        return run(DATABASE_BACKEND), True


def _candidates(query, operator="and"):
    """(the ranked live pages, as base ``Page`` rows; backend used; whether it fell back; the engine's
    spelling suggestions for the query's words, asked in the same request, or None)."""
    if searching_in_english():
        # English pages: English stemming, no Vietnamese synonyms or folding (search.english).
        def run_english(backend):
            return _base_pages(english.ranked_ids(query, searchable_pages(), backend, MAX_CANDIDATES)), backend

        (pages, backend), fell_back = _with_fallback(run_english, "English search")
        return pages, backend, fell_back, None

    # Citizens' names and i/y spellings, searched alike on every engine (search.expansion).
    expanded = expand(query, operator)

    # A misspelt query is corrected from the engine's term suggester: asked with the search itself,
    # it costs no request of its own (for words the index holds, the engine answers at once).
    words = suggestions.checked_words(query) if suggestions.enabled() else []

    def run(backend):
        results = searchable_pages().search(expanded, operator=operator, backend=backend)[:MAX_CANDIDATES]
        if hasattr(results, "spelling_request") and words:  # the engines' results (engine_results)
            results.spelling_request = suggestions.spelling_request(words)
        if hasattr(results, "ranked_rows"):  # the portal's backends (engine_results, ranking.RankedRowsMixin)
            rows = [Candidate(*row) for row in results.ranked_rows(*Candidate._fields)]
            return rows, backend, getattr(results, "spelling", None)
        return list(results), backend, None

    (pages, backend, spelling), fell_back = _with_fallback(run, "search")
    return pages, backend, fell_back, spelling


class Candidate(NamedTuple):
    """A ranked page as the results sort, filter and count it; the shown ones become pages (``_shown``).

    Building a ``Page`` for each of the 300 candidates, only to read these, was a third of a search.
    """

    pk: int
    path: str
    content_type_id: int
    title: str


def _base_pages(ids):
    """``Candidate`` rows for the page ``ids``, in that order."""
    found = {row[0]: Candidate(*row) for row in Page.objects.filter(pk__in=ids).values_list(*Candidate._fields)}
    return [found[pk] for pk in ids if pk in found]


def _shown(pages):
    """``pages`` as base ``Page`` objects (the database backends already return them), in their order."""
    wanted = [page.pk for page in pages if isinstance(page, Candidate)]
    found = Page.objects.in_bulk(wanted) if wanted else {}
    shown = [found.get(page.pk) if isinstance(page, Candidate) else page for page in pages]
    return [page for page in shown if page is not None]  # deleted since it was ranked


@dataclass(frozen=True)
class Card:
    """What the results read of a page's specific type: facet values, date, number or code."""

    values: dict
    date: object
    identifier: str


def _cards(pages):
    """{pk: Card} of ``pages``, kept in the page cache for the content generation.

    Facets, sorting and numbers read the specific page types: loading them cost a query per page
    type among the candidates (four at 1,000 directives) plus one per many-to-many facet. The cards
    change only when content does, so a repeated or overlapping search loads none.
    """
    from django.utils.translation import get_language

    from portal.cache import cache_seconds, current_generation, page_cache

    try:
        cache = page_cache()
        prefix = f"portal:search-card:{current_generation(cache)}:{get_language()}:"
        cards = {
            int(key.removeprefix(prefix)): card
            for key, card in cache.get_many([prefix + str(page.pk) for page in pages]).items()
        }
    except Exception:  # noqa: BLE001 - the cache being down must not take search down
        cache, cards = None, {}
    missing = [page for page in pages if page.pk not in cards]
    if missing:
        subportals = facet_rules._subportal_agencies()
        computed = {
            page.pk: Card(facet_rules.facet_values(page, subportals), facet_rules.page_date(page), _identifier(page))
            for page in _load_specific(missing)
        }
        cards.update(computed)
        if cache is not None and computed:
            try:
                cache.set_many({prefix + str(pk): card for pk, card in computed.items()}, cache_seconds(cache))
            except Exception:  # noqa: BLE001
                logger.warning("Cache unavailable: could not keep search cards", exc_info=True)
    return cards


def _load_specific(pages):
    """The specific pages of base ``pages``, with what facets read fetched in bulk: a query per page
    type, plus one per many-to-many facet it declares."""
    from django.contrib.contenttypes.models import ContentType

    by_type = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    specific = []
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        select, prefetch = facet_rules.related_names(model)
        specific.extend(model.objects.filter(pk__in=pks).select_related(*select).prefetch_related(*prefetch))
    return specific


def page_text(page):
    """The searchable text of a page other than its title, as the database index stores it."""
    parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, SearchField) or search_field.field_name == "title":
            continue
        parts.append(_flatten(search_field.get_value(page)))
    return " ".join(part for part in parts if part)


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return str(value)


def _accented_words(query):
    return [word for word in _WORD.findall(query.lower()) if vietnamese.fold(word) != word]


def _indexed_texts(pages):
    """{page pk: body text} as the database backend indexed it, in one query."""
    from django.db import connection
    from wagtail.search.models import IndexEntry

    # PostgreSQL keeps the body as a tsvector beside a plain-text copy; SQLite keeps plain text.
    column = "body_text" if connection.vendor == "postgresql" else "body"
    texts = {}
    # The content types too: a register entry or a snippet may share a page's primary key.
    entries = IndexEntry.objects.filter(
        object_id__in=[str(page.pk) for page in pages], content_type_id__in={page.content_type_id for page in pages}
    ).values_list("object_id", column)
    for object_id, text in entries:
        texts[object_id] = texts.get(object_id, "") + " " + (text or "")
    return texts


def rank_exact_accents_first(pages, query):
    """Stable re-ranking for the database backends, which fold before they score.

    OpenSearch indexes the original beside the folded token and scores exact
    accents higher by itself; the database indexes keep only the folded form.
    A query word found with its exact accents counts 2 in the title, 1 in the body.
    """
    words = _accented_words(query)
    if not words:
        return pages
    texts = _indexed_texts(pages)

    def score(page):
        title_words = set(_WORD.findall(page.title.lower()))
        text_words = set(_WORD.findall(texts.get(str(page.pk), "").lower()))
        return sum(2 if word in title_words else 1 if word in text_words else 0 for word in words)

    scores = {page.pk: score(page) for page in pages}
    return sorted(pages, key=lambda page: -scores[page.pk])


def _identifier_key(text):
    return "".join(vietnamese.fold(text).split())


def _identifier(page):
    for name in IDENTIFIER_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _exact_identifier_ids(query):
    """Live pages whose document number or procedure code is exactly the query, straight from the database.

    They lead the results even when more than ``MAX_CANDIDATES`` other pages cite the number.
    """
    from home.structure import private_q

    if not any(character.isdigit() for character in query):
        return []
    ids = []
    for model in get_page_models():
        # A page type with an identifier says how to find it through an index (``identifier_lookup``):
        # a case-insensitive match of the column read all 100,000 directives for every query with a digit.
        if "identifier_lookup" not in model.__dict__:
            continue
        # private_q() rather than .public(), which queries the view restrictions on every call.
        matches = model.objects.live().exclude(private_q()).filter(**model.identifier_lookup(query))
        ids.extend(matches.values_list("pk", flat=True)[:10])
    return ids


def exact_identifiers_first(pages, query, cards):
    """Pages whose number or code is the query ("07/KH-UBND", "1.001612", "15/2011/QD-UBND") come first."""
    if not any(character.isdigit() for character in query):
        return pages
    key = _identifier_key(query)
    return sorted(pages, key=lambda page: _identifier_key(cards[page.pk].identifier) != key)


def highlight(text, query, length=SNIPPET_LENGTH):
    """An HTML-safe excerpt of ``text`` around the first query word, query words in ``<mark>``.

    Matching is accent-insensitive: ``fold`` maps each precomposed Vietnamese
    letter to one ASCII letter, so positions in the folded text are positions in
    the original.
    """
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not text:
        return ""
    folded = vietnamese.fold(text)
    words = sorted({vietnamese.fold(word) for word in _WORD.findall(query)}, key=len, reverse=True)
    if len(folded) != len(text) or not words:
        return escape(text[:length]) + ("…" if len(text) > length else "")
    pattern = re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")", re.UNICODE)
    first = pattern.search(folded)
    start = max(0, first.start() - length // 3) if first else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + length)
    pieces, position = [], start
    for match in pattern.finditer(folded, start, end):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped above


def snippet(page, query, indexed_text=None):
    """The highlighted excerpt of a hit: its search description, else its text as indexed.

    ``indexed_text`` is the text the database index holds (``_indexed_texts``, one query for a
    page of hits); reading the page's search fields instead cost a query per hit for fields such
    as a directive's PDF attachments.
    """
    return highlight(page.search_description or indexed_text or page_text(page), query)


@dataclass
class Hit:
    page: object
    title: str
    url: str
    type: str
    type_label: str
    date: object
    snippet: str


@dataclass
class SearchOutcome:
    query: str
    total: int = 0
    hits: list = field(default_factory=list)
    page: object = None
    facets: list = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    promotions: list = field(default_factory=list)
    backend: str = ""
    fell_back: bool = False
    # "Có phải bạn muốn tìm": a corrected query that finds more (search.suggestions).
    suggestion: str = ""
    # The query as typed, when the results shown are those of its unambiguous correction (``query``).
    corrected_from: str = ""
    # The engine's term suggester's answer, from the search's own request: read by the correction,
    # then dropped (``run_search``), so kept outcomes do not carry it.
    spelling: dict | None = None


def asked(raw_query, params, page_number=1):
    """What a search reads of a request, cleaned as it cleans it: (query, filters, sort, page,
    whether the words are wanted as typed). Two requests that agree on it get the same results."""
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    page = str(page_number) if str(page_number).isdigit() else "1"  # the paginator's reading of junk
    as_typed = params.get(suggestions.EXACT_PARAM) == "1"
    return clean_query(raw_query), clean_filters(params), sort, page, as_typed


def clean_filters(params):
    filters = {}
    for name in facet_rules.FACET_NAMES:
        value = str(params.get(name, "") or "").replace("\x00", "").strip()[:100]
        if value:
            filters[name] = value
    return filters


def _promoted_query_ids():
    """{folded query string: [ids of the Query rows with promotions]}, kept per content generation."""
    from portal.cache import remember

    def compute():
        by_folded = {}
        for row in Query.objects.filter(editors_picks__isnull=False).distinct():
            by_folded.setdefault(vietnamese.fold(row.query_string), []).append(row.pk)
        return by_folded

    return remember("search-promotions", compute)


def _promotions(query):
    """Staff-promoted live pages for this query (wagtail.contrib.search_promotions), accents ignored.

    Staff write "dịch vụ công"; citizens often type "dich vu cong".
    """
    from wagtail.search.utils import normalise_query_string

    wanted = vietnamese.fold(normalise_query_string(query))
    query_ids = _promoted_query_ids().get(wanted)
    if not query_ids:
        return []
    picks = list(SearchPromotion.objects.filter(query_id__in=query_ids).exclude(page=None).order_by("sort_order", "pk"))
    pages = {page.pk: page for page in searchable_pages().filter(pk__in=[p.page_id for p in picks]).specific()}
    seen, promotions = set(), []
    for pick in picks:
        if pick.page_id in pages and pick.page_id not in seen:
            seen.add(pick.page_id)
            promotions.append((pages[pick.page_id], pick.description))
    return promotions


def _hits(pages, query, request=None, cards=None):
    """Hits for ``pages``: base pages with their ``cards``, or specific pages (promotions) without."""
    texts = _indexed_texts([page for page in pages if not page.search_description])
    return [
        _hit(page, query, request, texts.get(str(page.pk), "").strip(), cards[page.pk].date if cards else None)
        for page in pages
    ]


def _hit(page, query, request=None, indexed_text=None, date=None):
    model = page.specific_class or type(page)
    return Hit(
        page=page,
        title=page.title,
        url=page.get_url(request=request) or page.url or "",
        type=model._meta.label_lower,
        type_label=str(model._meta.verbose_name),
        date=date or facet_rules.page_date(page),
        snippet=snippet(page, query, indexed_text),
    )


def run_search(
    raw_query, params=None, page_number=1, per_page=RESULTS_PER_PAGE, request=None, site=None, operator="and"
):
    """Search the public pages (only ``site``'s when given); never raises for bad input or a failed engine.

    ``operator="or"`` finds pages with any of the words, best first: for a whole sentence, such as
    a question being typed, where no page holds every word. When little is found, a correction
    from the index's vocabulary (``search.suggestions``) is offered as ``suggestion``, or, when
    nothing was found and the correction is unambiguous, its results are shown at once
    (``corrected_from`` holds the query as typed); ``chinh_xac=1`` turns that off.
    """
    params = params or {}
    query, filters, sort, _page, as_typed = asked(raw_query, params, page_number)
    outcome = _search(
        SearchOutcome(query=query, filters=filters, sort=sort), page_number, per_page, request, site, operator
    )
    if query and suggestions.enabled() and suggestions.worth_correcting(outcome.total):
        outcome = _corrected(outcome, as_typed, page_number, per_page, request, site, operator)
    outcome.spelling = None
    return outcome


def _corrected(outcome, as_typed, *args):
    """``outcome`` with a suggestion, or the results of an unambiguous correction when it found nothing
    (unless the citizen asked for the words ``as_typed``)."""
    correction = suggestions.correct(outcome.query, engine_suggest=outcome.spelling)
    if correction is None:
        return outcome
    corrected = _search(SearchOutcome(query=correction.query, filters=outcome.filters, sort=outcome.sort), *args)
    if corrected.total <= outcome.total:
        return outcome
    shown = suggestions.accented_like(correction.query, [hit.title for hit in corrected.hits])
    if outcome.total == 0 and not outcome.promotions and correction.unambiguous and not as_typed:
        corrected.query, corrected.corrected_from = shown, outcome.query
        return corrected
    outcome.suggestion = shown
    return outcome


def _search(outcome, page_number, per_page, request, site, operator):
    query, filters = outcome.query, outcome.filters
    if not query:
        return outcome

    pages, backend, fell_back, outcome.spelling = _candidates(query, operator)
    outcome.backend, outcome.fell_back = backend, fell_back
    in_english = searching_in_english()
    if not in_english:  # document numbers and procedure codes are Vietnamese pages' fields
        exact = [pk for pk in _exact_identifier_ids(query) if pk not in {page.pk for page in pages}]
        if exact:
            pages = _base_pages(exact) + pages
    if site is not None:  # a sub-portal's own search, in the current language's tree
        root = site.root_page.localized
        pages = [page for page in pages if page.path.startswith(root.path)]
    cards = _cards(pages)
    pages = [page for page in pages if page.pk in cards]  # a page type no longer installed
    if backend == DATABASE_BACKEND and not in_english:
        pages = rank_exact_accents_first(pages, query)
    pages = exact_identifiers_first(pages, query, cards)

    outcome.facets = facet_rules.count_facets([cards[page.pk].values for page in pages], filters)
    selected = [page for page in pages if facet_rules.matches(cards[page.pk].values, filters)]
    if outcome.sort == "date":  # pages without a date go last
        selected.sort(key=lambda page: (cards[page.pk].date is not None, cards[page.pk].date or 0), reverse=True)

    promotions = _promotions(query)
    promoted_ids = {page.pk for page, _description in promotions}
    selected = [page for page in selected if page.pk not in promoted_ids]

    paginator = Paginator(selected, per_page)
    outcome.page = paginator.get_page(page_number)
    outcome.total = paginator.count
    # Snippets mark the synonyms that found a page too ("CCCD" marks "căn cước công dân").
    marked = searched_words(query)
    outcome.hits = _hits(_shown(outcome.page.object_list), marked, request, cards)
    if outcome.page.number == 1 and not filters:
        promoted = _hits([page for page, _description in promotions], marked, request)
        outcome.promotions = [
            (hit, description) for hit, (_page, description) in zip(promoted, promotions, strict=True)
        ]
    # The outcome keeps its place among the results, not the 300 candidates: the search page keeps
    # outcomes in the cache (search.views), where 300 pages would cost more to read than to find.
    outcome.page = Paginator(range(paginator.count), per_page).get_page(outcome.page.number)
    return outcome


def autocomplete(raw_query, request=None):
    """Up to ``AUTOCOMPLETE_LIMIT`` pages whose title (or code, number) starts like the query."""
    query = clean_query(raw_query)
    if not query:
        return []

    def run(backend):
        # Whole base rows: title, address and type are all there, so no second query loads them.
        results = searchable_pages().autocomplete(query, operator="and", backend=backend)
        with rank_newest(AUTOCOMPLETE_RANKED):
            return list(results[:AUTOCOMPLETE_LIMIT])

    pages, _fell_back = _with_fallback(run, "autocomplete")
    return [
        {"title": page.title, "url": page.get_url(request=request), "type": page.specific_class._meta.label_lower}
        for page in pages
        if page.specific_class is not None
    ]


def log_query(query, total):
    """Count the query for the staff report (Wagtail's Query/QueryDailyHits, plus our zero-result count)."""
    from .models import ZeroResultDailyHits

    if not query:
        return
    search_query = Query.get(query)
    search_query.add_hit()
    if total == 0:
        ZeroResultDailyHits.add_hit(search_query)
