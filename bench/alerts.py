"""E-mail alerts at provincial scale: queueing one directive's alerts to N subscribers, then sending them.

A copy of the demo database (SQLite) gets N confirmed immediate subscribers to the province's
directives topic, created in bulk. Publishing one directive is timed as an editor's publish
(``save_revision().publish()``, which queues the alerts' fan-out task through the page_published
signal). Then ``--workers`` processes of ``manage.py db_worker --backend background`` write the
e-mails (the fan-out) and send them to a local aiosmtpd sink (ops/smtp.sh, which keeps each message
in a Maildir); the rate is taken from the workers' start over the first ``--measure`` messages marked
sent, so it includes the fan-out's first chunks.

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


def forget_demo_queue():
    """Drop what loading the demo left queued (its own alerts and their tasks): only the measured alert is sent."""
    from django_tasks_db.models import DBTaskResult

    from portal.models import OutgoingEmail

    DBTaskResult.objects.all().delete()
    OutgoingEmail.objects.all().delete()


def publish_one_directive():
    """Seconds an editor's publish takes, alerts queued included; and how many fan-out tasks it queued."""
    from django_tasks_db.models import DBTaskResult

    from directives.models import DirectivePage

    fan_outs = DBTaskResult.objects.filter(task_path="alerts.sending.fan_out_alerts")
    page = DirectivePage.objects.live().order_by("-pk").first()
    page.title = f"{page.title} (bản đo thông báo)"
    revision = page.save_revision()
    started = time.perf_counter()
    revision.publish()
    return time.perf_counter() - started, fan_outs.count()


def start_sink():
    env = {**os.environ, "SMTP_TEST_PORT": str(SMTP_PORT), "SMTP_TEST_DIR": str(WORK / "alerts-smtp")}
    shutil.rmtree(WORK / "alerts-smtp", ignore_errors=True)
    url = subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "ops" / "smtp.sh"), "start"], env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout.strip()
    return url, env


def measure_sending(database_url, sink_env, measure, timeout, workers, subscribers):
    """E-mails per second from the workers' start until ``measure`` messages are marked sent; and the
    seconds until the fan-out had queued all ``subscribers`` e-mails (None if not within the run)."""
    from portal.models import OutgoingEmail

    env = base_env(database_url, EMAIL_URL=f"smtp://127.0.0.1:{SMTP_PORT}")
    command = [PYTHON, str(ROOT / "manage.py"), "db_worker", "--backend", "background", "--no-startup-delay"]
    processes = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(workers)]  # noqa: S603 - our manage.py
    alerts = OutgoingEmail.objects.filter(key__startswith="alert:")
    started = time.perf_counter()
    sent = 0
    fanned_out = None
    try:
        while sent < measure and time.perf_counter() - started < timeout and all(p.poll() is None for p in processes):
            time.sleep(0.2)
            sent = alerts.filter(sent_at__isnull=False).count()
            if fanned_out is None and alerts.count() >= subscribers:
                fanned_out = time.perf_counter() - started
        elapsed = time.perf_counter() - started
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        subprocess.run([str(ROOT / "ops" / "smtp.sh"), "stop"], env=sink_env, timeout=60, check=False)  # noqa: S603
    return sent, elapsed, fanned_out


def received(maildir):
    return len(os.listdir(maildir / "new")) + len(os.listdir(maildir / "cur"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument("--measure", type=int, default=5_000, help="the sending rate is taken over this many")
    parser.add_argument("--timeout", type=int, default=600, help="seconds the workers may take")
    parser.add_argument("--workers", type=int, default=2, help="db_worker processes")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "alerts.sqlite3"
    shutil.copyfile(demo_base(base_env), path)
    database_url = sqlite_url(path)
    setup_django(database_url)

    forget_demo_queue()
    log(f"alerts: {args.subscribers:,} subscribers")
    started = time.perf_counter()
    make_subscribers(args.subscribers)
    log(f"alerts: subscribers created in {time.perf_counter() - started:.1f} s")
    seconds, queued = publish_one_directive()
    log(f"alerts: publishing one directive queued {queued} fan-out task(s) in {seconds:.3f} s")

    _, sink_env = start_sink()
    measure = min(args.measure, args.subscribers)
    sent, elapsed, fanned_out = measure_sending(
        database_url, sink_env, measure, args.timeout, args.workers, args.subscribers
    )
    arrived = received(WORK / "alerts-smtp" / "maildir")
    fan_out = f"{fanned_out:.1f} s" if fanned_out is not None else "not finished"
    log(
        f"alerts: {args.workers} worker(s) sent {sent:,} e-mails in {elapsed:.1f} s: {sent / elapsed:.0f} e-mails/s "
        f"({arrived:,} arrived); all {args.subscribers:,} e-mails queued after {fan_out}"
    )
    load = os.getloadavg()
    print(
        f"| {args.subscribers:,} subscribers | publish (fan-out queued): {seconds:.3f} s "
        f"| {args.workers} workers: {sent:,} e-mails in {elapsed:.1f} s = {sent / elapsed:.0f} e-mails/s "
        f"| fan-out done after {fan_out} "
        f"| load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} |"
    )
    return 0 if sent >= measure and queued == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
