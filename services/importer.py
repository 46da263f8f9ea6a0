"""Importing procedures from the national procedure database export (CSV or XLSX).

Each row is checked on its own: a bad row is reported with its line number and reason and
the good rows are kept. Rows are matched by code, so a re-import updates pages instead of
duplicating them and an unchanged row changes nothing. Pages are published only on request;
otherwise new content waits as a draft for review.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.vietnamese import fold, slugify

from .levels import parse_service_level
from .models import (
    AdminLevel,
    Agency,
    Applicants,
    DossierDocument,
    ProcedureField,
    ProcedurePage,
    http_url_validator,
)
from .signals import procedures_imported

# Header aliases, folded (lowercase ASCII, punctuation as spaces). English names first, then the
# column names of the national procedure database export.
HEADERS = {
    "code": ["code", "ma thu tuc", "ma tthc", "ma so"],
    "name": ["name", "ten thu tuc", "ten thu tuc hanh chinh", "ten tthc"],
    "field": ["field", "linh vuc"],
    "agency": ["agency", "co quan thuc hien", "co quan giai quyet"],
    "admin_level": ["admin_level", "cap thuc hien"],
    "service_level": [
        "service_level",
        "muc do",
        "muc do dvc",
        "muc do dvctt",
        "muc do dich vu cong",
        "muc do dich vu cong truc tuyen",
    ],
    "processing_time": ["processing_time", "thoi han giai quyet", "thoi gian giai quyet"],
    "fee": ["fee", "phi le phi", "phi", "le phi"],
    "online_url": ["online_url", "dia chi truc tuyen", "dia chi dich vu cong", "duong dan"],
    "legal_basis": ["legal_basis", "can cu phap ly"],
    "steps": ["steps", "trinh tu thuc hien"],
    "documents": ["documents", "thanh phan ho so"],
    "result": ["result", "ket qua thuc hien", "ket qua"],
    "applicants": ["applicants", "doi tuong thuc hien"],
    "conditions": ["conditions", "yeu cau dieu kien"],
}
REQUIRED = ["code", "name", "field", "agency", "admin_level", "service_level"]
HEADER_LABELS = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "agency": "Cơ quan thực hiện",
    "admin_level": "Cấp thực hiện",
    "service_level": "Mức độ",
}
ADMIN_LEVELS = {
    "tinh": AdminLevel.PROVINCE,
    "huyen": AdminLevel.DISTRICT,
    "xa": AdminLevel.COMMUNE,
    "province": AdminLevel.PROVINCE,
    "district": AdminLevel.DISTRICT,
    "commune": AdminLevel.COMMUNE,
}
CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,49}$")
COPIES = re.compile(r"\s*\(\s*(\d{1,2})\s*bản\s*(chính|sao)?[^)]*\)\s*$", re.IGNORECASE)


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("Dòng %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    published: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)

    @property
    def stored(self):
        return self.created + self.updated + self.published

    def summary(self):
        return _(
            "Tạo mới %(created)s, cập nhật %(updated)s, xuất bản %(published)s, "
            "không đổi %(unchanged)s, dòng lỗi %(errors)s."
        ) % {
            "created": self.created,
            "updated": self.updated,
            "published": self.published,
            "unchanged": self.unchanged,
            "errors": len(self.errors),
        }


def _header_key(text):
    return " ".join(re.sub(r"[^a-z0-9_]+", " ", fold(text)).split())


def map_headers(header_row):
    """Column index of each known field; an ImportFileError names any missing required column."""
    aliases = {alias: name for name, names in HEADERS.items() for alias in names}
    columns = {}
    for index, cell in enumerate(header_row):
        name = aliases.get(_header_key(cell or ""))
        if name and name not in columns:
            columns[name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        labels = ", ".join(f"{name} ({HEADER_LABELS[name]})" for name in missing)
        raise ImportFileError(_("Thiếu cột: %(columns)s.") % {"columns": labels})
    return columns


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(path):
    """``(line number, cells)`` for every data row of a CSV (UTF-8) or XLSX file, after the header."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def _read_csv(path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("Tệp CSV phải dùng bảng mã UTF-8.")) from error
    except OSError as error:
        raise ImportFileError(_("Không đọc được tệp: %(error)s") % {"error": error.strerror}) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    first_line = 1
    for cells in reader:
        rows.append((first_line, [_cell_text(cell) for cell in cells]))
        first_line = reader.line_num + 1
    return rows


