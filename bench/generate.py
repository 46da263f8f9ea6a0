"""A provincial-scale dataset, built in bulk: directives with their register, news, procedures, campaigns.

Saving 125,000 Wagtail pages one by one takes hours (each ``add_child`` locks the
parent, writes a revision, fires signals). Here the tree is written directly:
``path``, ``depth``, ``numchild`` and ``url_path`` are computed as treebeard and
Wagtail would, primary keys are assigned up front, and every table is filled with
``executemany``. The pages are live without revisions, which the public site
never reads. The search index is then rebuilt with ``update_index``.

The dataset sits beside the demo (run ``load_demo`` first): it needs the demo's
index pages. Running the generator again tops the counts up to the target.
With ``subportals``, that many sub-portals are created the way ``create_subportal`` does
and the directives are dealt out in turn between the province and each sub-portal.
"""

import datetime
import io
import itertools
import re
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from directives.demo import DOCUMENT_TYPES
from directives.demo import FIELDS as DEMO_FIELDS
from directives.models import (
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    Field,
    IssuingBody,
    OperationalNewsIndexPage,
    OperationalNewsPage,
    OperationalNewsRelatedDirective,
    RegisterEntry,
)
from directives.numbering import number_key
from portal.vietnamese import fold, slugify
from services.levels import LegacyLevel, online_level_for_legacy
from services.models import (
    AdminLevel,
    Agency,
    Applicants,
    CampaignChannel,
    CampaignPage,
    DossierDocument,
    FeaturedService,
    OnlineServicesPage,
    OutreachChannel,
    ProcedureField,
    ProcedureIndexPage,
    ProcedurePage,
)

BATCH = 2000
YEARS = list(range(2011, 2026))
# Slug prefixes mark generated pages, so a second run counts what is there and tops it up.
DIRECTIVE_SLUG = "vb-"
NEWS_SLUG = "tin-"
PROCEDURE_SLUG = "tthc-"
CAMPAIGN_SLUG = "chien-dich-"

