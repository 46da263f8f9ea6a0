from django.core.management.base import BaseCommand, CommandError

from subportals.creating import SubPortalError, create_subportal


class Command(BaseCommand):
    help = "Tạo cổng thành phần của một đơn vị: trang, tên miền, các mục, nhóm biên tập, phê duyệt và quy trình."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Tên đơn vị, ví dụ “Sở Tư pháp”.")
        parser.add_argument("--short-name", required=True, help="Tên viết tắt, ví dụ STP.")
        parser.add_argument("--hostname", required=True, help="Tên miền, ví dụ sotuphap.haugiang.gov.vn.")
        parser.add_argument("--kind", required=True, help="Mã loại đơn vị, ví dụ department.")
        parser.add_argument(
            "--port",
            type=int,
            default=80,
            help="Cổng dùng trong địa chỉ liên kết (80 khi chạy thật; cổng của máy phát triển khi thử).",
        )

    def handle(self, *args, name, short_name, hostname, kind, port, **options):
        try:
            outcome = create_subportal(name=name, short_name=short_name, hostname=hostname, kind=kind, port=port)
        except SubPortalError as error:
            raise CommandError(str(error)) from error
        site = outcome.subportal.site
        if not outcome.created:
            self.stdout.write(
                f"Cổng thành phần “{outcome.subportal.name}” đã có tại {site.root_url}/: không thay đổi gì."
            )
            return
        for warning in outcome.warnings:
            self.stdout.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(f"Đã tạo cổng thành phần “{outcome.subportal.name}” tại {site.root_url}/.")
        )
