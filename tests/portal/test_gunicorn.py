"""The production stack for real: gunicorn with ops/gunicorn.conf.py, production settings, whitenoise."""
# ruff: noqa: S310 - every URL here is the loopback server this module starts

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET = "x7!k2-production-secret-for-the-test-only-0123456789abcdefghij"

# The server uses its own scratch SQLite database: once per `make test` is enough.
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="runs in the SQLite pass"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "CACHE_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "PORT": str(port),
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "SEARCH_URL": "",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        timeout=300,
    )
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "ops/gunicorn.conf.py", "portal.wsgi"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read().decode())
                time.sleep(0.3)
        yield base, work
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_the_health_check_with_production_headers(production_server):
    base, _ = production_server

    status, headers, body = fetch(f"{base}/healthz")

    assert status == 200
    assert b'"database": "ok"' in body
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]


def test_plain_http_is_redirected_to_https(production_server):
    base, _ = production_server
    request = urllib.request.Request(f"{base}/healthz", headers={"X-Forwarded-Proto": "http"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)

    assert answer.value.code == 301
    assert answer.value.headers["Location"].startswith("https://")


def test_hashed_static_files_are_cached_for_a_year_and_compressed(production_server):
    base, work = production_server
    hashed = next(
        name for name in os.listdir(work / "static" / "css") if re.fullmatch(r"portal\.[0-9a-f]{12}\.css", name)
    )

    status, headers, _ = fetch(f"{base}/static/css/{hashed}", {"Accept-Encoding": "gzip"})

    assert status == 200
    assert "immutable" in headers["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600
    assert headers.get("Content-Encoding") == "gzip"


def test_a_public_page_is_a_vietnamese_503_while_the_database_is_missing(production_server):
    # The scratch database was never migrated: every page query fails like an outage.
    base, _ = production_server

    status, headers, body = fetch(f"{base}/")

    assert status == 503
    assert "tạm thời gián đoạn" in body.decode()
    assert headers["Retry-After"] == "30"
