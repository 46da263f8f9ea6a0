"""A real portal server with the demo content, for the browser tests and the screenshots.

Each run gets a scratch folder with its own SQLite database and media, migrates it, loads the
demo with ``load_demo``, adds the staff accounts the staff journey logs in with, and serves it
with ``runserver`` on a free loopback port. Nothing touches the developer's own database.
Tests talk to it over HTTP only, as a citizen's browser would.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
SETTINGS = "tests.browser.settings"

# The staff journey's accounts; the groups come from home's migration.
STAFF = {
    "editor": {"username": "bientap", "password": "bien-tap-thu-nghiem", "group": "Biên tập viên"},
    "moderator": {"username": "pheduyet", "password": "phe-duyet-thu-nghiem", "group": "Phê duyệt"},
    # An editor of one sub-portal only (the group create_subportal gives the demo's Sở Tư pháp).
    "justice_editor": {
        "username": "bientap-stp",
        "password": "bien-tap-stp-thu-nghiem",
        "group": "Biên tập viên – Sở Tư pháp",
    },
}


class ServerError(RuntimeError):
    pass


def _stop_with_parent():
    """In the server process (Linux): die with the test run, even when it is killed outright."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PortalServer:
    def __init__(self, workdir=None):
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="portal-browser-"))
        self.media_root = self.workdir / "media"
        self.media_root.mkdir(parents=True, exist_ok=True)
        self.log_path = self.workdir / "server.log"
        self.port = None
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def env(self):
        env = {
            key: value
            for key, value in os.environ.items()
            # The server always runs on its own SQLite file, local search and local cache, so it
            # never writes into a database, index or cache that other tests use.
            if key not in {"DATABASE_URL", "SEARCH_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DATABASE_URL=f"sqlite:///{self.workdir / 'db.sqlite3'}",
            BROWSER_TEST_MEDIA_ROOT=str(self.media_root),
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *args, timeout=600):
        """Run a management command against the server's database; its output on failure."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise ServerError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
        return result.stdout

    def python(self, code, timeout=120):
        """Run Django code against the server's database and return what it prints."""
        return self.manage("shell", "--no-imports", "-c", code, timeout=timeout)

    def prepare(self):
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.python(f"from tests.browser.inventory import create_staff; create_staff({json.dumps(STAFF)!r})")
        (self.workdir / "prepared").touch()

    def is_prepared(self):
        return (self.workdir / "prepared").exists()

    def inventory(self):
        """Live pages by content type (``app.model`` → [{"title", "url"}]), read from the database."""
        return json.loads(self.python("from tests.browser.inventory import dump; dump()"))

    def discovery(self):
        """Page types, one live page of each and of each state, and their routes (see inventory.discover)."""
        return json.loads(self.python("from tests.browser.inventory import discover; discover()"))

    def start(self):
        self.port = free_port()
        log = open(self.log_path, "ab")  # closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{self.port}"],
            cwd=PROJECT_DIR,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_stop_with_parent if sys.platform == "linux" else None,
        )
        self._log = log
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"the portal server exited:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise ServerError(f"the portal server did not answer within 60 s:\n{self.log_tail()}")

    def log_tail(self, chars=4000):
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if getattr(self, "_log", None):
            self._log.close()
            self._log = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
