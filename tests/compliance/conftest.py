import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from compliance.models import ComplianceEntry, ComplianceSource
from tests.subportals.conftest import justice  # noqa: F401 - the Sở Tư pháp sub-portal, as there


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("quantri", "quantri@haugiang.gov.vn", "x")


def staff(username, *groups):
    user = get_user_model().objects.create_user(username, password="x", first_name=username)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def publish(parent, page, when=None):
    """Add ``page`` under ``parent`` and publish it, dated ``when`` if given."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(last_published_at=when)
        page.refresh_from_db()
    return page


def map_category(site, category, *, pages=(), finders=(), **fields):
    entry = ComplianceEntry.objects.create(site=site, category=category, **fields)
    for page in pages:
        ComplianceSource.objects.create(entry=entry, page=page)
    for finder in finders:
        ComplianceSource.objects.create(entry=entry, finder=finder)
    return entry


class _Handler(BaseHTTPRequestHandler):
    """200, 404, a slow answer (for the timeout), a redirect loop, and a server that refuses HEAD."""

    def _answer(self, with_body):
        server = self.server
        with server.lock:
            server.user_agents.append(self.headers.get("User-Agent", ""))
            server.active += 1
            server.most_active = max(server.most_active, server.active)
        try:
            path = self.path.split("?")[0]
            if path == "/slow":
                server.release.wait(5)
                self._send(200, with_body)
            elif path == "/loop-a":
                self._redirect("/loop-b")
            elif path == "/loop-b":
                self._redirect("/loop-a")
            elif path == "/moved":
                self._redirect("/ok")
            elif path == "/no-head" and not with_body:
                self._send(405, with_body)
            elif path in ("/ok", "/no-head") or path.startswith("/ok/"):
                self._send(200, with_body)
            else:
                self._send(404, with_body)
        finally:
            with server.lock:
                server.active -= 1

    def _send(self, code, with_body):
        body = b"<!doctype html><title>x</title>"
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self._answer(with_body=False)

    def do_GET(self):
        self._answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    """A local website on a port of 18800-18899 (no test reaches the internet)."""
    for port in range(18800, 18900):
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
            break
        except OSError:
            continue
    server.daemon_threads = True
    server.lock = threading.Lock()
    server.release = threading.Event()
    server.user_agents = []
    server.active = server.most_active = 0
    server.url = f"http://127.0.0.1:{port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
