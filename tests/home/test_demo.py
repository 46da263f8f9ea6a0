"""The demo as a whole: its prose lives in data files, and it promises only what its services do."""

import ast
import importlib
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from home.management.commands.load_demo import DEMO_MODULES
from home.models import StandardPage
from services.models import OnlineServicesPage, ProcedurePage

# A citizen is told "no trip to an office" only for a live toàn trình (full online) service.
NO_TRIP_PROMISES = ("không phải đến cơ quan nhà nước", "không cần đi lại")

# Longer than a status line or a short label: prose an editor should review in demo_data/.
LONGEST_VIETNAMESE_LITERAL = 80


def _is_vietnamese(text):
    return any(ord(char) > 127 and unicodedata.category(char).startswith("L") for char in text)


def _string_literals(source):
    """String constants of a module, docstrings left out (they are English notes for developers)."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                docstrings.add(id(node.body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module_name", DEMO_MODULES)
def test_demo_prose_is_in_data_files_not_in_python_literals(module_name):
    source = Path(importlib.import_module(module_name).__file__).read_text(encoding="utf-8")

    prose = [
        text for text in _string_literals(source) if _is_vietnamese(text) and len(text) > LONGEST_VIETNAMESE_LITERAL
    ]

    assert prose == [], f"{module_name}: move this text to demo_data/"


@pytest.mark.django_db
def test_only_full_online_services_are_promised_no_trip_to_an_office(client, demo):
    """The demo's own text never promises it; the home page does, counting the toàn trình services."""
    full = ProcedurePage.objects.live().fully_online()
    assert full.count() == 1  # the demo's one toàn trình service, the judicial record certificate
    for url in (OnlineServicesPage.objects.get().url, StandardPage.objects.get(slug="nop-ho-so-truc-tuyen").url):
        html = client.get(urlsplit(url).path).content.decode().lower()
        for promise in NO_TRIP_PROMISES:
            assert promise not in html, f"{url} promises “{promise}”"
    home = client.get("/").content.decode()
    assert "1 thủ tục làm trọn trên mạng (toàn trình), không phải đến cơ quan nhà nước." in home
