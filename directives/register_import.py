"""Reading the document register from CSV or XLSX and storing it, row by row.

Header row: ``number, doc_type, title, issuer, signer, issued_on``. Bad rows are
reported with their line number and reason; good rows are kept. Rows are keyed by
issuing body, number and year, so re-importing a file changes nothing and a
corrected file updates rows instead of duplicating them. Rows are committed in
small batches so a crash half-way loses nothing already stored. Committed rows reach
the search backends and Wagtail's reference index in bulk, every ``INDEX_BATCH_SIZE``
rows and at the end, instead of through a task per saved row.
"""

import csv
import datetime
import io
import logging
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name

from .linking import link_entries
from .models import DocumentType, IssuingBody, RegisterEntry
from .numbering import NUMBER_PATTERN, clean_number, number_key
from .signal_handlers import register_indexed_in_bulk
from .signals import register_imported

COLUMNS = ["number", "doc_type", "title", "issuer", "signer", "issued_on"]
REQUIRED_COLUMNS = ["number", "doc_type", "title", "issuer", "issued_on"]
BATCH_SIZE = 100
INDEX_BATCH_SIZE = 1000
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

logger = logging.getLogger(__name__)


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
def _key(values):
    return values["issuer"].pk, number_key(values["number"]), values["issued_on"].year


def _existing_entries(parsed):
    """The stored entries a batch's rows refer to, by (issuer, number key, year): one query."""
    keys = {_key(values) for _, values in parsed}
    if not keys:
        return {}
    issuers, numbers, years = (set(column) for column in zip(*keys, strict=True))
    candidates = RegisterEntry.objects.filter(issuer_id__in=issuers, number_key__in=numbers, year__in=years).order_by()
    return {key: entry for entry in candidates if (key := (entry.issuer_id, entry.number_key, entry.year)) in keys}


def _store(values, entries, result):
    """Create or correct the entry of one row; returns the entry when it was saved."""
    key = _key(values)
    existing = entries.get(key)
    if existing is None:
        entries[key] = RegisterEntry.objects.create(**values)
        result.created += 1
        return entries[key]
    changed = [name for name, value in values.items() if getattr(existing, name) != value]
    if not changed:
        result.unchanged += 1
        return None
    for name in changed:
        setattr(existing, name, values[name])
    existing.save()
    result.updated += 1
    return existing


def index_entries(entries):
    """Add saved entries to every auto-updated search backend and to Wagtail's reference index, in bulk."""
    if not entries:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(RegisterEntry, entries)
        except Exception:
            # As modelsearch does for single saves: a search engine that is down must not lose the import.
            logger.exception("Indexing %s register entries in the '%s' search backend failed", len(entries), name)
            if not backend.catch_indexing_errors:
                raise
    if ReferenceIndex.is_indexed(RegisterEntry):
        with transaction.atomic():
            for entry in entries:
                ReferenceIndex.create_or_update_for_object(entry)


class CommittedEntries:
    """Collects the entries of committed batches and indexes them every ``INDEX_BATCH_SIZE`` rows.

    Each bulk call costs a pass over the whole search index (the database backend
    recomputes its title statistics), so indexing every 100-row batch would cost more
    than storing it.
    """

    def __init__(self):
        self.pending = {}

    def add(self, entries):
        self.pending.update((entry.pk, entry) for entry in entries)
        if len(self.pending) >= INDEX_BATCH_SIZE:
            self.flush()

    def flush(self):
        entries, self.pending = list(self.pending.values()), {}
        index_entries(entries)


def _import_batch(batch, parser, result, committed):
    parsed = []
    for line, raw in batch:
        try:
            parsed.append((line, parser.parse(raw)))
        except RowError as error:
            result.bad_rows.append(BadRow(line, str(error)))
    with transaction.atomic(), register_indexed_in_bulk():
        entries = _existing_entries(parsed)
        saved = []
        for _, values in parsed:
            entry = _store(values, entries, result)
            if entry is not None:
                saved.append(entry)
        result.linked += link_entries(entries.values())
        # Only rows stored for good are indexed: a batch that is rolled back drops this callback.
        transaction.on_commit(partial(committed.add, saved))


def import_rows(rows, progress=None):
    """Store parsed rows in batches; ``progress(done, total)`` is called after each batch."""
    result = ImportResult()
    parser = RowParser()
    committed = CommittedEntries()
    total = len(rows)
    try:
        for start in range(0, total, BATCH_SIZE):
            _import_batch(rows[start : start + BATCH_SIZE], parser, result, committed)
            if progress is not None:
                progress(min(start + BATCH_SIZE, total), total)
    finally:
        # Also when a batch fails: the batches stored before it are searchable. Inside an
        # outer transaction this runs at its commit, after the batches' own callbacks.
        transaction.on_commit(committed.flush)
    register_imported.send(sender=RegisterEntry, result=result)
    return result


def import_register(data, filename, progress=None):
    """Import ``data`` (bytes of a CSV or XLSX file named ``filename``)."""
    return import_rows(read_rows(data, filename), progress=progress)
