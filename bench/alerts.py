"""E-mail alerts at provincial scale: queueing one directive's alerts to N subscribers, then sending them.

A copy of the demo database (SQLite) gets N confirmed immediate subscribers to the province's
directives topic, created in bulk. Publishing one directive is timed as an editor's publish
(``save_revision().publish()``, which queues the alerts through the page_published signal). Then
``manage.py db_worker --backend background`` sends to a local aiosmtpd sink (ops/smtp.sh, which keeps
each message in a Maildir) and the rate is taken over the first ``--measure`` messages marked sent.

    .venv/bin/python -m bench.alerts                      # 50,000 subscribers, rate over 5,000 e-mails
    .venv/bin/python -m bench.alerts --subscribers 2000 --measure 2000   # a quick trial
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

from bench.run import PYTHON, ROOT, WORK, base_env, demo_base, log, sqlite_url

SMTP_PORT = int(os.environ.get("BENCH_SMTP_PORT", "10291"))


def setup_django(database_url):
    os.environ.update(base_env(database_url))
    import django

    django.setup()


def make_subscribers(count):
    """``count`` confirmed immediate subscribers to the directives of the province site, in bulk."""
    from django.utils import timezone
    from wagtail.models import Site

    from alerts.finders import FINDERS
    from alerts.models import Subscriber, Subscription, Topic

    site = Site.objects.get(is_default_site=True)
    topic = Topic.get_or_create_for(FINDERS["directives"], {}, site)
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [Subscriber(email=f"nguoi-{n}@example.org", confirmed_at=now) for n in range(count)], batch_size=2000
    )
    subscribers = Subscriber.objects.values_list("pk", flat=True)
    Subscription.objects.bulk_create(
        [Subscription(subscriber_id=pk, topic=topic, confirmed_at=now) for pk in subscribers.iterator()],
        batch_size=2000,
    )


def publish_one_directive():
    """Seconds an editor's publish takes, alerts queued included; and how many e-mails it queued."""
    from directives.models import DirectivePage
    from portal.models import OutgoingEmail

    alerts = OutgoingEmail.objects.filter(key__startswith="alert:")
    page = DirectivePage.objects.live().order_by("-pk").first()
    page.title = f"{page.title} (bản đo thông báo)"
    revision = page.save_revision()
    started = time.perf_counter()
    revision.publish()
    return time.perf_counter() - started, alerts.count()


def start_sink():
    env = {**os.environ, "SMTP_TEST_PORT": str(SMTP_PORT), "SMTP_TEST_DIR": str(WORK / "alerts-smtp")}
    shutil.rmtree(WORK / "alerts-smtp", ignore_errors=True)
    url = subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "ops" / "smtp.sh"), "start"], env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout.strip()
    return url, env


def measure_sending(database_url, sink_env, measure, timeout):
    """E-mails per second from the worker's start until ``measure`` messages are marked sent."""
    from portal.models import OutgoingEmail

    env = base_env(database_url, EMAIL_URL=f"smtp://127.0.0.1:{SMTP_PORT}")
    command = [PYTHON, str(ROOT / "manage.py"), "db_worker", "--backend", "background", "--batch", "--no-startup-delay"]
    worker = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own manage.py
    started = time.perf_counter()
    sent = 0
    try:
        while sent < measure and time.perf_counter() - started < timeout and worker.poll() is None:
            time.sleep(0.2)
            sent = OutgoingEmail.objects.filter(key__startswith="alert:", sent_at__isnull=False).count()
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        subprocess.run([str(ROOT / "ops" / "smtp.sh"), "stop"], env=sink_env, timeout=60, check=False)  # noqa: S603
    return sent, elapsed


def received(maildir):
    return len(os.listdir(maildir / "new")) + len(os.listdir(maildir / "cur"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument("--measure", type=int, default=5_000, help="the sending rate is taken over this many")
    parser.add_argument("--timeout", type=int, default=600, help="seconds the worker may take")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "alerts.sqlite3"
    shutil.copyfile(demo_base(base_env), path)
    database_url = sqlite_url(path)
    setup_django(database_url)

    log(f"alerts: {args.subscribers:,} subscribers")
    started = time.perf_counter()
    make_subscribers(args.subscribers)
    log(f"alerts: subscribers created in {time.perf_counter() - started:.1f} s")
    seconds, queued = publish_one_directive()
    log(f"alerts: publishing one directive queued {queued:,} e-mails in {seconds:.3f} s")

    _, sink_env = start_sink()
    measure = min(args.measure, queued)
    sent, elapsed = measure_sending(database_url, sink_env, measure, args.timeout)
    arrived = received(WORK / "alerts-smtp" / "maildir")
    log(
        f"alerts: worker sent {sent:,} e-mails in {elapsed:.1f} s: {sent / elapsed:.0f} e-mails/s ({arrived:,} arrived)"
    )
    load = os.getloadavg()
    print(
        f"| {args.subscribers:,} subscribers | publish + queue {queued:,} e-mails: {seconds:.3f} s "
        f"| worker: {sent:,} e-mails in {elapsed:.1f} s = {sent / elapsed:.0f} e-mails/s "
        f"| load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} |"
    )
    return 0 if sent >= measure else 1


if __name__ == "__main__":
    sys.exit(main())
