"""The shipped nginx configuration (ops/nginx/portal.conf), run for real in front of gunicorn.

The test renders the shipped file itself: only the values that differ between machines (ports,
folders, certificate) are replaced, each of which must be found in the file. nginx runs with its
own pid, log and temporary folders; gunicorn runs the production settings on a scratch SQLite
database holding a draft and a published directive with attachments, and an image rendition.
"""
# ruff: noqa: S310, S603 - every URL and program here is the loopback stack this module starts

import datetime
import importlib.util
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

PROJECT_DIR = Path(__file__).resolve().parents[2]
SHIPPED_CONF = PROJECT_DIR / "ops" / "nginx" / "portal.conf"
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET = "x7!k2-production-secret-for-the-test-only-0123456789abcdefghij"
DRAFT_PDF = b"%PDF-1.4\n% ban du thao, chua ban hanh\n%%EOF\n"
PUBLISHED_PDF = b"%PDF-1.4\n% van ban da ban hanh\n%%EOF\n"

# The stack uses its own scratch SQLite database: once per `make test` is enough.
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="runs in the SQLite pass"
)


def seed():
    """Run by ``manage.py shell`` in gunicorn's database: prints the URLs the tests ask for."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from directives.models import DirectiveIndexPage, DirectivePage, DocumentType, IssuingBody
    from home.demo import ensure_home_page

    def pdf(name, content):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    def directive(number, document):
        page = DirectivePage(
            title=f"Kế hoạch {number}",
            summary=f"Kế hoạch {number}",
            number=number,
            issued_on=datetime.date(2011, 3, 14),
            doc_type=plan,
            issuing_body=province,
            live=False,
        )
        index.add_child(instance=page)
        page.attachments.add(page.attachments.model(document=document, title="Văn bản ký số"))
        page.save()
        return page

    home, _ = ensure_home_page()
    plan = DocumentType.objects.create(name="Kế hoạch", code="KH")
    province = IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Hậu Giang", short_name="UBND tỉnh", slug="ubnd")
    index = DirectiveIndexPage(title="Văn bản chỉ đạo, điều hành", slug="van-ban")
    home.add_child(instance=index)
    index.save_revision().publish()

    draft_document = pdf("ke-hoach-du-thao.pdf", DRAFT_PDF)
    directive("08/KH-UBND", draft_document).save_revision()
    published_document = pdf("ke-hoach-ban-hanh.pdf", PUBLISHED_PDF)
    directive("07/KH-UBND", published_document).save_revision().publish()

    picture = BytesIO()
    PillowImage.new("RGB", (40, 30), (200, 30, 30)).save(picture, "PNG")
    image = get_image_model()(title="Ảnh hội nghị", file=ImageFile(picture, name="hoi-nghi.png"))
    image.save()
    rendition = image.get_rendition("width-20")

    print(
        json.dumps(
            {
                "draft": {"url": draft_document.url, "media": draft_document.file.url},
                "published": {"url": published_document.url, "media": published_document.file.url},
                "rendition": {"url": rendition.url, "path": rendition.file.path},
                "original": image.file.url,
            }
        )
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render(text, values):
    """The shipped file with each per-machine value replaced; a value it lacks is an error."""
    for shipped, local in values.items():
        assert shipped in text, f"ops/nginx/portal.conf no longer contains {shipped!r}"
        text = text.replace(shipped, local)
    return text


def main_conf(work, site_conf):
    """The stack's http{} frame (ops/nginx/render.py), small: one worker is enough for a test."""
    spec = importlib.util.spec_from_file_location("nginx_render", PROJECT_DIR / "ops" / "nginx" / "render.py")
    render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render)
    return render.main_conf(work, site_conf, workers=1, connections=64)


