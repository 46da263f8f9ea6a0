"""The synthesis report (báo cáo tổng hợp, tiếp thu, giải trình), generated from staff responses.

One row per published comment, in the order of the draft's articles (comments on the whole
draft first): the article, the comment (staff summary, or the text itself), who commented
(name and organisation, never the e-mail) and the drafting body's response with its reason.
The page shows it once the report is published; XLSX and DOCX carry the same rows.
"""

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class ReportRow:
    article: str
    comment: str
    commenter: str
    response: str
    reason: str


def headers():
    return [_("Điều, khoản"), _("Nội dung góp ý"), _("Người góp ý"), _("Kết quả tiếp thu"), _("Giải trình, tiếp thu")]


def report_rows(consultation):
    order = {block_id: position for position, (block_id, _value) in enumerate(consultation.articles, start=1)}
    comments = sorted(
        consultation.comments.published(), key=lambda comment: (order.get(comment.article_key, 0), comment.submitted_at)
    )
    rows = []
    for comment in comments:
        who = f"{comment.public_name} ({comment.organisation})" if comment.organisation else str(comment.public_name)
        rows.append(
            ReportRow(
                article=consultation.article_label(comment.article_key)
                or comment.article_label
                or _("Toàn bộ dự thảo"),
                comment=comment.summary or comment.text,
                commenter=who,
                response=comment.get_response_display() or _("Chưa trả lời"),
                reason=comment.response_reason,
            )
        )
    return rows


def _file_name(consultation, extension):
    return f"bao-cao-tong-hop-{consultation.slug}.{extension}"


def xlsx_bytes(consultation):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Báo cáo tổng hợp")[:31]
    sheet.append([_("Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý: %(title)s") % {"title": consultation.title}])
    sheet["A1"].font = Font(bold=True)
    sheet.append(headers())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in report_rows(consultation):
        sheet.append([row.article, row.comment, row.commenter, row.response, row.reason])
    for column, width in zip("ABCDE", (30, 60, 30, 22, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(consultation):
    response = HttpResponse(xlsx_bytes(consultation), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(consultation, "xlsx")}"'
    return response


# A minimal WordprocessingML package: enough for Word, LibreOffice and Google Docs to open a
# document of paragraphs and one table, without a DOCX library.
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(text, bold=False, size=None):
    props = ""
    if bold or size:
        props = "<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "") + "</w:rPr>"
    lines = str(text).split("\n")
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:p><w:r>{props}{runs}</w:r></w:p>"


def _cell(text, bold=False):
    return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{_paragraph(text, bold=bold)}</w:tc>'


def document_xml(consultation):
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table = [
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}</w:tblBorders></w:tblPr>',
        "<w:tr>" + "".join(_cell(header, bold=True) for header in headers()) + "</w:tr>",
    ]
    for row in report_rows(consultation):
        table.append(
            "<w:tr>"
            + "".join(_cell(value) for value in (row.article, row.comment, row.commenter, row.response, row.reason))
            + "</w:tr>"
        )
    table.append("</w:tbl>")
    body = [
        _paragraph(_("BÁO CÁO TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"), bold=True, size=28),
        _paragraph(consultation.title, bold=True),
        _paragraph(_("Cơ quan chủ trì soạn thảo: %(body)s") % {"body": consultation.drafting_body}),
        _paragraph(
            _("Thời gian lấy ý kiến: từ %(opens)s đến %(closes)s")
            % {
                "opens": consultation.opens_on.strftime("%d/%m/%Y"),
                "closes": consultation.closes_on.strftime("%d/%m/%Y"),
            }
        ),
        "".join(table),
        '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>',
    ]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )


def docx_bytes(consultation):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/document.xml", document_xml(consultation))
    return buffer.getvalue()


def docx_response(consultation):
    response = HttpResponse(docx_bytes(consultation), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(consultation, "docx")}"'
    return response
