"""Demo content of the foundation: home page, site settings, guidance and organisation pages.

The prose is in ``demo_data/*.json``; this module only puts it in place, and its
``demo_data`` loader serves the other apps' demos too.
Every step looks its content up by a stable key before creating it, so a second
run of ``load_demo`` changes nothing. Names of officials are fictional.
"""

import datetime
import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from home.models import HomePage, OrganisationPage, PortalSettings, StandardPage


def demo_data(module_file, name):
    """The JSON file ``demo_data/<name>.json`` beside the demo module ``module_file``.

    Demo prose lives in data files an editor can review, not in Python literals.
    """
    path = Path(module_file).resolve().parent / "demo_data" / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def set_publication_date(page, day, hour=9):
    """Date a demo page to when its content was published, not to the day the demo was loaded.

    Search's year facet, date sorting and listings read these dates.
    """
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    page.first_published_at = page.last_published_at = moment


def ensure_page(parent, model, slug, published_on=None, **fields):
    """Return the live child of ``parent`` with ``slug``, creating and publishing it once.

    Existing pages are left as they are: an editor may have improved them.
    ``published_on`` dates content written before the demo was loaded.
    Returns ``(page, created)``.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if published_on is not None:
        set_publication_date(page, published_on)
    return page, True


def ensure_translation(page, language_code, officials=(), **fields):
    """Return the live translation of ``page`` into ``language_code``, making and publishing it once.

    A real Wagtail translation (``copy_for_translation``, same translation key), its parent
    translated first; ``fields`` are the translated values. ``officials`` translate the
    position and unit of each contact official, in order; names stay as they are.
    Returns ``(page, created)``.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(locale)
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save()
    translated_officials = translation.officials.order_by("sort_order") if officials else ()
    for official, translated in zip(translated_officials, officials, strict=False):
        for field, value in translated.items():
            setattr(official, field, value)
        official.save()
    translation.save_revision().publish()
    return translation, True


SITE = demo_data(__file__, "site")
GUIDES = demo_data(__file__, "guides")
ORGANISATIONS = demo_data(__file__, "organisations")
ENGLISH = demo_data(__file__, "english")


def site_port():
    """The port the demo's sites carry: runserver's in development, so that the full URLs Wagtail
    gives once there are several sites (links between sub-portals, feeds) work there too."""
    return int(os.environ.get("PORT", "8000")) if settings.DEBUG else 80


def ensure_home_page():
    """The site's root is a HomePage; Wagtail's placeholder welcome page is removed."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    home = HomePage(**SITE["home_page"])
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=site_port(), root_page=home, is_default_site=True, site_name=SITE["site_name"]
        )
    else:
        placeholder = site.root_page
        site.root_page = home
        site.port = site_port()
        site.site_name = SITE["site_name"]
        site.save()
        if placeholder.pk != home.pk and placeholder.depth == 2 and not placeholder.get_children().exists():
            placeholder.delete()
    return home, True


def ensure_portal_settings(site):
    portal = PortalSettings.for_site(site)
    if portal.address:
        return False
    for field, value in SITE["portal_settings"].items():
        setattr(portal, field, value)
    portal.save()
    return True


def ensure_guides(home):
    spec = GUIDES["index"]
    guides, _ = ensure_page(
        home,
        StandardPage,
        spec["slug"],
        published_on=datetime.date.fromisoformat(spec["published_on"]),
        title=spec["title"],
        show_in_menus=True,
        lead=spec["lead"],
    )
    for spec in GUIDES["pages"]:
        ensure_page(
            guides,
            StandardPage,
            spec["slug"],
            published_on=datetime.date.fromisoformat(spec["published_on"]),
            title=spec["title"],
            lead=spec.get("lead", ""),
            body=json.dumps(spec["body"]),
        )


def ensure_organisations(home):
    spec = ORGANISATIONS["index"]
    structure, _ = ensure_page(
        home,
        OrganisationPage,
        spec["slug"],
        title=spec["title"],
        show_in_menus=True,
        description=spec["description"],
    )
    for spec in ORGANISATIONS["organisations"]:
        spec = dict(spec)
        officials = spec.pop("officials")
        slug = spec.pop("slug")
        if structure.get_children().filter(slug=slug).exists():
            continue
        page = OrganisationPage(slug=slug, **spec)
        for order, official in enumerate(officials):
            page.officials.add(page.officials.model(sort_order=order, **official))
        structure.add_child(instance=page)
        page.save_revision().publish()


def load(stdout):
    home, created = ensure_home_page()
    stdout.write(f"  Trang chủ: {'tạo mới' if created else 'đã có'}")
    site = Site.objects.get(is_default_site=True)
    if ensure_portal_settings(site):
        stdout.write("  Thông tin cổng: đã điền")
    ensure_guides(home)
    ensure_organisations(home)
    stdout.write("  Trang hướng dẫn và cơ cấu tổ chức: xong")
    ensure_english(home)
    stdout.write("  Trang tiếng Anh (cơ cấu tổ chức, chức năng, nhiệm vụ, đầu mối liên hệ): xong")


def ensure_english(home):
    """The province's organisation pages in English (Nghị định 42/2022/NĐ-CP), under an English home page."""
    ensure_translation(home, "en", **ENGLISH["home_page"])
    structure = OrganisationPage.objects.child_of(home).filter(slug=ORGANISATIONS["index"]["slug"]).first()
    if structure is None:
        return
    ensure_translation(structure, "en", show_in_menus=True, **ENGLISH["structure"])
    for unit in structure.get_children().specific():
        spec = dict(ENGLISH["organisations"].get(unit.slug, {}))
        if spec:
            ensure_translation(unit, "en", officials=spec.pop("officials", ()), **spec)