# (name, short name, the body's sign in document numbers)
ISSUING_BODIES = [
    ("Ủy ban nhân dân tỉnh Hậu Giang", "UBND tỉnh", "UBND"),
    ("Văn phòng Ủy ban nhân dân tỉnh Hậu Giang", "VP UBND tỉnh", "VPUBND"),
    ("Sở Thông tin và Truyền thông tỉnh Hậu Giang", "Sở TT&TT", "STTTT"),
    ("Sở Nội vụ tỉnh Hậu Giang", "Sở Nội vụ", "SNV"),
    ("Sở Kế hoạch và Đầu tư tỉnh Hậu Giang", "Sở KH&ĐT", "SKHĐT"),
    ("Sở Tài chính tỉnh Hậu Giang", "Sở Tài chính", "STC"),
    ("Sở Tư pháp tỉnh Hậu Giang", "Sở Tư pháp", "STP"),
    ("Sở Xây dựng tỉnh Hậu Giang", "Sở Xây dựng", "SXD"),
    ("Sở Y tế tỉnh Hậu Giang", "Sở Y tế", "SYT"),
    ("Sở Giáo dục và Đào tạo tỉnh Hậu Giang", "Sở GD&ĐT", "SGDĐT"),
    ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Hậu Giang", "Sở NN&PTNT", "SNNPTNT"),
    ("Sở Tài nguyên và Môi trường tỉnh Hậu Giang", "Sở TN&MT", "STNMT"),
    ("Sở Giao thông vận tải tỉnh Hậu Giang", "Sở GTVT", "SGTVT"),
    ("Sở Công Thương tỉnh Hậu Giang", "Sở Công Thương", "SCT"),
    ("Ủy ban nhân dân thành phố Vị Thanh", "UBND TP Vị Thanh", "UBNDVT"),
    ("Ủy ban nhân dân thành phố Ngã Bảy", "UBND TP Ngã Bảy", "UBNDNB"),
    ("Ủy ban nhân dân huyện Châu Thành", "UBND huyện Châu Thành", "UBNDCT"),
    ("Ủy ban nhân dân huyện Phụng Hiệp", "UBND huyện Phụng Hiệp", "UBNDPH"),
    ("Ủy ban nhân dân huyện Long Mỹ", "UBND huyện Long Mỹ", "UBNDLM"),
    ("Ủy ban nhân dân huyện Vị Thủy", "UBND huyện Vị Thủy", "UBNDVTH"),
]
# The demo's document types and fields, plus a few more so filters spread the data.
FIELDS = [*DEMO_FIELDS, "Giáo dục và đào tạo", "Y tế", "Giao thông vận tải", "Xây dựng"]
ACTIONS = [
    "triển khai",
    "tăng cường",
    "phê duyệt",
    "ban hành",
    "kiện toàn",
    "đẩy mạnh",
    "tổ chức thực hiện",
    "sơ kết",
    "tổng kết",
    "điều chỉnh",
]
SUBJECTS = [
    "ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
    "cải cách thủ tục hành chính",
    "cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4",
    "sử dụng thư điện tử công vụ",
    "phòng, chống dịch bệnh trên gia súc, gia cầm",
    "quản lý đất đai và cấp giấy chứng nhận quyền sử dụng đất",
    "xây dựng nông thôn mới",
    "bảo đảm trật tự an toàn giao thông",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "thu ngân sách nhà nước",
    "kiện toàn bộ máy, tinh giản biên chế",
    "bảo vệ môi trường lưu vực sông Hậu",
    "chăm sóc sức khỏe ban đầu cho nhân dân",
    "phát triển doanh nghiệp nhỏ và vừa",
    "chuyển đổi cơ cấu cây trồng, vật nuôi",
    "nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
    "trao đổi văn bản điện tử giữa các cơ quan",
    "an toàn thông tin mạng",
    "xây dựng chính quyền điện tử",
    "tiếp công dân, giải quyết khiếu nại, tố cáo",
]
PLACES = [
    "trên địa bàn tỉnh",
    "tại thành phố Vị Thanh",
    "tại thành phố Ngã Bảy",
    "tại huyện Châu Thành",
    "tại huyện Phụng Hiệp",
    "tại huyện Long Mỹ",
    "tại huyện Vị Thủy",
    "trong các cơ quan hành chính nhà nước",
]
SIGNERS = [
    ("Trần Văn Hòa", "Chủ tịch"),
    ("Lê Thị Mai", "Phó Chủ tịch"),
    ("Nguyễn Quốc Bảo", "Chánh Văn phòng"),
    ("Phạm Quốc Dũng", "Giám đốc"),
    ("Võ Thị Thu Hà", "Phó Giám đốc"),
]
NEWS_KINDS = [
    "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về",
    "Phó Chủ tịch UBND tỉnh kiểm tra tiến độ",
    "Thông cáo báo chí về",
    "UBND tỉnh làm việc với các sở, ngành về",
    "Hội nghị sơ kết",
]
PROCEDURE_NAMES = [
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Đăng ký thành lập doanh nghiệp tư nhân",
    "Đăng ký kinh doanh hộ cá thể",
    "Cấp chứng chỉ hành nghề dược",
    "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Cấp bản sao trích lục hộ tịch",
    "Cấp giấy phép lái xe",
    "Đăng ký đề tài khoa học và công nghệ",
    "Cấp phép khai thác nước mặt",
    "Thẩm định hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới",
    "Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm",
    "Chứng thực bản sao từ bản chính",
    "Đăng ký thường trú",
    "Cấp giấy phép hoạt động khám bệnh, chữa bệnh",
]
PROCEDURE_FIELDS = [
    "Xây dựng",
    "Thành lập và hoạt động doanh nghiệp",
    "Hộ tịch",
    "Dược phẩm",
    "Đất đai",
    "Giao thông đường bộ",
    "Khoa học và công nghệ",
    "Tài nguyên nước",
    "An toàn thực phẩm",
    "Chứng thực",
    "Khám bệnh, chữa bệnh",
    "Nông thôn mới",
]
AGENCIES = [
    "Sở Xây dựng",
    "Sở Kế hoạch và Đầu tư",
    "Sở Y tế",
    "Sở Tư pháp",
    "Sở Tài nguyên và Môi trường",
    "Sở Giao thông vận tải",
    "Sở Khoa học và Công nghệ",
    "UBND cấp huyện",
    "UBND cấp xã",
    "Ban Quản lý các khu công nghiệp",
]
PARAGRAPH = (
    "Để thực hiện có hiệu quả nhiệm vụ {subject} {place}, Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, "
    "ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố tập trung chỉ đạo, tổ chức thực hiện "
    "các nội dung sau. Định kỳ hằng quý báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp."
)


