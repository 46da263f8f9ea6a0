"""A task worker killed in the middle of a batch of e-mails: after a restart every message arrives, once.

The worker is the real `manage.py db_worker` process, killed with SIGKILL (no clean-up at all), against
the test database: PostgreSQL itself, or for SQLite (in memory) a file copy of it.
"""

import collections
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from portal import outbox
from portal.models import OutgoingEmail

PROJECT_DIR = Path(__file__).resolve().parents[2]
MESSAGES = 300


def database_url_for_a_subprocess(tmp_path):
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    )


def manage(env, *args, **kwargs):
    command = [sys.executable, "manage.py", *args]
    return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL, **kwargs)  # noqa: S603


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_batch_and_restarted_delivers_every_message_once(
    smtp_sink, smtp_sink_url, tmp_path, settings
):
    outbox.queue_many(
        {"to": f"nguoi-{n}@example.org", "subject": "Tin mới", "text": f"Thư {n}", "key": f"alert:{n}:7:first"}
        for n in range(MESSAGES)
    )
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CACHE_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x7!k2-production-secret-for-the-test-only-0123456789abcdefghij",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url_for_a_subprocess(tmp_path),
        "EMAIL_URL": smtp_sink_url.split("?")[0],
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SEARCH_URL": "",
    }
    maildir = Path(smtp_sink.maildir._path) / "new"

    worker = manage(env, "db_worker", "--backend", "background", "--no-startup-delay")
    deadline = time.monotonic() + 120
    while len(os.listdir(maildir)) < MESSAGES // 4 and time.monotonic() < deadline and worker.poll() is None:
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    before_restart = len(os.listdir(maildir))
    assert 0 < before_restart < MESSAGES  # killed mid-batch

    # The restart: the worker again, and the cron safety net for the batch the killed worker had claimed.
    assert manage(env, "db_worker", "--backend", "background", "--batch", "--no-startup-delay").wait(120) == 0
    assert manage(env, "send_queued_email").wait(120) == 0

    arrivals = collections.Counter(message["To"] for message in smtp_sink.messages())
    assert set(arrivals) == {f"nguoi-{n}@example.org" for n in range(MESSAGES)}  # none lost
    # At least once: the one message handed to the server but not yet marked sent when the
    # worker died may come twice; nothing else does.
    assert sum(arrivals.values()) - MESSAGES <= 1
    if connection.vendor != "sqlite":
        assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
