"""Query expansion: what citizens type, also searched as staff and documents write it.

Two sources of alternatives, applied to a cleaned query before it reaches an engine:

- the synonym list (``search.synonyms``): "sổ đỏ" is also searched as "giấy chứng nhận
  quyền sử dụng đất", "CCCD" as "căn cước công dân"; the longest term found in the query
  wins, accents ignored;
- i/y variants: a one-syllable word made of h, k, l, m, s or t and i or y ("ký", "lý",
  "Mỹ", "tỷ", "sỹ", "hy") is also searched with the other vowel and the same tone ("kí",
  "lí", "Mĩ", "tỉ", "sĩ", "hi"). These are the onsets after which the 1984 spelling rules
  (Quyết định 240/QĐ) replaced y by i, so documents and citizens use both spellings.
  Nothing else changes: "y" alone ("y tế"), "uy"/"ui" ("tuy" is not "tui", "quy"),
  "yê"/"iê" ("tuyên", "khuyến"), "ay"/"ai" ("tay" is not "tai") and two-letter onsets
  ("thi", "khi") keep their spelling.

Every engine receives the same query tree (an OR of the alternatives, a phrase for
several words, ANDed with the rest of the query), so SQLite, PostgreSQL and OpenSearch
answer alike and the database fallback expands as the engine does.
"""

import contextvars
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from modelsearch.query import And, Or, Phrase, PlainText

from portal import vietnamese

from .synonyms import IY_ONSETS, current_rules, term_key

# The same tone on either vowel: level, grave, acute, hook, tilde, dot below.
I_TONES = "iìíỉĩị"
Y_TONES = "yỳýỷỹỵ"
_SWAP_IY = dict(zip(I_TONES + Y_TONES, Y_TONES + I_TONES, strict=True))

SYNONYM = "synonym"
IY_VARIANT = "i/y"


@dataclass(frozen=True)
class Expansion:
    """Words of the query (as typed) and what is searched besides them."""

    typed: str
    alternatives: tuple
    reason: str  # SYNONYM or IY_VARIANT


def iy_variant(word):
    """The other spelling of a one-syllable h/k/l/m/s/t + i/y word ("Mỹ" → "mĩ"), else None."""
    word = unicodedata.normalize("NFC", word).lower()
    if len(word) == 2 and word[0] in IY_ONSETS and word[1] in _SWAP_IY:
        return word[0] + _SWAP_IY[word[1]]
    return None


def _segments(query, rules):
    """The query's words in order: an Expansion for each expanded run, else the word itself."""
    words = query.split()
    keys = [term_key(word) for word in words]
    longest = max((len(key) for key in rules), default=0)
    segments, position = [], 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            run = keys[position : position + length]
            if any(not key for key in run):
                continue
            key = tuple(part for key in run for part in key)
            if key in rules:
                typed = " ".join(words[position : position + length])
                segments.append(Expansion(typed, rules[key], SYNONYM))
                position += length
                break
        else:
            word = words[position]
            variant = iy_variant(word)
            segments.append(Expansion(word, (variant,), IY_VARIANT) if variant else word)
            position += 1
    return segments


def expansions_for(query, rules=None):
    """The expansions public search applies to ``query`` (a cleaned query), in query order.

    For reports: which words were searched under other names, and why.
    """
    rules = current_rules() if rules is None else rules
    return [segment for segment in _segments(query, rules) if isinstance(segment, Expansion)]


def _leaf(text):
    return Phrase(text) if len(text.split()) > 1 else PlainText(text)


def _respelled(text):
    """``text`` with every i/y word in its other spelling ("lí lịch" → "lý lịch"), else None."""
    words = text.split()
    respelled = [iy_variant(word) or word for word in words]
    return " ".join(respelled) if len(words) > 1 and respelled != words else None


def _alternatives(expansion):
    """The typed words and their alternatives, multi-word ones in both i/y spellings too; without
    those that hold another one's words in a row: "vệ sinh an toàn thực phẩm" finds nothing that
    "an toàn thực phẩm" does not, and its common words only made each engine's work longer."""
    texts = [expansion.typed, *expansion.alternatives]
    texts = list(dict.fromkeys(texts + [other for other in map(_respelled, texts) if other]))
    words = [vietnamese.fold(text).split() for text in texts]
    return [
        text
        for index, text in enumerate(texts)
        if not any(other != index and _holds(words[index], words[other]) for other in range(len(texts)))
    ]


def _holds(longer, shorter):
    """Whether the words of ``shorter`` appear in ``longer`` in a row, and ``longer`` has more."""
    size = len(shorter)
    return size < len(longer) and any(
        longer[start : start + size] == shorter for start in range(len(longer) - size + 1)
    )


# Off inside ``as_typed()``: the zero-result report asks what the words alone find.
_expanding = contextvars.ContextVar("search_expanding", default=True)


def enabled():
    """Whether public search expands queries (``SEARCH_SYNONYMS``, on unless set False)."""
    return _expanding.get() and getattr(settings, "SEARCH_SYNONYMS", True)


@contextmanager
def as_typed():
    """Searches inside the block look for the words as typed, without synonyms or i/y variants."""
    token = _expanding.set(False)
    try:
        yield
    finally:
        _expanding.reset(token)


def expand(query, operator="and", rules=None):
    """``query`` as the engines should search it: the string itself when nothing expands,
    otherwise a query tree with an OR of the alternatives for each expanded run."""
    if not enabled():
        return query
    rules = current_rules() if rules is None else rules
    segments = _segments(query, rules)
    if not any(isinstance(segment, Expansion) for segment in segments):
        return query
    plain = [segment for segment in segments if not isinstance(segment, Expansion)]
    parts = [PlainText(" ".join(plain), operator=operator)] if plain else []
    for segment in segments:
        if isinstance(segment, Expansion):
            parts.append(Or([_leaf(text) for text in _alternatives(segment)]))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def searched_words(query, rules=None):
    """The query followed by every alternative: the words snippets highlight."""
    expansions = expansions_for(query, rules)
    return " ".join([query] + [text for expansion in expansions for text in expansion.alternatives])
