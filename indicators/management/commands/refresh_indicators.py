from django.core.management.base import BaseCommand

from indicators.automatic import refresh


class Command(BaseCommand):
    help = "Tính lại các chỉ tiêu tự động từ dữ liệu của cổng và lưu số liệu mới (chạy hằng ngày bằng cron)."

    def handle(self, *args, **options):
        report = refresh()
        self.stdout.write(str(report))
        for measurement in report.stored:
            self.stdout.write(f"  {measurement}")