@dataclass
class Scale:
    directives: int = 100_000
    news: int = 20_000
    procedures: int = 5_000
    campaigns: int = 50
    # Sub-portals (agencies' component portals) that share the directives with the province.
    subportals: int = 0
    # The register lists every directive issued; a fifth of them never reached the portal (rate 80%).
    outstanding_ratio: float = 0.25


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)

    def as_dict(self):
        return {"counts": self.counts, "seconds": self.seconds}


class Progress:
    """A one-line text progress bar on ``stream``; silent when ``stream`` is None."""

    width = 30

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total = stream, label, total
        self.done = 0
        self.started = time.monotonic()

    def advance(self, count):
        self.done += count
        if self.stream is None or not self.total:
            return
        filled = self.width * self.done // self.total
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if self.done >= self.total else ""
        self.stream.write(
            f"\r{self.label:<22} [{bar}] {100 * self.done // self.total:3d}% ({self.done}/{self.total}, {rate:,.0f}/s)"
            + end
        )
        self.stream.flush()


# Writing rows ------------------------------------------------------------------------------------


def _insert_rows(model, objects, fields=None):
    """INSERT ``objects`` into ``model``'s own table with executemany, values prepared by Django."""
    fields = fields or [f for f in model._meta.local_concrete_fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
    rows = [[f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _next_id(model):
    return (model._base_manager.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def _reset_sequences(*model_list):
    """PostgreSQL sequences must move past the keys assigned here; SQLite follows by itself."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class PageWriter:
    """Appends live children under ``parent`` the way treebeard would, ``BATCH`` at a time."""

    def __init__(self, parent, model, ids=None):
        self.parent = Page.objects.get(pk=parent.pk)
        self.model = model
        self.content_type = ContentType.objects.get_for_model(model)
        self.locale_id = self.parent.locale_id or Locale.get_default().pk
        # treebeard's get_last_child() trusts numchild; the paths are the truth.
        last = self._children().order_by("-path").first()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        # Writers filling several parents at once share one supply of primary keys.
        self.ids = ids if ids is not None else itertools.count(_next_id(Page))
        self.depth = self.parent.depth + 1
        self.written = 0

    def prepare(self, page, published_at):
        page.id = page.pk = page.page_ptr_id = next(self.ids)
        page.path = Page._get_path(self.parent.path, self.depth, self.next_step)
        self.next_step += 1
        page.depth = self.depth
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type_id = self.content_type.pk
        page.locale_id = self.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at
        page.latest_revision_created_at = published_at
        return page

    def _children(self):
        return Page.objects.filter(path__startswith=self.parent.path, depth=self.parent.depth + 1)

    def write(self, pages):
        _insert_rows(Page, pages, [f for f in Page._meta.local_concrete_fields])
        _insert_rows(self.model, pages)
        self.written += len(pages)

    def finish(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=self._children().count())
        _reset_sequences(Page)


def _stream_json(*paragraphs):
    return [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())} for text in paragraphs]


def _at_noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


# Reference lists -------------------------------------------------------------------------------


def ensure_reference_lists():
    bodies = []
    for name, short_name, sign in ISSUING_BODIES:
        body = IssuingBody.objects.filter(name=name).first() or IssuingBody.objects.create(
            name=name, short_name=short_name
        )
        bodies.append((body, sign))
    doc_types = []
    for name, code in DOCUMENT_TYPES:
        doc_type = DocumentType.objects.filter(name=name).first() or DocumentType.objects.create(name=name, code=code)
        doc_types.append(doc_type)
    fields = [Field.objects.filter(name=name).first() or Field.objects.create(name=name) for name in FIELDS]
    proc_fields = [ProcedureField.objects.get_or_create(name=name)[0] for name in PROCEDURE_FIELDS]
    agencies = [Agency.objects.get_or_create(name=name)[0] for name in AGENCIES]
    return bodies, doc_types, fields, proc_fields, agencies


def directive_identity(i, bodies, doc_types):
    """The i-th generated directive: body, year, type and a number unique per body and year."""
    body, sign = bodies[i % len(bodies)]
    year = YEARS[(i // len(bodies)) % len(YEARS)]
    serial = 2000 + i // (len(bodies) * len(YEARS))  # the demo numbers stay below 2000
    doc_type = doc_types[(i // 3) % len(doc_types)]
    return body, sign, year, doc_type, f"{serial}/{doc_type.code}-{sign}"


def register_file_rows(count, bodies, doc_types, first_serial=50_000):
    """Rows of a register file with numbers no generated directive uses (serial from ``first_serial``)."""
    rows = []
    for j in range(count):
        body, sign = bodies[j % len(bodies)]
        year = YEARS[(j // len(bodies)) % len(YEARS)]
        serial = first_serial + j // (len(bodies) * len(YEARS))
        doc_type = doc_types[j % len(doc_types)]
        subject = SUBJECTS[j % len(SUBJECTS)]
        rows.append(
            {
                "number": f"{serial}/{year}/{doc_type.code}-{sign}",
                "doc_type": doc_type.name,
                "title": f"{doc_type.name} về việc {ACTIONS[j % len(ACTIONS)]} {subject}",
                "issuer": body.short_name,
                "signer": SIGNERS[j % len(SIGNERS)][0],
                "issued_on": datetime.date(year, 1 + j % 12, 1 + j % 28).strftime("%d/%m/%Y"),
            }
        )
    return rows


# Generators ------------------------------------------------------------------------------------


def _count_generated(model, prefix):
    return model.objects.filter(slug__startswith=prefix).count()


def generate_subportals(count):
    """``count`` sub-portals named "Đơn vị thử nghiệm 1…", each with its directive index and issuing body."""
    from subportals.creating import create_subportal

    created = 0
    for k in range(1, count + 1):
        outcome = create_subportal(
            name=f"Đơn vị thử nghiệm {k}", short_name=f"DVTN{k}", hostname=f"donvi{k}.localhost", kind="department"
        )
        created += outcome.created
    return created


def subportal_parents():
    """(directive index, issuing body, sign) of each generated sub-portal, in creation order."""
    from subportals.models import SubPortal

    parents = []
    for subportal in SubPortal.objects.filter(name__startswith="Đơn vị thử nghiệm ").select_related("issuing_body"):
        index = DirectiveIndexPage.objects.descendant_of(subportal.site.root_page).first()
        parents.append((index, subportal.issuing_body, subportal.short_name))
    return sorted(parents, key=lambda parent: int(parent[2].removeprefix("DVTN")))


def generate_directives(target, refs, index_page, stream=None, subportals=()):
    """Directives up to ``target``: the i-th under the province index, or a sub-portal's in turn."""
    bodies, doc_types, fields, _proc_fields, _agencies = refs
    start = _count_generated(DirectivePage, DIRECTIVE_SLUG)
    if start >= target:
        return 0
    parents = [(index_page, None, None), *subportals]
    ids = itertools.count(_next_id(Page))
    writers = [PageWriter(parent, DirectivePage, ids) for parent, _body, _sign in parents]
    entry_id = _next_id(RegisterEntry)
    now = timezone.now()
    progress = Progress(stream, "Văn bản chỉ đạo", target - start)
    through = DirectivePage.fields.through
    for chunk_start in range(start, target, BATCH):
        pages, entries, links = [[] for _parent in parents], [], []
        for i in range(chunk_start, min(chunk_start + BATCH, target)):
            body, _sign, year, doc_type, number = directive_identity(i, bodies, doc_types)
            writer = writers[i % len(parents)]
            _parent, own_body, own_sign = parents[i % len(parents)]
            if own_body is not None:  # a sub-portal's own directive, numbered by its own office
                body, number = own_body, f"{2000 + i}/{doc_type.code}-{own_sign}"
            issued = datetime.date(year, 1 + (i // 7) % 12, 1 + (i // 3) % 28)
            subject = SUBJECTS[(i // 11) % len(SUBJECTS)]
            place = PLACES[(i // 5) % len(PLACES)]
            title = f"{doc_type.name} về việc {ACTIONS[i % len(ACTIONS)]} {subject} {place} năm {year}"
            summary = f"{title[:1].upper()}{title[1:]}; giao nhiệm vụ cho các sở, ngành và địa phương."
            signer, position = SIGNERS[i % len(SIGNERS)]
            page = DirectivePage(
                title=title,
                slug=f"{DIRECTIVE_SLUG}{slugify(number)}-{year}",
                number=number,
                number_key=number_key(number),
                doc_type_id=doc_type.pk,
                issuing_body_id=body.pk,
                signer=signer,
                signer_position=position,
                issued_on=issued,
                effective_on=issued,
                legal_status="in_force" if i % 10 else "expired",
                summary=summary,
                body=_stream_json(PARAGRAPH.format(subject=subject, place=place)),
                search_text=fold(" ".join([number, title, summary, signer])),
            )
            writer.prepare(page, _at_noon(min(issued + datetime.timedelta(days=3), now.date())))
            pages[i % len(parents)].append(page)
            links.append(through(directivepage_id=page.pk, field_id=fields[i % len(fields)].pk))
            entries.append(
                RegisterEntry(
                    id=entry_id,
                    number=number,
                    number_key=page.number_key,
                    doc_type_id=doc_type.pk,
                    title=summary,
                    issuer_id=body.pk,
                    signer=signer,
                    issued_on=issued,
                    year=year,
                    directive_id=page.pk,
                    linked_by_hand=False,
                    created_at=now,
                    updated_at=now,
                )
            )
            entry_id += 1
        with transaction.atomic():
            for writer, written in zip(writers, pages, strict=True):
                writer.write(written)
            _insert_rows(through, links, [through._meta.get_field("directivepage"), through._meta.get_field("field")])
            _insert_rows(RegisterEntry, entries)
        progress.advance(len(entries))
    for writer in writers:
        writer.finish()
    _reset_sequences(RegisterEntry, through)
    return sum(writer.written for writer in writers)


def generate_outstanding(target, refs, stream=None):
    """Register entries of directives that never reached the portal (numbers written with the year)."""
    bodies, doc_types, *_rest = refs
    existing = RegisterEntry.objects.filter(directive__isnull=True, number__regex=r"^\d+/\d{4}/").count()
    if existing >= target:
        return 0
    entry_id = _next_id(RegisterEntry)
    now = timezone.now()
    progress = Progress(stream, "Sổ: chưa lên cổng", target - existing)
    for chunk_start in range(existing, target, BATCH):
        entries = []
        for j in range(chunk_start, min(chunk_start + BATCH, target)):
            body, sign = bodies[j % len(bodies)]
            year = YEARS[(j // len(bodies)) % len(YEARS)]
            serial = 100 + j // (len(bodies) * len(YEARS))
            doc_type = doc_types[(j // 2) % len(doc_types)]
            number = f"{serial}/{year}/{doc_type.code}-{sign}"
            entries.append(
                RegisterEntry(
                    id=entry_id,
                    number=number,
                    number_key=number_key(number),
                    doc_type_id=doc_type.pk,
                    title=f"{doc_type.name} về việc {ACTIONS[j % len(ACTIONS)]} {SUBJECTS[j % len(SUBJECTS)]}",
                    issuer_id=body.pk,
                    signer=SIGNERS[j % len(SIGNERS)][0],
                    issued_on=datetime.date(year, 1 + j % 12, 1 + j % 28),
                    year=year,
                    directive_id=None,
                    linked_by_hand=False,
                    created_at=now,
                    updated_at=now,
                )
            )
            entry_id += 1
        with transaction.atomic():
            _insert_rows(RegisterEntry, entries)
        progress.advance(len(entries))
    _reset_sequences(RegisterEntry)
    return target - existing


def generate_news(target, index_page, stream=None):
    start = _count_generated(OperationalNewsPage, NEWS_SLUG)
    if start >= target:
        return 0
    writer = PageWriter(index_page, OperationalNewsPage)
    directive_ids = list(DirectivePage.objects.order_by("pk").values_list("pk", flat=True)[:5000])
    relation_id = _next_id(OperationalNewsRelatedDirective)
    progress = Progress(stream, "Tin chỉ đạo, điều hành", target - start)
    today = timezone.localdate()
    for chunk_start in range(start, target, BATCH):
        pages, relations = [], []
        for i in range(chunk_start, min(chunk_start + BATCH, target)):
            day = today - datetime.timedelta(days=i % 3650)
            subject = SUBJECTS[i % len(SUBJECTS)]
            title = f"{NEWS_KINDS[i % len(NEWS_KINDS)]} {subject} ({day:%d/%m/%Y})"
            page = OperationalNewsPage(
                title=title,
                slug=f"{NEWS_SLUG}{i + 1}",
                date=day,
                lead=f"Ngày {day:%d/%m/%Y}, lãnh đạo tỉnh chỉ đạo các ngành tập trung {subject}.",
                body=_stream_json(PARAGRAPH.format(subject=subject, place=PLACES[i % len(PLACES)])),
            )
            writer.prepare(page, _at_noon(day))
            pages.append(page)
            if directive_ids:
                relations.append(
                    OperationalNewsRelatedDirective(
                        id=relation_id,
                        page_id=page.pk,
                        directive_id=directive_ids[i % len(directive_ids)],
                        sort_order=0,
                    )
                )
                relation_id += 1
        with transaction.atomic():
            writer.write(pages)
            _insert_rows(OperationalNewsRelatedDirective, relations)
        progress.advance(len(pages))
    writer.finish()
    _reset_sequences(OperationalNewsRelatedDirective)
    return writer.written


def generate_procedures(target, refs, index_page, stream=None):
    bodies, doc_types, _fields, proc_fields, agencies = refs
    start = _count_generated(ProcedurePage, PROCEDURE_SLUG)
    if start >= target:
        return 0
    writer = PageWriter(index_page, ProcedurePage)
    document_id = _next_id(DossierDocument)
    progress = Progress(stream, "Thủ tục hành chính", target - start)
    levels = [AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.COMMUNE]
    applicants = [Applicants.CITIZEN, Applicants.BUSINESS, Applicants.BOTH]
    published = _at_noon(datetime.date(2024, 1, 15))
    for chunk_start in range(start, target, BATCH):
        pages, documents = [], []
        for i in range(chunk_start, min(chunk_start + BATCH, target)):
            name = PROCEDURE_NAMES[i % len(PROCEDURE_NAMES)]
            level = levels[(i // 3) % 3]
            legacy = LegacyLevel((i % 4) + 1)
            code = f"2.{900000 + i:06d}"
            online = online_level_for_legacy(legacy)
            _body, _sign, _year, _type, basis_number = directive_identity(i * 7, bodies, doc_types)
            page = ProcedurePage(
                title=f"{name} ({level.label.lower()}, mã {code})",
                slug=f"{PROCEDURE_SLUG}{code.replace('.', '-')}",
                code=code,
                field_id=proc_fields[i % len(proc_fields)].pk,
                agency_id=agencies[i % len(agencies)].pk,
                admin_level=level,
                online_level=online,
                legacy_level=legacy,
                applicants=applicants[i % 3],
                processing_time="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
                fee="Lệ phí: 100.000 đồng/hồ sơ",
                online_url=f"https://dichvucong.haugiang.gov.vn/thu-tuc/{code}" if legacy >= 3 else "",
                legal_basis=f"Luật Xây dựng năm 2014\nQuyết định số {basis_number} của Ủy ban nhân dân tỉnh",
                steps=[
                    {"type": "step", "value": text, "id": str(uuid.uuid4())}
                    for text in (
                        "Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định.",
                        "Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả hoặc qua Cổng dịch vụ công.",
                        "Cơ quan thực hiện thẩm định hồ sơ và trả kết quả.",
                    )
                ],
                result="Giấy phép hoặc văn bản chấp thuận",
                conditions="Không",
            )
            writer.prepare(page, published)
            pages.append(page)
            for sort_order, document in enumerate(
                ("Đơn đề nghị theo mẫu", "Bản sao giấy tờ chứng minh nhân thân", "Bản vẽ, tài liệu kèm theo")
            ):
                documents.append(
                    DossierDocument(id=document_id, page_id=page.pk, name=document, copies=1, sort_order=sort_order)
                )
                document_id += 1
        with transaction.atomic():
            writer.write(pages)
            _insert_rows(DossierDocument, documents)
        progress.advance(len(pages))
    writer.finish()
    _reset_sequences(DossierDocument)
    return writer.written


def generate_campaigns(target, online_page, stream=None):
    start = _count_generated(CampaignPage, CAMPAIGN_SLUG)
    if start >= target:
        return 0
    writer = PageWriter(online_page, CampaignPage)
    services = list(ProcedurePage.objects.online().order_by("pk").values_list("pk", flat=True)[:500])
    feature_id, channel_id = _next_id(FeaturedService), _next_id(CampaignChannel)
    today = timezone.localdate()
    channels = list(OutreachChannel)
    pages, features, channel_rows = [], [], []
    for i in range(start, target):
        start_date = today - datetime.timedelta(days=30 * i)
        page = CampaignPage(
            title=f"Chiến dịch tuyên truyền dịch vụ công trực tuyến đợt {i + 1}",
            slug=f"{CAMPAIGN_SLUG}{i + 1}",
            message="Nộp hồ sơ trực tuyến: không phải đi lại, theo dõi kết quả mọi lúc.",
            start_date=start_date,
            end_date=start_date + datetime.timedelta(days=60),
            audience="Người dân, doanh nghiệp trên địa bàn tỉnh",
            body=_stream_json("Hướng dẫn nộp hồ sơ trực tuyến qua Cổng dịch vụ công của tỉnh."),
        )
        writer.prepare(page, _at_noon(start_date))
        pages.append(page)
        for order, procedure_id in enumerate(services[(3 * i) % max(len(services), 1) :][:3]):
            features.append(
                FeaturedService(
                    id=feature_id, page_id=page.pk, procedure_id=procedure_id, call_to_action="", sort_order=order
                )
            )
            feature_id += 1
        for order, kind in enumerate(
            itertools.islice(itertools.cycle(channels), i % len(channels), i % len(channels) + 2)
        ):
            channel_rows.append(CampaignChannel(id=channel_id, page_id=page.pk, kind=kind, note="", sort_order=order))
            channel_id += 1
    with transaction.atomic():
        writer.write(pages)
        _insert_rows(FeaturedService, features)
        _insert_rows(CampaignChannel, channel_rows)
    Progress(stream, "Chiến dịch", len(pages)).advance(len(pages))
    writer.finish()
    _reset_sequences(FeaturedService, CampaignChannel)
    return writer.written


def index_pages():
    """The demo's index pages that the generated content goes under."""
    found = {
        "directives": DirectiveIndexPage.objects.first(),
        "news": OperationalNewsIndexPage.objects.first(),
        "procedures": ProcedureIndexPage.objects.first(),
        "online": OnlineServicesPage.objects.first(),
    }
    missing = [name for name, page in found.items() if page is None]
    if missing:
        raise LookupError(f"Chạy load_demo trước: chưa có trang {', '.join(missing)}")
    return found


def distinct_backends():
    """Search backend names that store an index of their own.

    Without SEARCH_URL, ``default`` and ``database`` name the same database index;
    ``update_index`` alone would build it twice.
    """
    seen, names = set(), []
    for name, params in settings.WAGTAILSEARCH_BACKENDS.items():
        key = (params["BACKEND"], tuple(params.get("URLS", ())), params.get("INDEX_PREFIX"))
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


def generate(scale, stream=None, index=True):
    """Top the dataset up to ``scale``; returns a Report with counts and seconds per step."""
    report = Report()
    parents = index_pages()
    refs = ensure_reference_lists()
    started = time.monotonic()
    steps = [
        ("subportals", lambda: generate_subportals(scale.subportals)),
        (
            "directives",
            lambda: generate_directives(
                scale.directives, refs, parents["directives"], stream, subportal_parents()[: scale.subportals]
            ),
        ),
        (
            "register_outstanding",
            lambda: generate_outstanding(int(scale.directives * scale.outstanding_ratio), refs, stream),
        ),
        ("news", lambda: generate_news(scale.news, parents["news"], stream)),
        ("procedures", lambda: generate_procedures(scale.procedures, refs, parents["procedures"], stream)),
        ("campaigns", lambda: generate_campaigns(scale.campaigns, parents["online"], stream)),
    ]
    for name, step in steps:
        step_started = time.monotonic()
        report.counts[name] = step()
        report.seconds[name] = round(time.monotonic() - step_started, 2)
    report.seconds["generation"] = round(time.monotonic() - started, 2)
    report.counts["pages_total"] = Page.objects.count()
    report.counts["register_entries_total"] = RegisterEntry.objects.count()
    if index:
        index_started = time.monotonic()
        output = io.StringIO()
        for backend in distinct_backends():
            call_command("update_index", backend_name=backend, stdout=output, verbosity=1)
        report.seconds["indexing"] = round(time.monotonic() - index_started, 2)
        report.counts["indexed_objects"] = sum(int(n) for n in re.findall(r"indexed (\d+) objects", output.getvalue()))
        if stream is not None:
            stream.write(
                f"update_index: {report.counts['indexed_objects']} đối tượng, {report.seconds['indexing']} giây"
            )
    return report
