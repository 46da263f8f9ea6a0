import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from compliance import status


class Command(BaseCommand):
    help = (
        "In tình hình tuân thủ Nghị định 42 của từng cổng (thiếu, quá hạn, người phụ trách, ngày cập nhật); "
        "trả mã lỗi khác 0 khi còn nhóm thông tin bắt buộc bị thiếu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="HOST", help="Chỉ một cổng, theo tên miền.")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, site=None, format="text", **options):
        sites = Site.objects.select_related("root_page").order_by("-is_default_site", "hostname")
        if site:
            sites = sites.filter(hostname__iexact=site)
            if not sites:
                raise CommandError(f"Không có cổng nào có tên miền “{site}”.", returncode=2)
        statuses = status.compliance(list(sites))
        if format == "json":
            self.stdout.write(json.dumps([_as_dict(item) for item in statuses], ensure_ascii=False, indent=2))
        else:
            for item in statuses:
                newest = item.newest.strftime("%d/%m/%Y") if item.newest else "—"
                line = f"{item.site.hostname}\t{item.category.code}\t{item.state_label}\t{item.owner or '—'}\t{newest}"
                self.stdout.write(f"{line}\t{item.reason}".rstrip())
        missing = sum(item.state == status.MISSING for item in statuses)
        if missing:
            raise CommandError(f"{missing} nhóm thông tin bắt buộc còn thiếu.")


def _as_dict(item):
    return {
        "site": item.site.hostname,
        "site_name": str(item.site_name),
        "category": item.category.code,
        "category_name": item.category.name,
        "reference": item.category.reference,
        "state": item.state,
        "owner": item.owner,
        "newest": item.newest.isoformat() if item.newest else None,
        "max_age_days": item.max_age_days,
        "reason": str(item.reason),
    }
