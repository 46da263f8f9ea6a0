import html
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from directives import demo as directives_demo
from directives import metrics
from directives.models import DirectivePage, OperationalNewsPage, RegisterEntry
from directives.pdf import build_pdf

pytestmark = pytest.mark.django_db


def on_the_province_portal(model):
    """The model's live pages on the province's own site; the sub-portals' demo has pages of its own."""

    return model.objects.live().descendant_of(Site.objects.get(is_default_site=True).root_page)


def extract_text(pdf):
    """Decode the shown strings through the file's own ToUnicode map, as a PDF reader does."""
    cmap = dict(re.findall(rb"<([0-9A-F]{2})> <([0-9A-F]{4})>", pdf))
    lines = []
    for hex_string in re.findall(rb"<([0-9A-F]+)> Tj", pdf):
        codes = [hex_string[i : i + 2] for i in range(0, len(hex_string), 2)]
        lines.append("".join(chr(int(cmap[c], 16)) if c in cmap else chr(int(c, 16)) for c in codes))
    return "\n".join(lines)


def test_the_pdf_writer_keeps_vietnamese_text_extractable():
    pdf = build_pdf("Thử", ["Hoàn thiện mạng diện rộng của tỉnh Hậu Giang"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert "mạng diện rộng của tỉnh Hậu Giang" in extract_text(pdf)


def test_demo_publishes_about_eighty_percent_of_the_register_and_the_plan_with_its_pdf(demo, client):
    assert 28 <= on_the_province_portal(DirectivePage).count() <= 35
    assert on_the_province_portal(OperationalNewsPage).count() == 20
    assert RegisterEntry.objects.issued_between(metrics.year(2011).start, metrics.year(2015).end).count() == 40
    summary = metrics.publication_summary(metrics.year(2011).start, metrics.year(2015).end)
    assert summary.rate == Decimal("80.0")
    assert summary.median_days is not None and summary.median_days < 10

    # Kế hoạch 07/KH-UBND carries its signed PDF, whose text only the PDF holds.
    plan = DirectivePage.objects.get(number="07/KH-UBND")
    assert plan.issued_on.isoformat() == "2011-03-14"
    document = plan.attachments.get().document
    assert document.file_extension == "pdf"
    pdf = document.file.read()
    assert "mạng diện rộng của tỉnh" in extract_text(pdf)
    assert "mạng diện rộng" not in plan.summary + str(plan.body)  # only the PDF has it
    assert client.get(document.url).status_code == 200


def test_demo_has_the_monitoring_interview_and_menu_entries(demo, client):
    interview = OperationalNewsPage.objects.get(title__startswith="Giám sát Kế hoạch 07/KH-UBND")
    html = client.get(interview.url).content.decode()
    assert "khoảng 60%" in html and "không biết có thể nộp hồ sơ qua mạng" in html
    home = client.get("/").content.decode()
    assert ">Văn bản chỉ đạo, điều hành</a>" in home and ">Tin chỉ đạo, điều hành</a>" in home


def test_the_demo_prose_comes_from_the_data_files_and_a_second_load_adds_nothing(demo):
    published = directives_demo.DIRECTIVES["published"]
    province_directives = on_the_province_portal(DirectivePage).values_list("title", flat=True)
    assert set(province_directives) == {spec["title"] for spec in published}
    news_titles = {spec["title"] for spec in directives_demo.NEWS["items"]}
    assert set(on_the_province_portal(OperationalNewsPage).values_list("title", flat=True)) == news_titles
    Document, Image = get_document_model(), get_image_model()
    counts = (Page.objects.count(), Revision.objects.count(), Document.objects.count(), Image.objects.count())

    call_command("load_demo", stdout=io.StringIO())

    assert (Page.objects.count(), Revision.objects.count(), Document.objects.count(), Image.objects.count()) == counts


def test_the_2014_campaign_and_the_guidance_are_found_under_their_own_year(client, demo):
    def titles(**params):
        return [hit["title"] for hit in client.get("/api/search/", params).json()["results"]]

    campaign = "Tuyên truyền dịch vụ công trực tuyến mức độ 3 năm 2014"
    this_year = str(timezone.localdate().year)
    assert campaign in titles(q=campaign, year="2014")
    assert campaign not in titles(q=campaign, year=this_year)
    guide = "Hướng dẫn nộp hồ sơ trực tuyến"
    assert guide in titles(q=guide, year="2014")
    assert guide not in titles(q=guide, year=this_year)


# Two identical words in a row are a slip ("quyết định quyết định"). Vietnamese reduplications
# that are correct prose would be listed here; the demo text has none.
ALLOWED_DOUBLED_WORDS = set()
DOUBLED_WORD = re.compile(r"\b(\w+)\s+(\1)\b", re.IGNORECASE | re.UNICODE)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _page_texts(page):
    """Every text field and every string inside the StreamFields of a page, each on its own.

    Fields that are not edited (accent-folded search keys) are skipped: folding turns "công bố bộ"
    into "cong bo bo", which no reader sees.
    """
    for field in page._meta.concrete_fields:
        if not field.editable:
            continue
        value = getattr(page, field.attname)
        if isinstance(field, StreamField):
            yield from _strings(value.get_prep_value())
        elif isinstance(field, models.CharField | models.TextField) and not isinstance(field, models.SlugField):
            yield value or ""


def test_the_demo_text_has_no_doubled_words(demo):
    doubled = []
    for page in Page.objects.live().specific():
        for text in _page_texts(page):
            plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
            for match in DOUBLED_WORD.finditer(plain):
                if match.group(1).lower() not in ALLOWED_DOUBLED_WORDS and not match.group(1).isdigit():
                    doubled.append(f"{page.title}: …{plain[max(0, match.start() - 30) : match.end() + 30]}…")
    assert doubled == []


def test_every_page_that_sends_readers_to_the_attachment_has_one(client, demo):
    pages = [page for page in Page.objects.live().specific() if "tệp đính kèm" in " ".join(_page_texts(page))]
    assert len(pages) >= 28
    for page in pages:
        attachment = page.attachments.select_related("document").first()
        assert attachment is not None, page.title
        pdf = attachment.document.file.read()
        assert pdf.startswith(b"%PDF"), page.title
        assert page.number in extract_text(pdf)
        assert client.get(attachment.document.url).status_code == 200


def test_every_demo_news_item_shows_an_image_with_alt_text(client, demo):
    news = on_the_province_portal(OperationalNewsPage)
    assert news.count() == 20
    for page in news:
        picture = page.card_image
        assert picture is not None and picture.alt_text.strip(), page.title
        alt = f'alt="{html.escape(picture.alt_text)}"'
        images = re.findall(r"<img [^>]*>", client.get(page.url).content.decode())
        assert any(alt in tag for tag in images), page.title
    listing = client.get(news.first().get_parent().url).content.decode()
    assert len(re.findall(r'<img [^>]*class="card__image"', listing)) == 12
