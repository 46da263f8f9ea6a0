"""Demo sub-portals: two departments and one ward, each with news, officials, directives and
register entries (demo_data/).

Created through the same function as ``manage.py create_subportal``; a second run changes
nothing. The Department of Information and Communications publishes under 80% of its register,
so the per-agency figures show a laggard. Names of officials are fictional.
"""

import json
import os
from pathlib import Path

from django.conf import settings

from directives import demo as directives_demo
from directives.models import DirectiveIndexPage, IssuingBody, OperationalNewsIndexPage, OperationalNewsPage
from home.demo import ensure_page, ensure_translation, site_port
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
        about.description = spec["about_description"]
        for order, (name, position, phone, email) in enumerate(spec["officials"]):
            about.officials.add(
                about.officials.model(
                    name=name, position=position, unit=subportal.name, phone=phone, email=email, sort_order=order
                )
            )
        about.save_revision().publish()
    if about is not None:
        english = spec["english"]
        ensure_translation(root, "en", **english["home_page"])
        about_en = dict(english["about"])
        ensure_translation(about, "en", officials=about_en.pop("officials"), show_in_menus=True, **about_en)


def _directives(subportal, spec):
    """The agency's directives on its own portal and its register, through the province demo's helpers."""
    index = DirectiveIndexPage.objects.child_of(subportal.site.root_page).first()
    if index is None:
        return
    own = subportal.short_name
    published = [dict(item, issuer=own) for item in spec["directives"]["published"]]
    unpublished = [dict(item, issuer=own) for item in spec["directives"]["unpublished"]]
    bodies = {own: subportal.issuing_body}
    _bodies, types, fields = directives_demo.ensure_reference_lists()
    directives_demo.ensure_directives(index, bodies, types, fields, specs=published)
    directives_demo.ensure_register(published + unpublished, bodies)


def load(stdout):
    port = os.environ.get("PORT", "8000")
    for spec in json.loads(DEMO_FILE.read_text(encoding="utf-8")):
        issuing_body = IssuingBody.objects.find(spec["issuing_body"]) if "issuing_body" in spec else None
        outcome = create_subportal(
            name=spec["name"],
            short_name=spec["short_name"],
            hostname=spec["hostname"],
            kind=spec["kind"],
            issuing_body=issuing_body,
            port=site_port(),
        )
        _fill(outcome.subportal, spec)
        _directives(outcome.subportal, spec)
        state = "tạo mới" if outcome.created else "đã có"
        address = f"http://{spec['hostname']}:{port}/" if settings.DEBUG else f"http://{spec['hostname']}/"
        stdout.write(f"  Cổng thành phần “{spec['name']}” ({state}): {address}")
