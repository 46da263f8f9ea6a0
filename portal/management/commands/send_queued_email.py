from django.core.management.base import BaseCommand

from portal.outbox import requeue_stalled, send_due


class Command(BaseCommand):
    help = "Gửi các thư đang chờ đến hạn (thư chưa gửi được sẽ được thử lại sau)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Gửi nhiều nhất bao nhiêu thư.")

    def handle(self, *args, limit=None, **options):
        requeued = requeue_stalled()
        sent, failed = send_due(limit)
        self.stdout.write(f"Đã gửi {sent} thư, {failed} thư sẽ được thử lại; {requeued} tác vụ bị bỏ dở được chạy lại.")
