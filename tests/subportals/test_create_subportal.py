"""manage.py create_subportal: one command gives an agency its own site, sections, staff and workflow."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, Site, Workflow

from directives.models import DirectiveIndexPage, IssuingBody, OperationalNewsIndexPage
from home.models import HomePage, OrganisationPage, PortalSettings, StandardPage
from subportals.models import AgencyProcedureIndexPage, SubPortal, UnitKind

ARGS = ["--name", "Sở Tư pháp", "--short-name", "STP", "--hostname", "sotuphap.localhost", "--kind", "department"]


def run(*args):
    out = io.StringIO()
    call_command("create_subportal", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (Site.objects.count(), Page.objects.count(), Group.objects.count(), Workflow.objects.count())


def test_the_command_creates_the_site_its_sections_settings_groups_workflow_and_issuing_body(home_page):
    output = run(*ARGS)

    assert "Đã tạo cổng thành phần “Sở Tư pháp”" in output
    subportal = SubPortal.objects.get(name="Sở Tư pháp")
    site = subportal.site
    assert site.hostname == "sotuphap.localhost"
    assert not site.is_default_site
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.live
    assert home.pk != home_page.pk
    section_types = {type(page) for page in home.get_children().live().specific()}
    assert section_types == {
        DirectiveIndexPage,
        OperationalNewsIndexPage,
        AgencyProcedureIndexPage,
        StandardPage,
        OrganisationPage,
    }
    assert PortalSettings.for_site(site).owning_agency == "Sở Tư pháp"
    assert subportal.issuing_body == IssuingBody.objects.get(name="Sở Tư pháp")
    assert subportal.kind.slug == "department"

    editors = Group.objects.get(name="Biên tập viên – Sở Tư pháp")
    approvers = Group.objects.get(name="Phê duyệt – Sở Tư pháp")
    for group in (editors, approvers):
        assert set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True)) == {home.pk}
    workflow = home.get_workflow()
    assert workflow.name == "Quy trình phê duyệt – Sở Tư pháp"
    assert [list(task.specific.groups.all()) for task in workflow.tasks] == [[approvers]]
    # The province keeps its own workflow.
    assert home_page.get_workflow() != workflow


def test_running_it_again_changes_nothing_and_says_so(home_page):
    run(*ARGS)
    before = snapshot()

    output = run(*ARGS)

    assert "đã có" in output and "không thay đổi gì" in output
    assert snapshot() == before


@pytest.mark.parametrize(
    ("hostname", "message"),
    [
        ("localhost", "không hợp lệ"),
        ("so tu phap.localhost", "không hợp lệ"),
        ("sởtưpháp.localhost", "không hợp lệ"),
        ("sotuphap-.localhost", "không hợp lệ"),
    ],
)
def test_a_clashing_or_invalid_host_name_is_refused_in_vietnamese_and_nothing_is_created(home_page, hostname, message):
    before = snapshot()
    args = list(ARGS)
    args[args.index("--hostname") + 1] = hostname

    with pytest.raises(CommandError, match=message):
        run(*args)

    assert snapshot() == before
    assert not IssuingBody.objects.filter(name="Sở Tư pháp").exists()


def test_a_host_name_another_site_uses_is_refused_and_nothing_is_created(home_page):
    Site.objects.create(hostname="sotuphap.localhost", port=8080, root_page=home_page, site_name="Thử nghiệm")
    before = snapshot()

    with pytest.raises(CommandError, match="đã được dùng cho trang “Thử nghiệm”"):
        run(*ARGS)

    assert snapshot() == before


def test_an_unknown_kind_is_refused_with_the_kinds_there_are(home_page):
    args = list(ARGS)
    args[args.index("--kind") + 1] = "bo"

    with pytest.raises(CommandError, match="department"):
        run(*args)

    assert not SubPortal.objects.exists()


def test_a_kind_added_in_the_admin_is_usable_without_a_migration(home_page):
    UnitKind.objects.create(name="Đơn vị sự nghiệp")
    args = list(ARGS)
    args[args.index("--kind") + 1] = "don-vi-su-nghiep"

    run(*args)

    assert SubPortal.objects.get().kind.name == "Đơn vị sự nghiệp"


def test_the_migration_seeds_the_provinces_unit_kinds(db):
    assert set(UnitKind.objects.values_list("name", flat=True)) >= {
        "Sở, ban, ngành",
        "Huyện (trước 2025)",
        "Xã, phường",
    }


def test_a_clash_found_late_leaves_nothing_behind(home_page):
    """The host is free but the agency already runs a portal elsewhere: refused before anything is made."""
    run(*ARGS)
    before = snapshot()
    args = list(ARGS)
    args[args.index("--hostname") + 1] = "tuphap.localhost"

    with pytest.raises(CommandError, match="đã có cổng thành phần"):
        run(*args)

    assert snapshot() == before
