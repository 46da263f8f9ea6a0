"""Publishing only queues the fan-out; the worker writes one e-mail per confirmed subscriber, once."""

import collections
import datetime
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alerts import sending
from alerts.finders import FINDERS
from alerts.models import Subscriber, Subscription, Topic
from portal.models import OutgoingEmail
from tests.worker import run_background_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ISSUED = datetime.date(2026, 3, 2)
SUBSCRIBERS = 7


@pytest.fixture
def many_subscribers(site, monkeypatch):
    """Seven confirmed immediate subscribers, an unconfirmed one, and fan-out chunks of three."""
    monkeypatch.setattr(sending, "CHUNK_SIZE", 3)
    topic = Topic.get_or_create_for(FINDERS["directives"], {}, site)
    for number in range(SUBSCRIBERS + 1):
        subscriber = Subscriber.objects.create(email=f"nguoi-{number}@example.org")
        Subscription.objects.create(subscriber=subscriber, topic=topic)
        if number < SUBSCRIBERS:
            subscriber.confirm()
    return [f"nguoi-{number}@example.org" for number in range(SUBSCRIBERS)]


def fan_outs():
    return DBTaskResult.objects.filter(task_path="alerts.sending.fan_out_alerts")


def test_publishing_queues_one_task_and_the_worker_sends_one_email_per_confirmed_subscriber(
    many_subscribers, make_directive, smtp_sink
):
    plan = make_directive(title="Kế hoạch chuyển đổi số", published_on=ISSUED)

    assert fan_outs().count() == 1
    assert not OutgoingEmail.objects.exists()  # the editor's request wrote no e-mail

    run_background_worker()
    arrivals = collections.Counter(message["To"] for message in smtp_sink.messages())
    assert arrivals == collections.Counter(many_subscribers)

    # The same fan-out run again (a worker lost half-way) queues and sends nothing more.
    smtp_sink.clear()
    sending.fan_out_alerts.enqueue(plan.pk)
    run_background_worker()
    assert smtp_sink.messages() == []
    assert OutgoingEmail.objects.count() == SUBSCRIBERS


def test_a_fan_out_whose_worker_died_is_finished_by_the_cron_safety_net_without_duplicates(
    many_subscribers, make_directive, smtp_sink
):
    plan = make_directive(title="Kế hoạch chuyển đổi số", published_on=ISSUED)
    # What a worker killed after the first chunk leaves: the task claimed for good, three e-mails written.
    fan_outs().update(status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1))
    first_chunk = Subscriber.objects.filter(email__in=many_subscribers).order_by("pk")[:3]
    sending._ImmediateAlert(plan, None).queue(list(first_chunk))
    run_background_worker()
    assert len(smtp_sink.messages()) == 3

    call_command("send_queued_email", stdout=io.StringIO())
    run_background_worker()

    arrivals = collections.Counter(message["To"] for message in smtp_sink.messages())
    assert arrivals == collections.Counter(many_subscribers)


def test_a_fan_out_still_running_is_left_to_its_worker(many_subscribers, make_directive, smtp_sink):
    make_directive(title="Kế hoạch chuyển đổi số", published_on=ISSUED)
    fan_outs().update(status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=1))

    call_command("send_queued_email", stdout=io.StringIO())
    run_background_worker()

    assert smtp_sink.messages() == []
