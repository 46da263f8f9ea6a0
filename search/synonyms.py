"""The synonym list as search reads it: staff's ``Synonym`` rows turned into lookup rules.

A rule maps the folded words of a term ("so", "do") to the terms searched as well
("sổ hồng", "giấy chứng nhận quyền sử dụng đất"). Two-way entries map every term to
all the others; one-way entries map only their terms to their expansions. The rules
are kept per content generation (``portal.cache.remember``): saving or deleting a
synonym starts a new generation in the shared cache, so every process reads the new
list on its next query, with no restart and no query of its own while nothing changes.
"""

import json
from pathlib import Path

from portal import vietnamese

DEFAULTS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.json"
# Onsets after which i and y spell the same syllable ("ký"/"kí"); see search.expansion.
IY_ONSETS = frozenset("hklmst")


def split_terms(text):
    """The terms of a comma-separated field, cleaned as queries are; empty ones dropped."""
    from .results import clean_query

    terms = (clean_query(part) for part in str(text or "").replace(";", ",").split(","))
    return list(dict.fromkeys(term for term in terms if term))


def _same_iy(word):
    # "ly" and "li" are one word to the rules: "lí lịch tư pháp" meets "lý lịch tư pháp".
    return word[0] + "i" if len(word) == 2 and word[0] in IY_ONSETS and word[1] == "y" else word


def term_key(text):
    """The folded words of a term or of part of a query: what rules are looked up by."""
    folded = (vietnamese.fold(word).strip("./-") for word in text.split())
    return tuple(_same_iy(word) for word in folded if word)


def build_rules(entries):
    """{term key: (alternative terms…)} from (direction, terms, expansions) triples."""
    rules = {}
    for direction, terms, expansions in entries:
        terms, expansions = split_terms(terms), split_terms(expansions)
        group = terms + expansions if direction == "two_way" else expansions
        for term in terms if direction == "one_way" else group:
            key = term_key(term)
            if not key:
                continue
            known = rules.setdefault(key, [])
            for alternative in group:
                if term_key(alternative) != key and alternative not in known:
                    known.append(alternative)
    return {key: tuple(alternatives) for key, alternatives in rules.items() if alternatives}


def current_rules():
    """The rules of the synonym list as it is now (see the module docstring for freshness)."""
    from portal.cache import remember

    from .models import Synonym

    def compute():
        return build_rules(Synonym.objects.values_list("direction", "terms", "expansions"))

    return remember("search-synonyms", compute)


def default_entries():
    """The entries of the default list (``search/data/synonyms.json``)."""
    return json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))


def load_defaults(synonym_model):
    """Add the default entries that the list lacks (by their terms); returns how many were added.

    Takes the model so the data migration can pass its historical one.
    """
    existing = {term_key(terms) for terms in synonym_model.objects.values_list("terms", flat=True)}
    added = 0
    for entry in default_entries():
        terms = ", ".join(entry["terms"])
        if term_key(terms) in existing:
            continue
        synonym_model.objects.create(
            terms=terms,
            direction="two_way" if entry.get("two_way", True) else "one_way",
            expansions=", ".join(entry.get("expansions", [])),
            note=entry.get("note", ""),
        )
        added += 1
    return added
