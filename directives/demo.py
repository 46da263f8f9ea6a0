"""Demo content of the directives app: reference lists, about 30 directives, 20 operational news
items (2011-2015) and a register of 40 entries of which 32 are on the portal (80%).

The prose is in ``demo_data/*.json``; this module only puts it in place. Each directive gets a
generated PDF (``pdf.build_pdf``), since its body sends the reader to the attached full text, and
each news item a generated illustration with alt text.

Every step looks its content up by a stable key before creating it, so a second
run of ``load_demo`` changes nothing. Names of officials are fictional.
"""

import datetime
import io
import json
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.demo import demo_data, ensure_page, set_publication_date
from home.models import HomePage
from portal.vietnamese import slugify

from .models import (
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    Field,
    IssuingBody,
    OperationalNewsIndexPage,
    OperationalNewsPage,
    RegisterEntry,
)
from .pdf import build_pdf
from .register_import import import_rows

REFERENCE = demo_data(__file__, "reference_lists")
DIRECTIVES = demo_data(__file__, "directives")
NEWS = demo_data(__file__, "news")
PLAN = demo_data(__file__, "plan")

# Also read by bench/generate.py, which spreads its generated data over the demo's lists.
DOCUMENT_TYPES = [(item["name"], item["code"]) for item in REFERENCE["document_types"]]
FIELDS = REFERENCE["fields"]


def _stream(*paragraphs):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs])


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def ensure_reference_lists():
    bodies = {}
    for item in REFERENCE["issuing_bodies"]:
        body, _ = IssuingBody.objects.get_or_create(
            name=item["name"], defaults={"short_name": item["short_name"], "slug": item["slug"]}
        )
        bodies[item["short_name"]] = body
    types = {}
    for name, code in DOCUMENT_TYPES:
        doc_type, _ = DocumentType.objects.get_or_create(name=name, defaults={"code": code})
        types[code] = doc_type
    fields = {name: Field.objects.get_or_create(name=name)[0] for name in FIELDS}
    return bodies, types, fields


