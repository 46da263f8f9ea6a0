"""The categories a state portal must publish, read from ``data/decree42.json``.

Kept as data, not code: when a new decree changes the list, edit the JSON file (code, Vietnamese
name, legal reference, how certain the summary is, default maximum age in days).
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "decree42.json"


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    reference: str
    certainty: str
    max_age_days: int

    def __str__(self):
        return self.name


@cache
def categories():
    """Every mandatory category, in the order of the decree."""
    with DATA_FILE.open(encoding="utf-8") as file:
        data = json.load(file)
    return tuple(Category(**item) for item in data["categories"])


def by_code(code):
    return next((category for category in categories() if category.code == code), None)


def choices():
    return [(category.code, category.name) for category in categories()]
