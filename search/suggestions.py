"""Corrections for misspelt queries ("Có phải bạn muốn tìm: …"), from the index's own vocabulary.

Asked only when a search finds little (``worth_correcting``). Each query word of four letters or
more that the index does not hold is replaced by the indexed word nearest to it in edit distance
(one typo up to seven letters, two beyond; a swap of two neighbours counts as one), compared
without accents, so "dang ky khai sinhh" becomes "dang ky khai sinh". Where the index keeps its
words depends on the engine: an ``fts5vocab`` table on SQLite, a trigram-indexed word table on
PostgreSQL (migration ``search.0006``), OpenSearch's term suggester on its catch-all field.
A correction is unambiguous when each replaced word had a single nearest word.
"""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from portal import vietnamese

logger = logging.getLogger(__name__)

# "Very little": at most this many results make a search worth a correction.
FEW_HITS = 2
# Words shorter than this are left alone: most three-letter syllables are one typo from a dozen others.
MIN_WORD_LENGTH = 4
# Nearest indexed words read per misspelt word.
CANDIDATES_PER_WORD = 50
VOCABULARY_TABLE = "search_vocabulary"
# How long SQLite's vocabulary of one letter and length range is kept (see _sqlite_candidates).
VOCABULARY_SECONDS = 3600
# The query parameter of "Tìm chính xác": search for the words as typed, without correction.
EXACT_PARAM = "chinh_xac"

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Correction:
    query: str
    unambiguous: bool


def enabled():
    """Corrections are on unless ``SEARCH_CORRECTIONS = False`` (the benchmark measures search both ways)."""
    return getattr(settings, "SEARCH_CORRECTIONS", True)


def worth_correcting(total):
    return total <= FEW_HITS


def allowed_typos(word):
    if len(word) < MIN_WORD_LENGTH:
        return 0
    return 1 if len(word) <= 7 else 2


def edit_distance(first, second):
    """Levenshtein distance where swapping two neighbouring letters counts as one edit."""
    previous2, previous = None, list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def nearest(word, candidates):
    """(the indexed word nearest to ``word``, whether it is the only one that near) or (None, False).

    ``candidates`` maps folded indexed words to how many entries hold them (ties go to the commoner).
    """
    limit = allowed_typos(word)
    scored = sorted(
        (edit_distance(word, term), -count, term)
        for term, count in candidates.items()
        if term != word and abs(len(term) - len(word)) <= limit
    )
    scored = [row for row in scored if row[0] <= limit]
    if not scored:
        return None, False
    return scored[0][2], len(scored) == 1 or scored[1][0] > scored[0][0]


class DatabaseVocabulary:
    """The words of the database search index (``search_vocabulary``, migration ``search.0006``)."""

    def known(self, words):
        if connection.vendor not in ("sqlite", "postgresql") or not words:
            return set(words)  # no vocabulary: correct nothing
        placeholders = ", ".join(["%s"] * len(words))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT term FROM {VOCABULARY_TABLE} WHERE term IN ({placeholders})", list(words))  # noqa: S608
            return {row[0] for row in cursor.fetchall()}

    @staticmethod
    def _same_start(word):
        """Range and length bounds of the indexed words that start like ``word`` and may be a typo from it."""
        limit = allowed_typos(word)
        return [word[0], chr(ord(word[0]) + 1), len(word) - limit, len(word) + limit]

    def candidates(self, word):
        """{indexed word: entries holding it} for words that may be one or two typos from ``word``."""
        if connection.vendor == "sqlite":
            return self._sqlite_candidates(*self._same_start(word))
        with connection.cursor() as cursor:
            # pg_trgm's % (similarity above 0.3) through the trigram index, nearest first; and, since a
            # swap in a short word shares too few trigrams ("dnag" and "dang" share one), the words
            # starting with the same letter of about the same length, through the primary key.
            cursor.execute(
                f"(SELECT term, 1 FROM {VOCABULARY_TABLE} WHERE term %% %s "  # noqa: S608
                "ORDER BY similarity(term, %s) DESC LIMIT %s) "
                f"UNION (SELECT term, 1 FROM {VOCABULARY_TABLE} WHERE term >= %s AND term < %s "
                "AND length(term) BETWEEN %s AND %s)",
                [word, word, CANDIDATES_PER_WORD, *self._same_start(word)],
            )
            return dict(cursor.fetchall())

    @staticmethod
    def _sqlite_candidates(first, after, shortest, longest):
        """fts5vocab answers a range of terms from the index's b-tree: the words starting with the same
        letter (a first letter is rarely the typo), of about the same length.

        It counts each term's entries by reading its whole list of entries: 0.1 to 0.3 s for a letter
        at 100,000 directives, paid by every misspelt query. The range's words are kept for
        ``VOCABULARY_SECONDS``: a word published since then is offered once they expire, and the
        counts only order near words.
        """
        from portal.cache import keep

        def compute():
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT term, doc FROM {VOCABULARY_TABLE} WHERE term >= %s AND term < %s "  # noqa: S608
                    "AND length(term) BETWEEN %s AND %s",
                    [first, after, shortest, longest],
                )
                return dict(cursor.fetchall())

        return keep(f"search:vocabulary:{first}:{shortest}:{longest}", compute, VOCABULARY_SECONDS)


