import re
from decimal import Decimal

import pytest

from directives import metrics
from directives.models import DirectivePage, OperationalNewsPage, RegisterEntry
from directives.pdf import build_pdf

pytestmark = pytest.mark.django_db


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
    assert 28 <= DirectivePage.objects.live().count() <= 35
    assert OperationalNewsPage.objects.live().count() == 20
    assert RegisterEntry.objects.count() == 40
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