def _read_xlsx(path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(_("Không đọc được tệp Excel.")) from error
    sheet = workbook.worksheets[0]
    rows = [
        (number, [_cell_text(cell) for cell in row]) for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
    ]
    workbook.close()
    return rows


def parse_admin_level(text):
    folded = " ".join(fold(text).split())
    if folded.startswith("cap "):
        folded = folded[4:]
    return ADMIN_LEVELS.get(folded)


def parse_applicants(text):
    folded = fold(text)
    citizen = "cong dan" in folded or "ca nhan" in folded or "citizen" in folded
    business = "doanh nghiep" in folded or "to chuc" in folded or "business" in folded
    if citizen and not business:
        return Applicants.CITIZEN
    if business and not citizen:
        return Applicants.BUSINESS
    return Applicants.BOTH


def parse_documents(text):
    """``[(name, copies)]`` from "Tờ khai (02 bản); Bản sao CCCD (01 bản sao)"."""
    documents = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        copies = 1
        match = COPIES.search(part)
        if match:
            copies = int(match.group(1)) or 1
            part = part[: match.start()].strip()
            if match.group(2):
                part = f"{part} (bản {match.group(2).lower()})"
        documents.append((part[:500], copies))
    return documents


def parse_row(cells, columns):
    """The page values of one row, or a ValueError with the reason in Vietnamese."""

    def get(name):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    values = {name: get(name) for name in HEADERS}
    if not any(values.values()):
        return None
    if not values["code"]:
        raise ValueError(_("thiếu mã thủ tục."))
    if not CODE.match(values["code"]):
        raise ValueError(_("mã thủ tục “%(code)s” không hợp lệ.") % {"code": values["code"][:60]})
    for name in ("name", "field", "agency"):
        if not values[name]:
            raise ValueError(_("thiếu %(column)s.") % {"column": HEADER_LABELS[name].lower()})
    if len(values["name"]) > 255:
        raise ValueError(_("tên thủ tục dài quá 255 ký tự."))
    admin_level = parse_admin_level(values["admin_level"])
    if admin_level is None:
        raise ValueError(
            _("cấp thực hiện “%(value)s” không hợp lệ: dùng tỉnh, huyện hoặc xã.") % {"value": values["admin_level"]}
        )
    documents = parse_documents(values["documents"])
    levels = parse_service_level(values["service_level"])
    if levels is None:
        raise ValueError(
            _("mức độ “%(value)s” không hợp lệ: dùng 1–4, toàn trình hoặc một phần.")
            % {"value": values["service_level"]}
        )
    online_level, legacy_level = levels
    url = values["online_url"]
    if url:
        try:
            http_url_validator(url)
        except ValidationError as error:
            raise ValueError(_("địa chỉ trực tuyến phải là địa chỉ http:// hoặc https://.")) from error
    elif online_level != "none":
        raise ValueError(_("dịch vụ công trực tuyến (mức 3, 4) phải có địa chỉ trực tuyến."))
    return {
        "code": values["code"],
        "title": values["name"],
        "field_name": values["field"][:255],
        "agency_name": values["agency"][:255],
        "admin_level": admin_level,
        "online_level": str(online_level),
        "legacy_level": int(legacy_level),
        "processing_time": values["processing_time"][:300],
        "fee": values["fee"],
        "online_url": url,
        "legal_basis": "\n".join(line.strip() for line in re.split(r"[;\n]", values["legal_basis"]) if line.strip()),
        "steps": [step.strip() for step in values["steps"].split(";") if step.strip()],
        "documents": documents,
        "result": values["result"],
        "applicants": str(parse_applicants(values["applicants"])),
        "conditions": values["conditions"],
    }


def _snippet(model, name):
    """The field or agency with this name (compared without accents and case), created if missing."""
    slug = slugify(name)[:255] or "khac"
    existing = model.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    return model.objects.create(name=name, slug=slug)


PLAIN_FIELDS = [
    "title",
    "admin_level",
    "online_level",
    "legacy_level",
    "processing_time",
    "fee",
    "online_url",
    "legal_basis",
    "result",
    "applicants",
    "conditions",
]


def _same(page, values, field_obj, agency):
    if any(getattr(page, name) != values[name] for name in PLAIN_FIELDS):
        return False
    if page.field_id != field_obj.pk or page.agency_id != agency.pk:
        return False
    if page.step_texts != values["steps"]:
        return False
    current = [(document.name, document.copies) for document in page.documents.all()]
    return current == values["documents"]


def _apply(page, values, field_obj, agency):
    for name in PLAIN_FIELDS:
        setattr(page, name, values[name])
    page.field = field_obj
    page.agency = agency
    page.steps = [("step", step) for step in values["steps"]]
    # Keep downloadable forms an editor attached to a document that is still listed.
    forms = {document.name: document.form for document in page.documents.all() if document.form_id}
    page.documents = [
        DossierDocument(name=name, copies=copies, form=forms.get(name), sort_order=order)
        for order, (name, copies) in enumerate(values["documents"])
    ]


def store(values, parent, publish, report):
    field_obj = _snippet(ProcedureField, values["field_name"])
    agency = _snippet(Agency, values["agency_name"])
    existing = ProcedurePage.objects.filter(code=values["code"]).first()
    if existing is None:
        page = ProcedurePage(code=values["code"], live=False)
        _apply(page, values, field_obj, agency)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        report.created += 1
        return
    page = existing.get_latest_revision_as_object()
    if _same(page, values, field_obj, agency):
        if publish and (not existing.live or existing.has_unpublished_changes):
            page.save_revision().publish()
            report.published += 1
        else:
            report.unchanged += 1
        return
    _apply(page, values, field_obj, agency)
    page.full_clean()
    revision = page.save_revision()
    if publish:
        revision.publish()
    report.updated += 1


def import_procedures(path, parent, publish=False):
    """Import a file under ``parent`` (a ProcedureIndexPage); returns an ImportReport."""
    rows = read_rows(path)
    if not rows:
        raise ImportFileError(_("Tệp không có dòng tiêu đề."))
    columns = map_headers(rows[0][1])
    report = ImportReport()
    seen = set()
    for line, cells in rows[1:]:
        try:
            values = parse_row(cells, columns)
            if values is None:
                continue
            if values["code"] in seen:
                raise ValueError(_("mã thủ tục %(code)s lặp lại trong tệp.") % {"code": values["code"]})
            seen.add(values["code"])
            with transaction.atomic():
                store(values, parent, publish, report)
        except ValueError as error:
            report.errors.append(RowError(line, str(error)))
        except ValidationError as error:
            messages = "; ".join(str(message) for message in error.messages)
            report.errors.append(RowError(line, messages))
    if report.stored:
        procedures_imported.send(sender=ProcedurePage, report=report)
    return report
