"""Builders for the indicator tests: a running plan, indicators and directive-register data."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from indicators.models import AutomaticSource, Indicator, IndicatorTrackerPage, Measurement, Plan, Source, Unit

_numbers = itertools.count(1)


@pytest.fixture
def this_year():
    return timezone.localdate().year


@pytest.fixture
def plan(db, this_year):
    """A plan running from last year to three years from now, so automatic figures are stored."""
    return Plan.objects.create(
        number="07/KH-UBND", name="Kế hoạch ứng dụng CNTT", start_year=this_year - 1, end_year=this_year + 3
    )


@pytest.fixture
def make_indicator(plan):
    def make(code, **fields):
        defaults = {
            "name": f"Chỉ tiêu {code}",
            "unit": Unit.PERCENT,
            "baseline": Decimal(0),
            "target": Decimal(80),
            "target_year": plan.end_year,
        }
        defaults.update(fields)
        return Indicator.objects.create(plan=plan, code=code, **defaults)

    return make


@pytest.fixture
def make_measurement():
    def make(indicator, year, value, live=True, **fields):
        return Measurement.objects.create(
            indicator=indicator,
            value=Decimal(value),
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            source=fields.pop("source", Source.MANUAL),
            live=live,
            **fields,
        )

    return make


@pytest.fixture
def directive_rate(make_indicator):
    return make_indicator(
        "ct-02",
        name="Tỷ lệ văn bản chỉ đạo, điều hành đăng trên cổng",
        baseline=Decimal(50),
        automatic_source=AutomaticSource.DIRECTIVE_PUBLICATION_RATE,
    )


@pytest.fixture
def tracker(home_page, plan):
    page = IndicatorTrackerPage(title="Chỉ tiêu kế hoạch", slug="chi-tieu-ke-hoach", plan=plan, show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def directives_setup(home_page):
    """An issuing body, a document type and the directive listing page."""
    from directives.models import DirectiveIndexPage, DocumentType, IssuingBody

    body = IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Hậu Giang", short_name="UBND tỉnh")
    doc_type = DocumentType.objects.create(name="Kế hoạch", code="KH")
    index = DirectiveIndexPage(title="Văn bản chỉ đạo", slug="van-ban")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return {"body": body, "doc_type": doc_type, "index": index}


@pytest.fixture
def register_entry(directives_setup, this_year):
    """A register entry issued this year and a draft DirectivePage that publishes it."""
    from directives.models import DirectivePage, RegisterEntry

    def make(published=False, issued_on=None):
        issued_on = issued_on or datetime.date(this_year, 1, 10)
        number = f"{next(_numbers)}/KH-UBND"
        entry = RegisterEntry.objects.create(
            number=number,
            doc_type=directives_setup["doc_type"],
            title=f"Kế hoạch số {number}",
            issuer=directives_setup["body"],
            issued_on=issued_on,
        )
        page = DirectivePage(
            title=f"Kế hoạch số {number}",
            number=number,
            doc_type=directives_setup["doc_type"],
            issuing_body=directives_setup["body"],
            issued_on=issued_on,
            summary="Trích yếu",
            live=False,
        )
        directives_setup["index"].add_child(instance=page)
        revision = page.save_revision()
        if published:
            revision.publish()
        return entry, page

    return make


@pytest.fixture
def make_procedure(home_page):
    """Publish a level-3 procedure (offered online in part) through the page lifecycle."""
    from services.levels import LegacyLevel, OnlineLevel
    from services.models import Agency, ProcedureField, ProcedureIndexPage, ProcedurePage

    def make():
        index = ProcedureIndexPage.objects.first()
        if index is None:
            index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc")
            home_page.add_child(instance=index)
            index.save_revision().publish()
        number = next(_numbers)
        field, _ = ProcedureField.objects.get_or_create(name="Thành lập và hoạt động doanh nghiệp")
        agency, _ = Agency.objects.get_or_create(name="Sở Kế hoạch và Đầu tư")
        procedure = ProcedurePage(
            title=f"Đăng ký kinh doanh {number}",
            code=f"1.{number:06d}",
            field=field,
            agency=agency,
            admin_level="province",
            online_level=OnlineLevel.PARTIAL,
            legacy_level=LegacyLevel.SUBMISSION,
            online_url="https://dichvucong.haugiang.gov.vn/dkkd",
        )
        index.add_child(instance=procedure)
        procedure.save_revision().publish()
        return procedure

    return make
