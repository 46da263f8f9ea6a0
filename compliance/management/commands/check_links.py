from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from compliance import links
from compliance.external import ExternalChecker
from compliance.models import CheckedLink


class Command(BaseCommand):
    help = (
        "Kiểm tra mọi liên kết trong các trang đã xuất bản và cài đặt của cổng (liên kết ngoài chỉ khi có "
        "--external), lưu kết quả cho báo cáo “Liên kết hỏng”."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="HOST", help="Chỉ một cổng, theo tên miền.")
        parser.add_argument("--external", action="store_true", help="Kiểm tra cả liên kết tới trang web khác.")
        parser.add_argument("--workers", type=int, default=8, help="Số liên kết ngoài kiểm tra cùng lúc.")
        parser.add_argument("--timeout", type=float, default=10.0, help="Số giây chờ mỗi trang web khác.")
        parser.add_argument(
            "--per-host-interval", type=float, default=1.0, help="Số giây giữa hai yêu cầu tới cùng một máy chủ."
        )

    def handle(self, *args, site=None, external=False, workers=8, timeout=10.0, per_host_interval=1.0, **options):
        sites = Site.objects.select_related("root_page").order_by("-is_default_site", "hostname")
        if site:
            sites = sites.filter(hostname__iexact=site)
            if not sites:
                raise CommandError(f"Không có cổng nào có tên miền “{site}”.", returncode=2)
        checker = ExternalChecker(workers=workers, timeout=timeout, per_host_interval=per_host_interval)
        for one in sites:
            records = links.check_site(one, external=external, checker=checker)
            broken = [record for record in records if record.status == CheckedLink.Status.BROKEN]
            self.stdout.write(f"{one.hostname}: {len(records)} liên kết, {len(broken)} hỏng.")
            for record in broken:
                where = record.page.title if record.page_id else record.source
                self.stdout.write(f"  {where}: {record.url} – {record.error}")
