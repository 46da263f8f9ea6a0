"""Directives, procedures and news in search: numbers, codes, facets, PDF text and index upkeep."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from directives.models import (
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    Field,
    IssuingBody,
    OperationalNewsIndexPage,
    OperationalNewsPage,
)
from search.results import autocomplete, run_search
from services.levels import LegacyLevel, OnlineLevel
from services.models import AdminLevel, Agency, ProcedureField, ProcedureIndexPage, ProcedurePage

from .conftest import ENGINES, pdf_with_text, reindex

pytestmark = pytest.mark.django_db


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def content(home_page):
    province = IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Hậu Giang", short_name="UBND tỉnh")
    plan = DocumentType.objects.create(name="Kế hoạch", code="KH")
    ict = Field.objects.create(name="Công nghệ thông tin")
    directives = _publish(home_page, DirectiveIndexPage(title="Văn bản chỉ đạo, điều hành"))
    directive = DirectivePage(
        title="Kế hoạch ứng dụng công nghệ thông tin giai đoạn 2011-2015",
        number="07/KH-UBND",
        doc_type=plan,
        issuing_body=province,
        issued_on=datetime.date(2011, 3, 14),
        summary="Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước.",
    )
    directives.add_child(instance=directive)
    directive.fields.add(ict)
    directive.save_revision().publish()

    news_index = _publish(home_page, OperationalNewsIndexPage(title="Tin chỉ đạo, điều hành"))
    news = _publish(
        news_index,
        OperationalNewsPage(title="Họp giao ban công nghệ thông tin", date=datetime.date(2014, 7, 10), lead="Giao ban"),
    )

    procedures = _publish(home_page, ProcedureIndexPage(title="Thủ tục hành chính"))
    procedure = _publish(
        procedures,
        ProcedurePage(
            title="Cấp giấy phép xây dựng nhà ở riêng lẻ",
            code="1.001612",
            field=ProcedureField.objects.create(name="Xây dựng"),
            agency=Agency.objects.create(name="Sở Xây dựng"),
            admin_level=AdminLevel.PROVINCE,
            legacy_level=LegacyLevel.COMPLETE,
            online_level=OnlineLevel.FULL,
            online_url="https://dichvucong.example.vn/1.001612",
        ),
    )
    reindex()
    return {"directive": directive, "news": news, "procedure": procedure, "directives": directives}


def _titles(query, **params):
    return [hit.title for hit in run_search(query, params, per_page=50).hits]


@pytest.mark.parametrize("engine", ENGINES)
def test_directive_number_and_procedure_code_are_found_as_typed(engine, content):
    news_index = content["news"].get_parent()
    for title in ("Sơ kết Kế hoạch 07/KH-UBND", "Tổng kết Kế hoạch 07/KH-UBND", "Kế hoạch 07/KH-UBND: năm cuối"):
        _publish(news_index, OperationalNewsPage(title=title, date=datetime.date(2015, 1, 5), lead="07/KH-UBND"))
    reindex()
    # The directive whose number it is comes before the news that cite the number in their titles.
    assert _titles("07/KH-UBND")[0] == content["directive"].title
    assert len(_titles("07/KH-UBND")) == 4
    assert _titles("07/kh-ubnd")[0] == content["directive"].title
    # As the register matches numbers: without the leading zero, whatever the case or accents.
    assert _titles("7/kh-ubnd")[0] == content["directive"].title
    assert _titles("1.001612") == [content["procedure"].title]
    assert _titles("cap phep xay dung") == [content["procedure"].title]
    assert content["procedure"].title in [item["title"] for item in autocomplete("cap giay ph")]


@pytest.mark.parametrize("engine", ENGINES)
def test_facets_count_types_fields_agencies_levels_and_years(engine, content):
    outcome = run_search("cong nghe thong tin")
    facets = {facet.name: {option.label: option.count for option in facet.options} for facet in outcome.facets}
    assert facets["type"] == {"Văn bản chỉ đạo, điều hành": 1, "Tin chỉ đạo, điều hành": 1} or facets["type"] == {
        str(DirectivePage._meta.verbose_name): 1,
        str(OperationalNewsPage._meta.verbose_name): 1,
    }
    assert facets["agency"] == {"Ủy ban nhân dân tỉnh Hậu Giang": 1}
    assert facets["field"] == {"Công nghệ thông tin": 1}
    assert facets["year"] == {"2011": 1, "2014": 1}
    procedure = run_search("xay dung", {"level": "full"})
    assert [hit.title for hit in procedure.hits] == [content["procedure"].title]
    levels = {facet.name: facet for facet in procedure.facets}["level"]
    assert [(option.label, option.count, option.selected) for option in levels.options] == [("Toàn trình", 1, True)]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_phrase_only_in_the_signed_pdf_finds_the_directive(engine, content):
    directive = content["directive"]
    document = Document(title="Bản ký số")
    document.file.save("07-kh-ubnd.pdf", ContentFile(pdf_with_text("Phuong an phong chong thien tai vung ven song")))
    directive.attachments.create(document=document)
    directive.save_revision().publish()
    reindex()
    assert _titles("phòng chống thiên tai vùng ven sông") == [directive.title]
    assert _titles("phong chong thien tai") == [directive.title]


@pytest.mark.parametrize("engine", ENGINES)
def test_index_follows_publish_unpublish_move_and_delete(engine, content):
    directive = content["directive"]
    assert _titles("07/KH-UBND") == [directive.title]

    directive.unpublish()
    reindex()
    assert _titles("07/KH-UBND") == []

    directive.refresh_from_db()
    directive.title = "Kế hoạch phát triển chính quyền số"
    directive.save_revision().publish()
    reindex()
    assert _titles("chinh quyen so") == ["Kế hoạch phát triển chính quyền số"]
    assert _titles("07/KH-UBND") == ["Kế hoạch phát triển chính quyền số"]

    directive.move(content["news"].get_parent(), pos="last-child")
    reindex()
    assert _titles("chinh quyen so") == ["Kế hoạch phát triển chính quyền số"]

    DirectivePage.objects.get(pk=directive.pk).delete()
    reindex()
    assert _titles("chinh quyen so") == []


def _suggested(prefix):
    return [item["title"] for item in autocomplete(prefix)]


@pytest.mark.parametrize("engine", ENGINES)
def test_autocomplete_follows_renaming_unpublishing_and_deleting(engine, content):
    directive = content["directive"]
    old_title = directive.title
    assert _suggested("ke hoach ung d") == [old_title]

    directive.title = "Kế hoạch phát triển chính quyền số"
    directive.save_revision().publish()
    reindex()
    assert _suggested("chinh quyen s") == ["Kế hoạch phát triển chính quyền số"]
    assert _suggested("ke hoach ung d") == []

    directive.unpublish()
    reindex()
    assert _suggested("chinh quyen s") == []

    directive.refresh_from_db()
    directive.save_revision().publish()
    reindex()
    assert _suggested("chinh quyen s") == ["Kế hoạch phát triển chính quyền số"]
    DirectivePage.objects.get(pk=directive.pk).delete()
    reindex()
    assert _suggested("chinh quyen s") == []


@pytest.mark.parametrize("engine", ENGINES)
def test_update_index_rebuilds_a_lost_index(engine, content):
    import io

    from django.core.management import call_command
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    IndexEntry.objects.all().delete()
    if engine == "opensearch":
        for index in get_search_backend("default").get_index_for_model(Page).aliased_indices():
            index.delete()
    lost = run_search("cap phep xay dung")
    assert lost.total == 0 or lost.fell_back

    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    if engine == "opensearch":
        get_search_backend("default").get_index_for_model(Page).refresh()
    outcome = run_search("cap phep xay dung")
    assert not outcome.fell_back
    assert [hit.title for hit in outcome.hits] == [content["procedure"].title]


def test_a_directive_whose_pdf_file_is_missing_is_still_indexed(content):
    directive = content["directive"]
    document = Document(title="Tệp đã mất")
    document.file.save("mat.pdf", ContentFile(pdf_with_text("Noi dung tep da mat")))
    document.file.storage.delete(document.file.name)
    directive.attachments.create(document=document)
    directive.save_revision().publish()
    assert _titles("07/KH-UBND")[0] == directive.title
