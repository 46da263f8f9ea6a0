from django.core.management.base import BaseCommand

from participation import retention


class Command(BaseCommand):
    help = "Xóa thông tin liên hệ (họ tên, thư điện tử, điện thoại) của ý kiến, câu hỏi đã quá thời hạn lưu giữ."

    def handle(self, *args, **options):
        for kind, count in retention.purge().items():
            self.stdout.write(f"{kind}: {count}")
