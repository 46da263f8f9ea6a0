import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from directives.models import (
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    Field,
    IssuingBody,
    OperationalNewsIndexPage,
    OperationalNewsPage,
    RegisterEntry,
)


@pytest.fixture
def province(db):
    return IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Hậu Giang", short_name="UBND tỉnh", slug="ubnd-tinh")


@pytest.fixture
def office(db):
    return IssuingBody.objects.create(
        name="Văn phòng Ủy ban nhân dân tỉnh Hậu Giang", short_name="VP UBND tỉnh", slug="vp-ubnd-tinh"
    )


@pytest.fixture
def plan_type(db):
    return DocumentType.objects.create(name="Kế hoạch", code="KH")


@pytest.fixture
def directive_type(db):
    return DocumentType.objects.create(name="Chỉ thị", code="CT")


@pytest.fixture
def ict(db):
    return Field.objects.create(name="Công nghệ thông tin")


@pytest.fixture
def directive_index(home_page):
    index = DirectiveIndexPage(title="Văn bản chỉ đạo, điều hành", slug="van-ban", show_in_menus=True)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def news_index(home_page):
    index = OperationalNewsIndexPage(title="Tin chỉ đạo, điều hành", slug="tin-chi-dao")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def publish(page, on=None):
    """Publish through Wagtail's revision lifecycle; ``on`` backdates the first publication."""
    page.save_revision().publish()
    if on is not None:
        moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(9, 0)))
        DirectivePage.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
        page.refresh_from_db()
    return page


@pytest.fixture
def make_directive(directive_index, province, plan_type):
    """Factory: a draft DirectivePage under the index; pass ``published_on`` to publish it."""

    def make(number="07/KH-UBND", issued_on=datetime.date(2011, 3, 14), published_on=None, **fields):
        fields.setdefault("title", f"Văn bản {number}")
        fields.setdefault("summary", fields["title"])
        fields.setdefault("issuing_body", province)
        fields.setdefault("doc_type", plan_type)
        page = DirectivePage(number=number, issued_on=issued_on, live=False, **fields)
        directive_index.add_child(instance=page)
        page.save_revision()
        if published_on is not None:
            publish(page, published_on)
        return page

    return make


@pytest.fixture
def make_entry(province, plan_type):
    """Factory: a register entry."""

    def make(number="07/KH-UBND", issued_on=datetime.date(2011, 3, 14), **fields):
        fields.setdefault("title", f"Văn bản {number}")
        fields.setdefault("issuer", province)
        fields.setdefault("doc_type", plan_type)
        return RegisterEntry.objects.create(number=number, issued_on=issued_on, **fields)

    return make


@pytest.fixture
def make_news(news_index):
    def make(title="Họp giao ban", date=datetime.date(2014, 7, 10), **fields):
        fields.setdefault("lead", "Tóm tắt tin.")
        page = OperationalNewsPage(title=title, date=date, **fields)
        news_index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


def _staff(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@haugiang.gov.vn", "mat-khau-2026")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _staff("bientapvien", "Biên tập viên")


@pytest.fixture
def moderator(db):
    return _staff("pheduyet", "Phê duyệt")