def wait_for(url, process, log, context=None):
    # As if through nginx: production redirects plain HTTP to HTTPS.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url} exited:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            urllib.request.urlopen(request, timeout=5, context=context).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer within 60 s:\n{log.read_text(errors='replace')[-4000:]}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def portal_env(work, port):
    """Production settings on a scratch SQLite database, static and media folders in ``work``."""
    return {
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


def prepare_portal(env):
    """Migrate, collect static files and seed; returns the URLs ``seed`` printed."""
    commands = [
        ("migrate", "--noinput", "-v0"),
        ("collectstatic", "--noinput", "-v0"),
        ("shell", "--no-imports", "-c", "from tests.portal.test_nginx import seed; seed()"),
    ]
    for args in commands:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def self_signed_certificate(work):
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        [shutil.which("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return cert, key


@pytest.fixture(scope="module")
def stack():
    nginx = subprocess.run(
        [str(PROJECT_DIR / "ops" / "nginx.sh"), "install"], capture_output=True, text=True, timeout=900, check=True
    ).stdout.strip()
    # Not pytest's tmp_path: its parents are private to root, and nginx's workers must read here.
    work = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
    work.chmod(0o755)
    ports = {"gunicorn": free_port(), "http": free_port(), "https": free_port()}
    processes = []
    try:
        env = portal_env(work, ports["gunicorn"])
        urls = prepare_portal(env)
        cert, key = self_signed_certificate(work)
        site_conf = work / "portal.conf"
        site_conf.write_text(
            render(
                SHIPPED_CONF.read_text(),
                {
                    "server 127.0.0.1:8000;": f"server 127.0.0.1:{ports['gunicorn']};",
                    "listen 80;": f"listen 127.0.0.1:{ports['http']};",
                    "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
                    # The machine may have no IPv6: the test listens on 127.0.0.1 only.
                    "listen [::]:80;": "",
                    "listen [::]:443 ssl http2;": "",
                    "/etc/letsencrypt/live/haugiang.gov.vn/fullchain.pem": str(cert),
                    "/etc/letsencrypt/live/haugiang.gov.vn/privkey.pem": str(key),
                    "/srv/portal/staticfiles/": f"{work / 'static'}/",
                    "/srv/portal/media/": f"{work / 'media'}/",
                },
            )
        )
        nginx_conf = work / "nginx.conf"
        nginx_conf.write_text(main_conf(work, site_conf))
        nginx_command = [nginx, "-p", str(work), "-c", str(nginx_conf), "-e", str(work / "error.log")]

        gunicorn_log = work / "gunicorn.log"
        with gunicorn_log.open("wb") as log:
            gunicorn = subprocess.Popen(
                [str(GUNICORN), "-c", "ops/gunicorn.conf.py", "portal.wsgi"],
                cwd=PROJECT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        processes.append(gunicorn)
        wait_for(f"http://127.0.0.1:{ports['gunicorn']}/healthz", gunicorn, gunicorn_log)
        server = subprocess.Popen(
            [*nginx_command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        processes.append(server)
        context = ssl.create_default_context(cafile=str(cert))
        wait_for(f"https://127.0.0.1:{ports['https']}/healthz", server, work / "error.log", context)
        yield {
            "base": f"https://127.0.0.1:{ports['https']}",
            "http": f"http://127.0.0.1:{ports['http']}",
            "context": context,
            "urls": urls,
            "nginx_command": nginx_command,
            "static_root": work / "static",
        }
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(work, ignore_errors=True)


def fetch(stack, path, headers=None):
    request = urllib.request.Request(stack["base"] + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10, context=stack["context"]) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_accepts_the_shipped_configuration(stack):
    result = subprocess.run([*stack["nginx_command"], "-t"], capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    assert "[warn]" not in result.stderr


def test_a_draft_directives_attachment_is_not_served_by_its_media_path_or_its_document_url(stack):
    draft = stack["urls"]["draft"]
    assert draft["media"].startswith("/media/documents/")

    for path in (draft["media"], draft["url"]):
        status, _, body = fetch(stack, path)

        assert status == 404, path
        assert DRAFT_PDF not in body


def test_a_published_directives_attachment_is_served_through_its_document_url_only(stack):
    published = stack["urls"]["published"]

    status, headers, body = fetch(stack, published["url"])

    assert status == 200
    assert body == PUBLISHED_PDF
    assert headers["Content-Type"] == "application/pdf"
    # The media path bypasses Django's check, so it is closed even for published documents.
    assert fetch(stack, published["media"])[0] == 404


def test_nginx_serves_image_renditions_but_not_original_uploads(stack):
    rendition = stack["urls"]["rendition"]
    assert rendition["url"].startswith("/media/images/")

    status, headers, body = fetch(stack, rendition["url"])

    assert status == 200
    assert body == Path(rendition["path"]).read_bytes()
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert fetch(stack, stack["urls"]["original"])[0] == 404


def test_nginx_serves_hashed_static_files_compressed_and_cached_for_good(stack):
    hashed = next(
        name for name in os.listdir(stack["static_root"] / "css") if re.fullmatch(r"portal\.[0-9a-f]{12}\.css", name)
    )

    status, headers, body = fetch(stack, f"/static/css/{hashed}", {"Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1)) >= 365 * 24 * 3600


def test_pages_are_proxied_to_the_portal_over_https_and_plain_http_is_redirected(stack):
    status, headers, body = fetch(stack, "/healthz")
    assert status == 200
    assert b'"database": "ok"' in body
    # Django saw X-Forwarded-Proto: https from nginx, so it neither redirected nor refused the host.
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(NoRedirect).open(f"{stack['http']}/healthz", timeout=10)
    assert answer.value.code == 301
    assert answer.value.headers["Location"] == "https://127.0.0.1/healthz"


def status_for_upload_of(stack, size):
    """nginx's answer to an upload announcing ``size`` bytes: it refuses too large ones on the header."""
    host, port = stack["base"].removeprefix("https://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw:
        with stack["context"].wrap_socket(raw, server_hostname=host) as tls:
            # nginx answers this path itself, so no body needs sending to see whether it was accepted.
            tls.sendall(
                f"POST /media/documents/tai-len.pdf HTTP/1.1\r\nHost: {host}\r\nContent-Length: {size}\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n\r\n".encode()
            )
            return int(tls.recv(64).split()[1])


def test_nginx_lets_uploads_at_the_portals_size_limits_through(stack):
    largest = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    form_overhead = 1024 * 1024

    assert status_for_upload_of(stack, largest + form_overhead) == 404
    assert status_for_upload_of(stack, 2 * largest) == 413
