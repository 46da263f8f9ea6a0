import os

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from home.models import StandardPage

# Guidance pages shaped like the portal's content: (title, lead, body paragraph).
CORPUS = [
    ("Cấp giấy phép xây dựng nhà ở riêng lẻ", "Thủ tục mã 1.001612 do Sở Xây dựng thực hiện.", ""),
    ("Đăng ký kinh doanh hộ cá thể", "Hồ sơ đăng ký hộ kinh doanh nộp tại Ủy ban nhân dân cấp huyện.", ""),
    ("Xã đạt chuẩn nông thôn mới năm 2024", "Danh sách các xã được công nhận.", ""),
    ("Giao đất, cho thuê đất cho tổ chức", "Trình tự giao đất và thu tiền thuê.", ""),
    ("Kế hoạch 07/KH-UBND ứng dụng công nghệ thông tin", "Kế hoạch giai đoạn 2011-2015 của tỉnh.", ""),
    ("Cấp lại thẻ căn cước công dân", "Đổi, cấp lại thẻ khi bị mất hoặc hư hỏng.", ""),
    ("Hướng dẫn nộp hồ sơ trực tuyến", "Nộp qua Cổng dịch vụ công, không cần đến trụ sở.", ""),
    ("Tiêm chủng mở rộng cho trẻ em", "Lịch tiêm vắc xin tại trạm y tế xã.", ""),
    ("Chính sách hỗ trợ học phí", "Miễn, giảm học phí cho học sinh khó khăn.", ""),
    (
        "Thông báo lịch tiếp công dân",
        "Lịch tiếp định kỳ của lãnh đạo tỉnh.",
        "Tăng cường phòng chống dịch bệnh mùa mưa, tiêm chủng đầy đủ.",
    ),
    ("Quy hoạch sử dụng đất cấp huyện", "Bản đồ và thuyết minh.", ""),
    ("Thông tin chung về tỉnh", "Giới thiệu địa giới hành chính.", "Điều chỉnh quy hoạch sử dụng đất đến năm 2030."),
    ("Đường Trần Hưng Đạo được nâng cấp", "Công trình giao thông trọng điểm.", ""),
    ("Bảo hiểm xã hội tự nguyện", "Người lao động tự do được hỗ trợ mức đóng.", ""),
    ("Quyết định 15/2011/QĐ-UBND về quản lý cổng thông tin", "Quy chế quản lý, vận hành cổng.", ""),
    ("Thủ tục 2.000908 chứng thực bản sao từ bản chính", "Thực hiện tại Ủy ban nhân dân cấp xã.", ""),
    ("Đất trồng lúa và chuyển mục đích", "Đất nông nghiệp.", ""),
]


# Tests parametrized with ENGINES run on the database backend (SQLite or PostgreSQL) in the
# plain suite, and on OpenSearch in the run where ops/test-suite.sh exports SEARCH_URL.
ENGINES = ["database", pytest.param("opensearch", marks=pytest.mark.opensearch)]


def engine_in_use():
    return bool(os.environ.get("SEARCH_URL"))


def reindex():
    """Rebuild the engine's page index from the database (as update_index does), searchable at once.

    The database backend is kept current inside each test's transaction, but the
    engine still holds documents of earlier tests, whose primary keys get reused.
    """
    if not engine_in_use():
        return
    backend = get_search_backend("default")
    page_models = [model for model in get_indexed_models() if issubclass(model, Page)]
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(Page))
    index = rebuilder.start()
    for model in page_models:
        index.add_model(model)
    for model in page_models:
        index.add_items(model, list(model.get_indexed_objects().order_by("pk")))
    rebuilder.finish()
    index.refresh()


def add_page(parent, title, lead="", body="", **extra):
    """A live guidance page (created live rather than through a revision, to keep the suite fast)."""
    stream = [("paragraph", f"<p>{body}</p>")] if body else []
    extra.setdefault("first_published_at", timezone.now())
    page = StandardPage(title=title, lead=lead, body=stream, live=True, **extra)
    parent.add_child(instance=page)
    return page


def pdf_with_text(text):
    """A minimal one-page PDF whose text layer is ``text`` (ASCII, Helvetica)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def corpus(home_page):
    pages = {title: add_page(home_page, title, lead, body) for title, lead, body in CORPUS}
    reindex()
    return pages


def pytest_collection_modifyitems(config, items):
    """OpenSearch tests need the node that ops/test-suite.sh starts; without SEARCH_URL they are deselected."""
    if engine_in_use():
        return
    selected, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker("opensearch") else selected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.fixture
def procedures(home_page):
    """The demo procedure catalogue, imported as staff import it, made live, and the engine reindexed."""
    from services.demo import DEMO_CSV
    from services.importer import import_procedures
    from services.models import ProcedureIndexPage, ProcedurePage

    index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", live=True)
    home_page.add_child(instance=index)
    import_procedures(DEMO_CSV, index)
    # Live without publishing each revision, to keep the suite fast; the database index already has them.
    ProcedurePage.objects.child_of(index).update(live=True, first_published_at=timezone.now())
    reindex()
    return index


@pytest.fixture
def default_synonyms(db):
    """The shipped synonym list, as migration search.0007 leaves it (a flushing test may have emptied it)."""
    from search.models import Synonym
    from search.synonyms import load_defaults

    load_defaults(Synonym)