class EngineVocabulary:
    """OpenSearch's (or Elasticsearch's) term suggester over the catch-all text field.

    Built from the ``suggest`` part of an engine response: the search's own request carries the
    suggester (``spelling_request``), so a misspelt query costs no request of its own; ``asked``
    sends it alone, where no search did (the database fallback, English pages).
    """

    FIELD = "_all_text"

    def __init__(self, suggest):
        self._options = {}
        for entry in suggest["words"]:
            options = self._options.setdefault(vietnamese.fold(entry["text"]), {})
            for option in entry["options"]:
                term = vietnamese.fold(option["text"])
                options[term] = max(options.get(term, 0), option["freq"])

    @classmethod
    def asked(cls, words):
        from wagtail.models import Page
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend("default")
        body = {"suggest": spelling_request(words), "size": 0}
        response = backend.es.search(index=backend.get_index_for_model(Page).name, body=body)
        return cls(response["suggest"])

    def known(self, words):
        # The suggester offers options only for words the index does not hold ("missing").
        return {word for word in words if not self._options.get(word)}

    def candidates(self, word):
        return self._options.get(word, {})


def checked_words(query):
    """The folded words of ``query`` a correction may replace: long enough, without digits."""
    words = {vietnamese.fold(word.lower()) for word in _WORD.findall(query)}
    return sorted(word for word in words if allowed_typos(word) and not any(c.isdigit() for c in word))


def spelling_request(words):
    """The engine's term suggester for ``words``: near indexed words of those the index lacks."""
    return {
        "text": " ".join(words),
        "words": {
            "term": {
                "field": EngineVocabulary.FIELD,
                "suggest_mode": "missing",
                "size": CANDIDATES_PER_WORD,
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": MIN_WORD_LENGTH,
            }
        },
    }


def _vocabulary(words):
    from .results import engine_is_database

    if not engine_is_database():
        try:
            return EngineVocabulary.asked(words)
        except Exception:
            logger.warning("Search engine failed for suggestions; using the database vocabulary", exc_info=True)
    return DatabaseVocabulary()


def correct(query, engine_suggest=None):
    """A ``Correction`` of ``query``, or None when every word is indexed or has no near indexed word.

    ``engine_suggest``: the suggester's answer that came with the search of ``query``, if any.
    """
    checked = checked_words(query)
    if not checked:
        return None
    vocabulary = _vocabulary(checked) if engine_suggest is None else EngineVocabulary(engine_suggest)
    misspelt = set(checked) - vocabulary.known(checked)
    replacements, unambiguous = {}, True
    for word in sorted(misspelt):
        replacement, only = nearest(word, vocabulary.candidates(word))
        if replacement:
            replacements[word] = replacement
            unambiguous = unambiguous and only
    if not replacements:
        return None

    def replace(match):
        return replacements.get(vietnamese.fold(match.group().lower()), match.group())

    return Correction(_WORD.sub(replace, query), unambiguous)


def accented_like(query, texts):
    """``query`` with each unaccented word written as ``texts`` (the corrected results' titles) write it.

    The index keeps words without accents; "dang ky khai sinh" reads better as "đăng ký khai sinh".
    """
    spellings = {}
    for text in texts:
        for word in _WORD.findall(text.lower()):
            spellings.setdefault(vietnamese.fold(word), word)

    def accent(match):
        word = match.group()
        return spellings.get(word, word) if vietnamese.fold(word) == word else word

    return _WORD.sub(accent, query)
