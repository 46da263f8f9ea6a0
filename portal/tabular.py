"""Importing a table (CSV or XLSX) row by row: the one way the portal's importers read files.

An importer declares its columns (with English and Vietnamese header aliases), how one
row becomes values and how a batch of values is stored. This module reads the file
(UTF-8 with or without a byte order mark, or the first sheet of a workbook), maps the
header, skips blank rows, keeps each row's line number, collects bad rows with their
reason, commits each batch in its own transaction so a crash half-way loses nothing
already stored, and reports progress and a summary.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.vietnamese import fold

CSV_SUFFIXES = {".csv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


class TabularFileError(Exception):
    """The file as a whole cannot be read (format, encoding or header): nothing is imported."""


class RowError(Exception):
    """One row cannot be imported; raised by an importer's row logic, collected with the row's line."""

    def __init__(self, reason, line=None):
        super().__init__(reason)
        self.reason = str(reason)
        self.line = line

    def __str__(self):
        if self.line is None:
            return self.reason
        return _("Dòng %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}

    def __eq__(self, other):
        return isinstance(other, RowError) and (self.line, self.reason) == (other.line, other.reason)

    __hash__ = Exception.__hash__


@dataclass(frozen=True)
class Column:
    """A column an importer reads: its name, the label people know it by and other header spellings."""

    name: str
    label: str
    aliases: tuple = ()
    required: bool = True

    def header_keys(self):
        # The label as files spell it (Vietnamese) and as the person importing reads it (their language).
        with translation.override(settings.LANGUAGE_CODE):
            source_label = str(self.label)
        labels = {header_key(source_label), header_key(self.label)}
        return {header_key(self.name), *labels, *(header_key(alias) for alias in self.aliases)}


def header_key(text):
    """A header cell compared without accents, case or punctuation: "Phí, lệ phí" → "phi le phi"."""
    return " ".join(re.sub(r"[^a-z0-9_]+", " ", fold(str(text or "").lstrip("\ufeff"))).split())


def cell_text(value):
    """A cell as stripped text; a whole number stored by a spreadsheet as 3.0 reads "3"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


# Reading --------------------------------------------------------------------------------------------


