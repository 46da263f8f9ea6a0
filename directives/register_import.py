"""Reading the document register from CSV or XLSX and storing it, row by row.

Header row: ``number, doc_type, title, issuer, signer, issued_on``, or the Vietnamese
names (Số ký hiệu, Loại văn bản, Trích yếu, Cơ quan ban hành, Người ký, Ngày ban hành). Bad rows are
reported with their line number and reason; good rows are kept. Rows are keyed by
issuing body, number and year, so re-importing a file changes nothing and a
corrected file updates rows instead of duplicating them. Rows are committed in
small batches so a crash half-way loses nothing already stored. Committed rows reach
the search backends and Wagtail's reference index in bulk, every ``INDEX_BATCH_SIZE``
rows and at the end, instead of through a task per saved row.
"""

import logging
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name

from portal import tabular
from portal.tabular import Column, RowError, TabularFileError

from .linking import link_entries
from .models import DocumentType, IssuingBody, RegisterEntry
from .numbering import NUMBER_PATTERN, clean_number, number_key
from .signal_handlers import register_indexed_in_bulk
from .signals import register_imported

COLUMNS = [
    Column("number", gettext_lazy("Số ký hiệu"), ("so", "so hieu", "so ky hieu van ban")),
    Column("doc_type", gettext_lazy("Loại văn bản"), ("loai",)),
    Column("title", gettext_lazy("Trích yếu"), ("trich yeu noi dung", "ten van ban")),
    Column("issuer", gettext_lazy("Cơ quan ban hành"), ("co quan", "noi ban hanh")),
    Column("signer", gettext_lazy("Người ký"), ("nguoi ky van ban",), required=False),
    Column("issued_on", gettext_lazy("Ngày ban hành"), ("ngay ky",)),
]
INDEX_BATCH_SIZE = 1000

logger = logging.getLogger(__name__)

# The file as a whole cannot be read; the name callers know.
RegisterFileError = TabularFileError


@dataclass
class ImportResult(tabular.ImportReport):
    linked: int = 0

    def summary_parts(self):
        linked = _("%(count)s văn bản tự liên kết với trang trên cổng") % {"count": self.linked}
        return [*super().summary_parts(), linked]


# Validating one row --------------------------------------------------------
def parse_date(value):
    if tabular.cell_text(value) == "":
        raise RowError(_("thiếu ngày ban hành"))
    parsed = tabular.parse_date(value)
    if parsed is None:
        raise RowError(
            _("ngày ban hành “%(value)s” không có thật hoặc sai định dạng (dd/mm/yyyy hoặc yyyy-mm-dd)")
            % {"value": tabular.cell_text(value)}
        )
    return parsed


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
        text = {column.name: tabular.cell_text(raw.get(column.name)) for column in COLUMNS}
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


class RegisterImport(tabular.TabularImport):
    """Rows are checked one by one; a batch's stored entries are looked up in one query."""

    columns = COLUMNS
    missing_columns_message = gettext_lazy("Dòng tiêu đề thiếu cột: %(columns)s. Cần có: %(expected)s.")
    report_class = ImportResult

    def __init__(self, progress=None):
        super().__init__(progress)
        self.parser = RowParser()
        self.committed = CommittedEntries()

    def parse(self, row):
        return self.parser.parse(row)

    def store(self, batch):
        with register_indexed_in_bulk():
            entries = _existing_entries(batch)
            saved = []
            for _line, values in batch:
                entry = _store(values, entries, self.report)
                if entry is not None:
                    saved.append(entry)
            self.report.linked += link_entries(entries.values())
        # Only rows stored for good are indexed: a batch that is rolled back drops this callback.
        transaction.on_commit(partial(self.committed.add, saved))

    def finish(self):
        # Also when a batch fails: the batches stored before it are searchable. Inside an
        # outer transaction this runs at its commit, after the batches' own callbacks.
        transaction.on_commit(self.committed.flush)


def import_rows(rows, progress=None):
    """Store ``[(line, {column: cell})]`` in batches; ``progress(done, total)`` is called after each batch."""
    result = RegisterImport(progress).run_rows(rows)
    register_imported.send(sender=RegisterEntry, result=result)
    return result


def import_register(data, filename, progress=None):
    """Import ``data`` (bytes of a CSV or XLSX file named ``filename``)."""
    return import_rows(RegisterImport().read(data, filename), progress=progress)
