"""``compliance_report`` for cron: the same data as the report, and a non-zero exit when something is missing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from compliance import categories
from home.models import StandardPage

from .conftest import days_ago, map_category, publish

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    try:
        call_command("compliance_report", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue(), str(error)
    return 0, out.getvalue(), ""


def test_it_exits_non_zero_and_names_what_is_missing(site, home_page):
    guidance = publish(home_page, StandardPage(title="Hướng dẫn", slug="huong-dan"), when=days_ago(400))
    map_category(site, "policy-guidance", pages=[guidance])

    code, out, error = run()

    assert code == 1
    assert "12 nhóm thông tin bắt buộc còn thiếu" in error
    lines = out.splitlines()
    assert len(lines) == 13
    assert any(line.startswith("localhost\ttreaties\tThiếu") for line in lines)
    assert any(line.startswith("localhost\tpolicy-guidance\tQuá hạn") for line in lines)


def test_it_exits_zero_when_every_category_is_there_even_if_stale(site, home_page):
    page = publish(home_page, StandardPage(title="Tổng hợp", slug="tong-hop"), when=days_ago(1000))
    for category in categories.categories():
        map_category(site, category.code, pages=[page])
    code, out, _error = run("--site", "localhost")
    assert code == 0
    assert out.count("Quá hạn") == 13


def test_json_lists_each_site_and_category(site, home_page, justice):
    code, out, _error = run("--format", "json", "--site", "sotuphap.localhost")
    data = json.loads(out)
    assert code == 1
    assert len(data) == 13
    assert data[0] == {
        "site": "sotuphap.localhost",
        "site_name": "Sở Tư pháp",
        "category": "organisation",
        "category_name": "Cơ cấu tổ chức, chức năng, nhiệm vụ và thông tin liên hệ",
        "reference": "Điều 4 Nghị định 42/2022/NĐ-CP",
        "state": "missing",
        "owner": "",
        "newest": None,
        "max_age_days": 365,
        "reason": "Chưa gắn trang hoặc bộ tra cứu nào.",
    }


def test_an_unknown_site_is_refused_clearly(site):
    code, _out, error = run("--site", "khong-co.localhost")
    assert code == 2
    assert "Không có cổng nào có tên miền “khong-co.localhost”" in error