def read_path(path):
    """The bytes of the file at ``path``; an unreadable file is a TabularFileError."""
    path = Path(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise TabularFileError(
            _("Không mở được tệp %(name)s: %(error)s") % {"name": path.name, "error": error.strerror}
        ) from error


def _csv_lines(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TabularFileError(_("Tệp CSV phải mã hóa UTF-8 (có hoặc không có BOM).")) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    first_line = 1
    for cells in reader:
        # A quoted cell may span lines: a row is reported by the line it starts on.
        yield first_line, cells
        first_line = reader.line_num + 1


def _xlsx_lines(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TabularFileError(_("Không đọc được tệp XLSX: tệp hỏng hoặc không đúng định dạng.")) from error
    try:
        yield from enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
    finally:
        workbook.close()


def _lines(data, filename):
    suffix = Path(filename).suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _csv_lines(data)
    if suffix in XLSX_SUFFIXES:
        return _xlsx_lines(data)
    raise TabularFileError(_("Chỉ nhận tệp CSV hoặc XLSX."))


def map_header(cells, columns, missing_message):
    """Column index of each declared column; a TabularFileError names the required ones missing."""
    names = {key: column.name for column in columns for key in column.header_keys()}
    indexes = {}
    for index, cell in enumerate(cells):
        name = names.get(header_key(cell))
        if name and name not in indexes:
            indexes[name] = index
    missing = [column for column in columns if column.required and column.name not in indexes]
    if missing:
        raise TabularFileError(
            missing_message
            % {
                "columns": ", ".join(f"{column.name} ({column.label})" for column in missing),
                "expected": ", ".join(column.name for column in columns),
            }
        )
    return indexes


def read_table(data, filename, columns, missing_message):
    """``[(line, {column name: cell})]`` for each non-blank data row of a CSV or XLSX file.

    CSV cells are text; XLSX cells keep their type (a date cell is a ``datetime``).
    """
    lines = _lines(data, filename)
    try:
        _line, header = next(lines)
    except StopIteration as error:
        raise TabularFileError(_("Tệp trống.")) from error
    indexes = map_header(header, columns, missing_message)
    rows = []
    for line, cells in lines:
        row = {name: cells[index] if index < len(cells) else None for name, index in indexes.items()}
        if not all(_is_blank(value) for value in row.values()):
            rows.append((line, row))
    return rows


def parse_date(value, formats=("%d/%m/%Y", "%Y-%m-%d")):
    """A date from a date cell or from text in one of ``formats``; None for text in none of them."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    for date_format in formats:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


# Storing --------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did. Importers add their own counts and name them in ``summary_parts``."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bad_rows: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def good_rows(self):
        return self.created + self.updated + self.unchanged

    @property
    def total_rows(self):
        return self.good_rows + len(self.bad_rows)

    def summary_parts(self):
        return [
            _("%(count)s thêm mới") % {"count": self.created},
            _("%(count)s cập nhật") % {"count": self.updated},
            _("%(count)s không đổi") % {"count": self.unchanged},
            _("%(count)s dòng lỗi") % {"count": len(self.bad_rows)},
        ]

    def summary(self):
        return _("Đã đọc %(total)s dòng: %(parts)s.") % {
            "total": self.total_rows,
            "parts": ", ".join(str(part) for part in self.summary_parts()),
        }


class TabularImport:
    """Reads a table and stores it batch by batch; subclasses declare the columns and the row logic.

    ``parse(row)`` turns ``{column name: cell}`` into values or raises RowError; ``store(batch)``
    stores ``[(line, values)]`` inside the batch's transaction. A RowError or ValidationError
    raised by either is reported against the row's line and the other rows are kept; any other
    error stops the import, keeping the batches already committed.
    """

    columns = ()
    missing_columns_message = gettext_lazy("Thiếu cột: %(columns)s. Cần có: %(expected)s.")
    report_class = ImportReport
    batch_size = 100

    def __init__(self, progress=None):
        self.progress = progress
        self.report = self.report_class()

    def read(self, data, filename):
        return read_table(data, filename, self.columns, self.missing_columns_message)

    def parse(self, row):
        raise NotImplementedError

    def store(self, batch):
        raise NotImplementedError

    def finish(self):
        """After the last batch (also when one failed): the place for work done once per import."""

    def reject(self, line, error):
        reason = "; ".join(error.messages) if isinstance(error, ValidationError) else error.reason
        self.report.bad_rows.append(RowError(reason, line=line))

    def run_rows(self, rows):
        total = len(rows)
        try:
            for start in range(0, total, self.batch_size):
                self._run_batch(rows[start : start + self.batch_size])
                if self.progress is not None:
                    self.progress(min(start + self.batch_size, total), total)
        finally:
            self.finish()
        return self.report

    def run(self, data, filename):
        return self.run_rows(self.read(data, filename))

    def _run_batch(self, rows):
        parsed = []
        for line, row in rows:
            try:
                parsed.append((line, self.parse(row)))
            except (RowError, ValidationError) as error:
                self.reject(line, error)
        with transaction.atomic():
            self.store(parsed)


class ProgressBar:
    """``[#####.....]  50% (5000/10000)`` on one line of a command's output, for files worth waiting on."""

    def __init__(self, stdout, from_rows=200, width=30):
        self.stdout = stdout
        self.from_rows = from_rows
        self.width = width

    def __call__(self, done, total):
        if total < self.from_rows:
            return
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        ending = "\n" if done >= total else ""
        self.stdout.write(f"\r[{bar}] {100 * done // total:3d}% ({done}/{total})", ending=ending)
        self.stdout.flush()
