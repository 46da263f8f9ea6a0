"""Demo sub-portals: two departments and one ward, each with news and its officials (demo_data/).

Created through the same function as ``manage.py create_subportal``; a second run changes
nothing. Names of officials are fictional.
"""

import json
import os
from pathlib import Path

from django.conf import settings

from directives.models import OperationalNewsIndexPage, OperationalNewsPage
from home.demo import ensure_page
from home.models import OrganisationPage
from portal.vietnamese import slugify

from .creating import create_subportal

DEMO_FILE = Path(__file__).parent / "demo_data" / "subportals.json"


def _fill(subportal, spec):
    root = subportal.site.root_page
    news_index = OperationalNewsIndexPage.objects.child_of(root).first()
    for title, lead in spec["news"] if news_index else ():
        ensure_page(news_index, OperationalNewsPage, slugify(title), title=title, lead=lead)
    about = OrganisationPage.objects.child_of(root).first()
    if about is not None and not about.officials.exists():
        for order, (name, position, phone, email) in enumerate(spec["officials"]):
            about.officials.add(
                about.officials.model(
                    name=name, position=position, unit=subportal.name, phone=phone, email=email, sort_order=order
                )
            )
        about.save_revision().publish()


def load(stdout):
    port = os.environ.get("PORT", "8000")
    for spec in json.loads(DEMO_FILE.read_text(encoding="utf-8")):
        outcome = create_subportal(
            name=spec["name"], short_name=spec["short_name"], hostname=spec["hostname"], kind=spec["kind"]
        )
        _fill(outcome.subportal, spec)
        state = "tạo mới" if outcome.created else "đã có"
        address = f"http://{spec['hostname']}:{port}/" if settings.DEBUG else f"http://{spec['hostname']}/"
        stdout.write(f"  Cổng thành phần “{spec['name']}” ({state}): {address}")
