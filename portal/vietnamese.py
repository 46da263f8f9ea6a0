"""Folding Vietnamese text to plain lowercase ASCII.

One function serves slugs and search alike, so "Đăng ký kinh doanh", typed with
or without accents, always meets itself. Unicode decomposition strips the tone
and vowel marks, but đ/Đ is a separate letter with no decomposition, so it is
mapped to d explicitly rather than dropped.
"""

import re
import unicodedata

_D_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text):
    """Lowercase ASCII form of ``text``; characters without an ASCII form are kept."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_D_LETTERS))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text):
    """URL slug: "Đăng ký kinh doanh" -> "dang-ky-kinh-doanh"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")