def _pdf_document(title, file_name, lines):
    """The demo document titled ``title``, generated once as a PDF showing ``lines``."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(file_name, ContentFile(build_pdf(title, lines)), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def ensure_plan_document():
    return _pdf_document(PLAN["document_title"], PLAN["file_name"], PLAN["pdf_text"])


def _signer(spec):
    """A directive's signer: a key of the reference list, or (a sub-portal's) written out in full."""
    signer = spec["signer"]
    return signer if isinstance(signer, dict) else REFERENCE["signers"][signer]


def _placeholders(spec, doc_type, issuer):
    issued_on = _date(spec["issued_on"])
    signer = _signer(spec)
    values = {
        "issuer": issuer.name,
        "title": spec["title"],
        "number": spec["number"],
        "doc_type": doc_type.name,
        "day": issued_on.day,
        "month": issued_on.month,
        "year": issued_on.year,
        "signer": signer["name"],
        "position": signer["position"],
    }
    values.update({f"{key}_upper": str(value).upper() for key, value in list(values.items())})
    return values


def _fill(templates, values):
    return [template.format(**values) for template in templates]


def _directive_document(spec, doc_type, issuer, slug):
    values = _placeholders(spec, doc_type, issuer)
    title = DIRECTIVES["document_title"].format(**values)
    return _pdf_document(title, f"{slug}.pdf", _fill(DIRECTIVES["pdf_text"], values))


def _slug(number, year, doc_type):
    slug = slugify(f"{doc_type.name} {number}")
    return slug if str(year) in number else f"{slug}-{year}"


def ensure_directives(index, bodies, types, fields, plan_document=None, specs=None):
    """Publish the directives of ``specs`` (the province's by default) under ``index``, once each."""
    pages = {}
    created_count = 0
    # Replacements first, so that a replaced directive can name its replacement.
    ordered = sorted(DIRECTIVES["published"] if specs is None else specs, key=lambda spec: "replaced_by" in spec)
    for spec in ordered:
        issued_on = _date(spec["issued_on"])
        doc_type, issuer = types[spec["type"]], bodies[spec["issuer"]]
        signer = _signer(spec)
        slug = _slug(spec["number"], issued_on.year, doc_type)
        existing = index.get_children().filter(slug=slug).first()
        if existing is not None:
            pages[(spec["number"], issued_on.year)] = existing.specific
            continue
        replaced_by = None
        if "replaced_by" in spec:
            replaced_by = pages[(spec["replaced_by"]["number"], spec["replaced_by"]["year"])]
        is_plan = spec.get("plan", False)
        body = PLAN["body"] if is_plan else _fill(DIRECTIVES["body"], _placeholders(spec, doc_type, issuer))
        page = DirectivePage(
            title=spec["title"],
            slug=slug,
            number=spec["number"],
            doc_type=doc_type,
            issuing_body=issuer,
            signer=signer["name"],
            signer_position=signer["position"],
            issued_on=issued_on,
            effective_on=_date(spec.get("effective_on")) or issued_on,
            expires_on=_date(spec.get("expires_on")),
            legal_status="replaced" if replaced_by else "in_force",
            replaced_by=replaced_by,
            summary=spec["title"],
            body=_stream(*body),
            withdrawn_on=_date(spec.get("withdrawn_on")),
            withdrawal_reason=spec.get("withdrawal_reason", ""),
            search_description=spec["title"][:160],
        )
        page.fields = [fields[name] for name in spec["fields"]]
        document = plan_document if is_plan else _directive_document(spec, doc_type, issuer, slug)
        page.attachments.add(page.attachments.model(document=document, title=DIRECTIVES["attachment_title"]))
        for order, note in enumerate(spec.get("change_notes", [])):
            page.change_notes.add(
                page.change_notes.model(
                    changed_on=_date(note["changed_on"]), description=note["description"], sort_order=order
                )
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        # The publication date it would have had in 2011-2015, for the delay metrics.
        set_publication_date(page, issued_on + datetime.timedelta(days=spec["days_to_publication"]))
        pages[(spec["number"], issued_on.year)] = page
        created_count += 1
    return pages, created_count


def ensure_register(specs=None, bodies=None):
    """Import the register rows of ``specs`` (the province's by default) unless they are there already.

    ``bodies`` maps each spec's issuer key to its issuing body (the reference list's short names by default).
    """
    specs = DIRECTIVES["published"] + DIRECTIVES["unpublished"] if specs is None else specs
    rows = [(line, _register_row(spec, bodies)) for line, spec in enumerate(specs, start=2)]
    if RegisterEntry.objects.filter(number__in={spec["number"] for spec in specs}).count() >= len(rows):
        return None
    return import_rows(rows)


def _register_row(spec, bodies=None):
    return {
        "number": spec["number"],
        "doc_type": spec["type"],
        "title": spec["title"],
        "issuer": bodies[spec["issuer"]].name if bodies else spec["issuer"],
        "signer": _signer(spec)["name"],
        "issued_on": spec["issued_on"],
    }


# Illustration scenes drawn with Pillow: 16:9, large enough for renditions and Open Graph cards.
ILLUSTRATION_SIZE = (1200, 675)
_WALL, _INK, _ACCENT, _WOOD = (232, 238, 245), (40, 62, 96), (196, 40, 40), (150, 105, 70)


def _draw_people(draw, xs, y, rng):
    for x in xs:
        colour = rng.choice([(60, 90, 140), (90, 120, 80), (120, 70, 70), (70, 70, 70)])
        draw.ellipse((x - 22, y - 70, x + 22, y - 26), fill=(224, 186, 150))
        draw.rounded_rectangle((x - 34, y - 24, x + 34, y + 40), radius=18, fill=colour)


def _draw_meeting(draw, rng):
    draw.rectangle((420, 60, 780, 260), fill="white", outline=_INK, width=6)
    for position, height in enumerate((60, 110, 90, 150)):
        draw.rectangle((470 + position * 75, 240 - height, 515 + position * 75, 240), fill=_INK)
    _draw_people(draw, range(260, 1000, 120), 420, rng)
    draw.polygon(((150, 470), (1050, 470), (1150, 600), (50, 600)), fill=_WOOD)
    _draw_people(draw, range(200, 1060, 140), 690, rng)


def _draw_computer(draw, rng):
    draw.rectangle((0, 520, 1200, 675), fill=_WOOD)
    draw.rounded_rectangle((300, 80, 900, 440), radius=16, fill=_INK)
    draw.rectangle((325, 105, 875, 415), fill="white")
    draw.rectangle((325, 105, 875, 150), fill=_ACCENT)
    for row in range(5):
        width = rng.randint(250, 500)
        draw.rectangle((355, 180 + row * 45, 355 + width, 198 + row * 45), fill=(180, 190, 205))
    draw.rectangle((570, 440, 630, 520), fill=_INK)
    draw.rounded_rectangle((380, 540, 820, 600), radius=10, fill=(70, 70, 70))


def _draw_classroom(draw, rng):
    draw.rectangle((300, 50, 900, 250), fill="white", outline=_INK, width=6)
    for row in range(3):
        draw.rectangle((340, 90 + row * 50, 340 + rng.randint(200, 500), 110 + row * 50), fill=(120, 150, 200))
    for row, y in enumerate((420, 560)):
        for x in range(150 + row * 60, 1100, 220):
            draw.rectangle((x - 60, y - 80, x + 10, y - 30), fill=_INK)
            _draw_people(draw, [x + 60], y - 10, rng)
        draw.rectangle((60, y, 1140, y + 30), fill=_WOOD)


def _draw_document(draw, rng):
    draw.rectangle((330, 30, 870, 660), fill="white", outline=(170, 170, 170), width=3)
    for row in range(9):
        draw.rectangle((380, 90 + row * 40, 380 + rng.randint(280, 440), 104 + row * 40), fill=(150, 150, 160))
    draw.ellipse((600, 460, 780, 640), outline=_ACCENT, width=10)
    draw.ellipse((650, 510, 730, 590), fill=_ACCENT)
    draw.line(((560, 560), (620, 520), (660, 580), (720, 530), (790, 560)), fill=_INK, width=6)


_SCENES = {
    "meeting": _draw_meeting,
    "computer": _draw_computer,
    "classroom": _draw_classroom,
    "document": _draw_document,
}


def illustration_png(scene):
    """PNG bytes of one illustration scene; the same scene always draws the same picture."""
    picture = PillowImage.new("RGB", ILLUSTRATION_SIZE, _WALL)
    _SCENES[scene](ImageDraw.Draw(picture), random.Random(scene))  # noqa: S311 - drawing, not secrets
    output = io.BytesIO()
    picture.save(output, format="PNG")
    return output.getvalue()


def ensure_illustration(scene):
    """The image library's picture for ``scene``, generated once and shared by the news items."""
    Image = get_image_model()
    title = NEWS["illustrations"][scene]["title"]
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, file=ImageFile(io.BytesIO(illustration_png(scene)), name=f"minh-hoa-{scene}.png"))
        image._set_image_file_metadata()
        image.save()
    return image


def ensure_news(index, directive_pages):
    by_number = {number: page for (number, _year), page in directive_pages.items()}
    created_count = 0
    for spec in NEWS["items"]:
        date = _date(spec["date"])
        slug = f"{slugify(spec['title'])[:70].rstrip('-')}-{date:%Y%m%d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        page = OperationalNewsPage(
            title=spec["title"],
            slug=slug,
            date=date,
            lead=spec["lead"],
            body=_stream(*spec["paragraphs"]) if spec["paragraphs"] else "[]",
        )
        scene = spec["illustration"]
        page.images.add(
            page.images.model(
                image=ensure_illustration(scene), alt_text=NEWS["illustrations"][scene]["alt_text"], sort_order=0
            )
        )
        for order, number in enumerate(spec["related"]):
            directive = directive_pages.get((number, date.year)) or by_number.get(number)
            if directive is not None:
                page.related_directives.add(page.related_directives.model(directive=directive, sort_order=order))
        index.add_child(instance=page)
        page.save_revision().publish()
        set_publication_date(page, date, hour=16)
        created_count += 1
    return created_count


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        stdout.write("  Chưa có trang chủ: bỏ qua văn bản chỉ đạo.")
        return
    bodies, types, fields = ensure_reference_lists()
    stdout.write("  Danh mục cơ quan ban hành, loại văn bản, lĩnh vực: xong")
    directive_index, _ = ensure_page(
        home,
        DirectiveIndexPage,
        "van-ban-chi-dao-dieu-hanh",
        title="Văn bản chỉ đạo, điều hành",
        show_in_menus=True,
        intro="Chỉ thị, quyết định, kế hoạch, thông báo kết luận… của lãnh đạo tỉnh Hậu Giang.",
    )
    news_index, _ = ensure_page(
        home,
        OperationalNewsIndexPage,
        "tin-chi-dao-dieu-hanh",
        title="Tin chỉ đạo, điều hành",
        show_in_menus=True,
        intro="Kết luận cuộc họp, hoạt động của lãnh đạo tỉnh, thông cáo báo chí.",
    )
    pages, created = ensure_directives(directive_index, bodies, types, fields, ensure_plan_document())
    stdout.write(f"  Văn bản chỉ đạo, điều hành: {len(pages)} ({created} tạo mới)")
    news_created = ensure_news(news_index, pages)
    stdout.write(f"  Tin chỉ đạo, điều hành: {news_created} tạo mới")
    result = ensure_register()
    if result is None:
        stdout.write("  Sổ theo dõi văn bản: đã có")
    else:
        stdout.write(f"  Sổ theo dõi văn bản: {result.created} văn bản, {result.linked} đã liên kết với trang")
