"""Reading the document register from CSV or XLSX and storing it, row by row.

Header row: ``number, doc_type, title, issuer, signer, issued_on``. Bad rows are
reported with their line number and reason; good rows are kept. Rows are keyed by
issuing body, number and year, so re-importing a file changes nothing and a
corrected file updates rows instead of duplicating them. Rows are committed in
small batches so a crash half-way loses nothing already stored.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .linking import link_entry
from .models import DocumentType, IssuingBody, RegisterEntry
from .numbering import NUMBER_PATTERN, clean_number, number_key
from .signals import register_imported

COLUMNS = ["number", "doc_type", "title", "issuer", "signer", "issued_on"]
REQUIRED_COLUMNS = ["number", "doc_type", "title", "issuer", "issued_on"]
BATCH_SIZE = 100
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class RegisterFileError(Exception):
    """The file as a whole cannot be read (wrong format, encoding or header)."""


@dataclass
class BadRow:
    line: int
    reason: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    linked: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)

    @property
    def good_rows(self):
        return self.created + self.updated + self.unchanged

    @property
    def total_rows(self):
        return self.good_rows + len(self.bad_rows)


class RowError(Exception):
    pass


# Reading -------------------------------------------------------------------
def _normalise_header(cells):
    return [str(cell or "").strip().lower().lstrip("\ufeff") for cell in cells]


def _check_header(header):
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise RegisterFileError(
            _("Dòng tiêu đề thiếu cột: %(columns)s. Cần có: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )


def read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterFileError(_("Tệp CSV phải mã hóa UTF-8 (có hoặc không có BOM).")) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _normalise_header(next(reader))
    except StopIteration as error:
        raise RegisterFileError(_("Tệp trống.")) from error
    _check_header(header)
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        rows.append((reader.line_num, dict(zip(header, cells, strict=False))))
    return rows


def read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise RegisterFileError(_("Không đọc được tệp XLSX: tệp hỏng hoặc không đúng định dạng.")) from error
    sheet = workbook.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    try:
        header = _normalise_header(next(iterator))
    except StopIteration as error:
        raise RegisterFileError(_("Tệp trống.")) from error
    _check_header(header)
    rows = []
    for line, cells in enumerate(iterator, start=2):
        if not any(cell not in (None, "") for cell in cells):
            continue
        rows.append((line, dict(zip(header, cells, strict=False))))
    workbook.close()
    return rows


def read_rows(data, filename):
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return read_csv(data)
    if suffix == ".xlsx":
        return read_xlsx(data)
    raise RegisterFileError(_("Chỉ nhận tệp CSV hoặc XLSX."))


# Validating one row --------------------------------------------------------
def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if not text:
        raise RowError(_("thiếu ngày ban hành"))
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise RowError(
        _("ngày ban hành “%(value)s” không có thật hoặc sai định dạng (dd/mm/yyyy hoặc yyyy-mm-dd)") % {"value": text}
    )


class RowParser:
    """Turns a raw row into model values; caches lookups of issuers and document types."""

    def __init__(self):
        self._issuers = {}
        self._types = {}

    def _lookup(self, cache, queryset, text):
        key = str(text or "").strip()
        if key not in cache:
            cache[key] = queryset.find(key)
        return cache[key]

    def parse(self, raw):
        text = {name: "" if raw.get(name) is None else str(raw.get(name)).strip() for name in COLUMNS}
        number = clean_number(text.get("number"))
        if not number:
            raise RowError(_("thiếu số ký hiệu"))
        if not NUMBER_PATTERN.match(number):
            raise RowError(_("số ký hiệu “%(number)s” sai định dạng (ví dụ 07/KH-UBND)") % {"number": number})
        issued_on = parse_date(raw.get("issued_on"))
        if not text.get("issuer"):
            raise RowError(_("thiếu cơ quan ban hành"))
        issuer = self._lookup(self._issuers, IssuingBody.objects, text["issuer"])
        if issuer is None:
            raise RowError(_("không có cơ quan ban hành “%(issuer)s” trong danh mục") % {"issuer": text["issuer"]})
        doc_type = self._lookup(self._types, DocumentType.objects, text.get("doc_type"))
        if doc_type is None:
            raise RowError(
                _("không có loại văn bản “%(doc_type)s” trong danh mục") % {"doc_type": text.get("doc_type", "")}
            )
        if not text.get("title"):
            raise RowError(_("thiếu trích yếu"))
        return {
            "number": number,
            "doc_type": doc_type,
            "title": text["title"],
            "issuer": issuer,
            "signer": text.get("signer", ""),
            "issued_on": issued_on,
        }


# Storing -------------------------------------------------------------------
def _store(values, result):
    existing = RegisterEntry.objects.matching(
        values["issuer"].pk, number_key(values["number"]), values["issued_on"].year
    ).first()
    if existing is None:
        entry = RegisterEntry.objects.create(**values)
        result.created += 1
    else:
        changed = [name for name, value in values.items() if getattr(existing, name) != value]
        entry = existing
        if changed:
            for name in changed:
                setattr(entry, name, values[name])
            entry.save()
            result.updated += 1
        else:
            result.unchanged += 1
    if link_entry(entry):
        result.linked += 1


def import_rows(rows, progress=None):
    """Store parsed rows in batches; ``progress(done, total)`` is called after each batch."""
    result = ImportResult()
    parser = RowParser()
    total = len(rows)
    for start in range(0, total, BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        with transaction.atomic():
            for line, raw in batch:
                try:
                    values = parser.parse(raw)
                except RowError as error:
                    result.bad_rows.append(BadRow(line, str(error)))
                    continue
                _store(values, result)
        if progress is not None:
            progress(min(start + BATCH_SIZE, total), total)
    register_imported.send(sender=RegisterEntry, result=result)
    return result


def import_register(data, filename, progress=None):
    """Import ``data`` (bytes of a CSV or XLSX file named ``filename``)."""
    return import_rows(read_rows(data, filename), progress=progress)
