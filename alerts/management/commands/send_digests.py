from django.core.management.base import BaseCommand

from alerts.models import Frequency, Subscriber
from alerts.sending import send_digests


class Command(BaseCommand):
    help = "Queue the daily or weekly e-mail digests (cron), and forget addresses never confirmed."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=[Frequency.DAILY, Frequency.WEEKLY])

    def handle(self, *args, frequency, **options):
        queued = send_digests(frequency)
        forgotten, _ = Subscriber.objects.unconfirmed_expired().delete()
        self.stdout.write(f"{queued} digest(s) queued, {forgotten} unconfirmed record(s) deleted.")
