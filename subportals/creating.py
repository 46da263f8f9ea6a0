"""Creating a sub-portal: its site, root and section pages, settings, groups, workflow and issuing body.

One function for the management command and the demo. Everything happens in one transaction,
so a clash found half-way leaves nothing behind; a second run for the same host changes nothing.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.http.request import validate_host
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Site, Workflow, WorkflowPage, WorkflowTask

from directives.models import DirectiveIndexPage, IssuingBody, OperationalNewsIndexPage
from home.models import HomePage, OrganisationPage, PortalSettings, StandardPage
from portal.departments import department_groups
from services.models import Agency

from .models import AgencyProcedureIndexPage, SubPortal, UnitKind

# Labels of letters, digits and inner hyphens, at least two of them: "sotuphap.haugiang.gov.vn".
HOSTNAME_PATTERN = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)


class SubPortalError(ValueError):
    """A sub-portal that cannot be created as asked; the message is for the person who asked."""


@dataclass
class Outcome:
    subportal: SubPortal
    created: bool
    warnings: list


def clean_hostname(hostname):
    hostname = (hostname or "").strip().lower().rstrip(".")
    if not HOSTNAME_PATTERN.match(hostname):
        raise SubPortalError(
            _(
                "Tên miền “%(hostname)s” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang và dấu chấm, "
                "ví dụ sotuphap.haugiang.gov.vn."
            )
            % {"hostname": hostname}
        )
    return hostname


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _sections(home, name, agency):
    """The sub-portal's sections, through the page types the province portal uses."""
    _publish(
        home,
        DirectiveIndexPage(
            title="Văn bản chỉ đạo, điều hành",
            slug="van-ban-chi-dao-dieu-hanh",
            show_in_menus=True,
            intro=f"Văn bản chỉ đạo, điều hành của {name}.",
        ),
    )
    _publish(
        home,
        OperationalNewsIndexPage(
            title="Tin hoạt động", slug="tin-hoat-dong", show_in_menus=True, intro=f"Tin hoạt động của {name}."
        ),
    )
    _publish(
        home,
        AgencyProcedureIndexPage(
            title="Thủ tục hành chính",
            slug="thu-tuc-hanh-chinh",
            show_in_menus=True,
            agency=agency,
            intro=f"Thủ tục hành chính do {name} thực hiện, từ danh mục thủ tục của tỉnh.",
        ),
    )
    _publish(home, StandardPage(title="Hướng dẫn", slug="huong-dan", show_in_menus=True))
    _publish(home, OrganisationPage(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True))


def _workflow(home, name, approvers):
    """A moderation workflow on the sub-portal's tree, approved by its own approvers only."""
    task, _created = GroupApprovalTask.objects.get_or_create(name=f"Phê duyệt – {name}")
    task.groups.set([approvers])
    workflow, _created = Workflow.objects.get_or_create(name=f"Quy trình phê duyệt – {name}")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def _settings(site, name):
    province = Site.objects.filter(is_default_site=True).first()
    province_name = PortalSettings.for_site(province).province_name if province else ""
    portal = PortalSettings.for_site(site)
    portal.portal_name = f"Cổng thông tin điện tử {name}"
    portal.owning_agency = name
    if province_name:
        portal.province_name = province_name
    portal.save()


@transaction.atomic
def create_subportal(*, name, short_name, hostname, kind, port=80, issuing_body=None):
    """Create the sub-portal of ``name`` on ``hostname``, or return the one already there unchanged.

    ``issuing_body`` is the agency's entry in the list of issuing bodies when it has one under
    another name already (its register entries then count for its portal); by default the body
    named ``name`` is used, or created.
    """
    name, short_name = (name or "").strip(), (short_name or "").strip()
    if not name or not short_name:
        raise SubPortalError(_("Cần có tên đơn vị và tên viết tắt."))
    hostname = clean_hostname(hostname)
    existing = SubPortal.objects.select_related("site").filter(name=name).first()
    if existing is not None:
        if existing.site.hostname != hostname:
            raise SubPortalError(
                _("Đơn vị “%(name)s” đã có cổng thành phần tại %(hostname)s.")
                % {"name": name, "hostname": existing.site.hostname}
            )
        return Outcome(existing, False, [])
    clash = Site.objects.filter(hostname=hostname).first()
    if clash is not None:
        raise SubPortalError(
            _("Tên miền %(hostname)s đã được dùng cho trang “%(site)s”.") % {"hostname": hostname, "site": clash}
        )
    unit_kind = UnitKind.objects.filter(slug=kind).first()
    if unit_kind is None:
        known = ", ".join(UnitKind.objects.values_list("slug", flat=True))
        raise SubPortalError(
            _("Không có loại đơn vị “%(kind)s”. Các loại hiện có: %(known)s.") % {"kind": kind, "known": known}
        )

    root = HomePage.get_first_root_node()
    home = _publish(
        root, HomePage(title=name, slug=hostname.replace(".", "-"), intro=f"Cổng thông tin điện tử {name}.")
    )
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
    agency, _created = Agency.objects.get_or_create(name=name)
    _sections(home, name, agency)
    _settings(site, name)
    editors, approvers = department_groups(home, name)
    _workflow(home, name, approvers)
    issuing_body = (
        issuing_body
        or IssuingBody.objects.filter(name=name).first()
        or IssuingBody.objects.create(name=name, short_name=short_name)
    )
    subportal = SubPortal.objects.create(
        site=site, name=name, short_name=short_name, kind=unit_kind, issuing_body=issuing_body
    )
    warnings = []
    if not validate_host(hostname, settings.ALLOWED_HOSTS):
        warnings.append(
            _("Lưu ý: %(hostname)s chưa có trong ALLOWED_HOSTS, trang sẽ trả lỗi 400 cho tới khi được thêm vào.")
            % {"hostname": hostname}
        )
    return Outcome(subportal, True, warnings)
