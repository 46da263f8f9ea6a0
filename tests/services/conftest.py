import datetime
import itertools

import pytest
from django.utils import timezone

from services.levels import LegacyLevel, OnlineLevel
from services.models import (
    AdminLevel,
    Agency,
    Applicants,
    CampaignPage,
    FeaturedService,
    OnlineServicesPage,
    ProcedureField,
    ProcedureIndexPage,
    ProcedurePage,
)

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
_codes = itertools.count(1)


@pytest.fixture
def browser_client(client):
    """A client that presents itself as a person's browser, so visits are counted."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def procedure_index(home_page):
    index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def online_page(home_page):
    page = OnlineServicesPage(title="Dịch vụ công trực tuyến", slug="dich-vu-cong-truc-tuyen")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_procedure(procedure_index):
    """Build and publish a procedure; keyword arguments override the defaults."""

    def make(title="Đăng ký khai sinh", field="Hộ tịch", agency="Ủy ban nhân dân cấp xã", legacy_level=2, **values):
        online_level = {4: OnlineLevel.FULL, 3: OnlineLevel.PARTIAL}.get(legacy_level, OnlineLevel.NONE)
        defaults = {
            "code": f"9.{next(_codes):06d}",
            "admin_level": AdminLevel.COMMUNE,
            "applicants": Applicants.CITIZEN,
            "online_url": "https://dichvucong.example.vn/thu-tuc" if online_level != OnlineLevel.NONE else "",
        }
        defaults.update(values)
        page = ProcedurePage(
            title=title,
            field=ProcedureField.objects.get_or_create(name=field)[0],
            agency=Agency.objects.get_or_create(name=agency)[0],
            legacy_level=LegacyLevel(legacy_level),
            online_level=online_level,
            **defaults,
        )
        procedure_index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def online_procedure(make_procedure):
    return make_procedure(
        title="Đăng ký kinh doanh hộ cá thể",
        field="Thành lập và hoạt động doanh nghiệp",
        agency="Sở Kế hoạch và Đầu tư",
        legacy_level=3,
        admin_level=AdminLevel.PROVINCE,
        online_url="https://dichvucong.haugiang.gov.vn/dang-ky-kinh-doanh",
    )


@pytest.fixture
def make_campaign(online_page):
    def make(procedures, start=None, end=None, title="Nộp hồ sơ trực tuyến", slug=None):
        today = timezone.localdate()
        campaign = CampaignPage(
            title=title,
            slug=slug or f"chien-dich-{next(_codes)}",
            message="Nộp hồ sơ qua mạng, không phải đi lại.",
            start_date=start or today - datetime.timedelta(days=10),
            end_date=end if end is not None else today + datetime.timedelta(days=10),
        )
        campaign.featured_services = [FeaturedService(procedure=procedure) for procedure in procedures]
        online_page.add_child(instance=campaign)
        campaign.save_revision().publish()
        return campaign

    return make


@pytest.fixture
def campaign(make_campaign, online_procedure):
    return make_campaign([online_procedure])
