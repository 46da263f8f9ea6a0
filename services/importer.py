"""Importing procedures from the national procedure database export (CSV or XLSX).

Each row is checked on its own: a bad row is reported with its line number and reason and
the good rows are kept. Rows are matched by code, so a re-import updates pages instead of
duplicating them and an unchanged row changes nothing. Pages are published only on request;
otherwise new content waits as a draft for review.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import tabular
from portal.tabular import Column, RowError, TabularFileError
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

# English names first, then the column names of the national procedure database export.
COLUMNS = [
    Column("code", gettext_lazy("Mã thủ tục"), ("ma tthc", "ma so")),
    Column("name", gettext_lazy("Tên thủ tục"), ("ten thu tuc hanh chinh", "ten tthc")),
    Column("field", gettext_lazy("Lĩnh vực")),
    Column("agency", gettext_lazy("Cơ quan thực hiện"), ("co quan giai quyet",)),
    Column("admin_level", gettext_lazy("Cấp thực hiện")),
    Column(
        "service_level",
        gettext_lazy("Mức độ"),
        ("muc do dvc", "muc do dvctt", "muc do dich vu cong", "muc do dich vu cong truc tuyen"),
    ),
    Column("processing_time", gettext_lazy("Thời hạn giải quyết"), ("thoi gian giai quyet",), required=False),
    Column("fee", gettext_lazy("Phí, lệ phí"), ("phi", "le phi"), required=False),
    Column("online_url", gettext_lazy("Địa chỉ trực tuyến"), ("dia chi dich vu cong", "duong dan"), required=False),
    Column("legal_basis", gettext_lazy("Căn cứ pháp lý"), required=False),
    Column("steps", gettext_lazy("Trình tự thực hiện"), required=False),
    Column("documents", gettext_lazy("Thành phần hồ sơ"), required=False),
    Column("result", gettext_lazy("Kết quả thực hiện"), ("ket qua",), required=False),
    Column("applicants", gettext_lazy("Đối tượng thực hiện"), required=False),
    Column("conditions", gettext_lazy("Yêu cầu, điều kiện"), required=False),
]
LABELS = {column.name: column.label for column in COLUMNS}
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


# The file as a whole cannot be read; the name callers know.
ImportFileError = TabularFileError


@dataclass
class ImportReport(tabular.ImportReport):
    published: int = 0

    @property
    def errors(self):
        """The bad rows, each printing as "Dòng N: reason"."""
        return self.bad_rows

    def summary(self):
        return _(
            "Tạo mới %(created)s, cập nhật %(updated)s, xuất bản %(published)s, "
            "không đổi %(unchanged)s, dòng lỗi %(errors)s."
        ) % {
            "created": self.created,
            "updated": self.updated,
            "published": self.published,
            "unchanged": self.unchanged,
            "errors": len(self.bad_rows),
        }


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


def parse_row(row):
    """The page values of one row, or a RowError with the reason in Vietnamese."""
    values = {column.name: tabular.cell_text(row.get(column.name)) for column in COLUMNS}
    if not values["code"]:
        raise RowError(_("thiếu mã thủ tục."))
    if not CODE.match(values["code"]):
        raise RowError(_("mã thủ tục “%(code)s” không hợp lệ.") % {"code": values["code"][:60]})
    for name in ("name", "field", "agency"):
        if not values[name]:
            raise RowError(_("thiếu %(column)s.") % {"column": str(LABELS[name]).lower()})
    if len(values["name"]) > 255:
        raise RowError(_("tên thủ tục dài quá 255 ký tự."))
    admin_level = parse_admin_level(values["admin_level"])
    if admin_level is None:
        raise RowError(
            _("cấp thực hiện “%(value)s” không hợp lệ: dùng tỉnh, huyện hoặc xã.") % {"value": values["admin_level"]}
        )
    documents = parse_documents(values["documents"])
    levels = parse_service_level(values["service_level"])
    if levels is None:
        raise RowError(
            _("mức độ “%(value)s” không hợp lệ: dùng 1–4, toàn trình hoặc một phần.")
            % {"value": values["service_level"]}
        )
    online_level, legacy_level = levels
    url = values["online_url"]
    if url:
        try:
            http_url_validator(url)
        except ValidationError as error:
            raise RowError(_("địa chỉ trực tuyến phải là địa chỉ http:// hoặc https://.")) from error
    elif online_level != "none":
        raise RowError(_("dịch vụ công trực tuyến (mức 3, 4) phải có địa chỉ trực tuyến."))
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
            report.published += 1
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
        report.published += 1
    report.updated += 1


def same_title_warnings(folded_titles):
    """A warning for each of these titles that more than one live procedure bears under different codes.

    Titles are compared without accents or case: a citizen searching for the name finds both.
    """
    wanted = set(folded_titles)
    if not wanted:
        return []
    groups = {}
    for title, code in ProcedurePage.objects.live().order_by("code").values_list("title", "code"):
        if (key := fold(title)) in wanted:
            groups.setdefault(key, (title, []))[1].append(code)
    return [
        _("Có %(count)s thủ tục đang đăng cùng tên “%(title)s” nhưng khác mã: %(codes)s.")
        % {"count": len(codes), "title": title, "codes": ", ".join(codes)}
        for title, codes in groups.values()
        if len(codes) > 1
    ]


class ProcedureImport(tabular.TabularImport):
    """Each row is stored in its own savepoint: a row that fails validation leaves the batch's others."""

    columns = COLUMNS
    report_class = ImportReport

    def __init__(self, parent, publish=False, progress=None):
        super().__init__(progress)
        self.parent = parent
        self.publish = publish
        self.seen = set()
        self.titles = set()

    def parse(self, row):
        values = parse_row(row)
        if values["code"] in self.seen:
            raise RowError(_("mã thủ tục %(code)s lặp lại trong tệp.") % {"code": values["code"]})
        self.seen.add(values["code"])
        self.titles.add(values["title"])
        return values

    def finish(self):
        self.report.warnings.extend(same_title_warnings(fold(title) for title in self.titles))

    def store(self, batch):
        for line, values in batch:
            try:
                with transaction.atomic():
                    store(values, self.parent, self.publish, self.report)
            except (RowError, ValidationError) as error:
                self.reject(line, error)


def import_procedures(path, parent, publish=False, progress=None):
    """Import a file under ``parent`` (a ProcedureIndexPage); returns an ImportReport."""
    report = ProcedureImport(parent, publish, progress).run(tabular.read_path(path), str(path))
    if report.created or report.updated or report.published:
        procedures_imported.send(sender=ProcedurePage, report=report)
    return report
