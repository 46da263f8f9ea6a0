"""The shipped Varnish configuration (ops/varnish/portal.vcl), run for real in front of the portal.

varnishd (Debian's package, installed by ops/varnish.sh) runs the shipped VCL with only its
backend port replaced, in front of the test's live server. Publishing sends Wagtail's PURGE
requests to it (portal/cache.py, WAGTAILFRONTENDCACHE): what a visitor sees through Varnish
changes at once, on the host of the site the page belongs to, and varnishd's own log shows
which URLs were purged for which host.
"""
# ruff: noqa: S310, S603 - every URL and program here is the loopback Varnish this module starts

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

from directives.models import OperationalNewsIndexPage, OperationalNewsPage
from subportals.creating import create_subportal

PROJECT_DIR = Path(__file__).resolve().parents[2]
SHIPPED_VCL = PROJECT_DIR / "ops" / "varnish" / "portal.vcl"
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "varnish-tests"}}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def varnish(live_server):
    varnishd = subprocess.run(
        [str(PROJECT_DIR / "ops" / "varnish.sh"), "install"], capture_output=True, text=True, timeout=900, check=True
    ).stdout.strip()
    # Readable by the unprivileged user varnishd hands its worker to when started as root.
    work = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
    work.chmod(0o755)
    vcl = SHIPPED_VCL.read_text()
    backend = '.port = "8080";'
    assert backend in vcl, "ops/varnish/portal.vcl no longer names its backend port as the test expects"
    (work / "portal.vcl").write_text(vcl.replace(backend, f'.port = "{live_server.url.rsplit(":", 1)[1]}";'))
    port = free_port()
    log = work / "varnishd.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [varnishd, "-F", "-n", str(work / "n"), "-a", f"127.0.0.1:{port}", "-f", str(work / "portal.vcl")]
            + ["-s", "malloc,32m"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"varnishd exited:\n{log.read_text(errors='replace')[-4000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"varnishd did not listen within 60 s:\n{log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield {"url": url, "workdir": work / "n"}
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def purging(varnish, home_page):
    """The portal's page cache on, and Varnish as its frontend cache, emptied for each test."""
    backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish["url"]}
    with override_settings(
        CACHES=LOCMEM,
        PAGE_CACHE_ENABLED=True,
        WAGTAILFRONTENDCACHE={"varnish": backend},
        ALLOWED_HOSTS=["127.0.0.1", "localhost", ".localhost"],
    ):
        caches["default"].clear()
        ban_everything(varnish)
        yield varnish
        caches["default"].clear()


def ban_everything(varnish):
    # A fresh cache per test without restarting varnishd.
    subprocess.run(
        [shutil.which("varnishadm"), "-n", str(varnish["workdir"]), "ban", "req.url ~ ."],
        capture_output=True,
        check=False,
    )


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect itself is the answer: its host names no machine here


def fetch(varnish, host, path="/", cookie=None):
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(varnish["url"] + path, headers=headers)
    try:
        with urllib.request.build_opener(_NoRedirects).open(request, timeout=30) as response:
            return response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.headers.get("X-Cache"), error.read().decode()


def cached(varnish, host, path="/"):
    """Fetch until Varnish answers from its cache; the body it keeps."""
    fetch(varnish, host, path)
    status, body = fetch(varnish, host, path)
    assert status == "hit", f"{host}{path} was not kept by Varnish"
    return body


def purges(varnish):
    """How many PURGE requests varnishd received for each (Host, URL), from its own shared-memory log."""
    result = subprocess.run(
        [shutil.which("varnishlog"), "-d", "-n", str(varnish["workdir"]), "-g", "request", "-q", "ReqMethod eq PURGE"]
        + ["-i", "ReqURL,ReqHeader"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    found, url = Counter(), None
    for line in result.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] == "ReqURL":
            url = parts[2].strip()
        elif len(parts) == 3 and parts[1] == "ReqHeader" and parts[2].lower().startswith("host:"):
            found[(parts[2].split(":", 1)[1].strip(), url)] += 1
    return found


def news_index(site):
    return OperationalNewsIndexPage.objects.descendant_of(site.root_page).get()


def publish_news(index, title):
    page = OperationalNewsPage(title=title, lead=title)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_kept_by_varnish_shows_the_change_as_soon_as_it_is_published(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    index = news_index(justice.subportal.site)
    page = publish_news(index, "Tin cũ về hộ tịch")
    path = page.get_url_parts()[2]
    assert "Tin cũ về hộ tịch" in cached(purging, "sotuphap.localhost", path)
    assert "Tin cũ về hộ tịch" in cached(purging, "sotuphap.localhost", index.get_url_parts()[2])

    page.title = "Tin mới về hộ tịch"
    page.save_revision().publish()

    for shown in (path, index.get_url_parts()[2], "/"):
        status, body = fetch(purging, "sotuphap.localhost", shown)
        assert status == "miss", shown
        assert "Tin mới về hộ tịch" in body, shown


def test_publishing_purges_the_page_its_listings_and_feeds_on_its_own_host_and_the_provinces(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    information = create_subportal(
        name="Sở Thông tin và Truyền thông", short_name="STTTT", hostname="sotttt.localhost", kind="department"
    )
    index = news_index(justice.subportal.site)
    assert information.subportal.site.site_name in cached(purging, "sotttt.localhost", "/")

    before = purges(purging)
    page = publish_news(index, "Thông báo lịch tiếp công dân")
    purged = purges(purging) - before

    path = page.get_url_parts()[2]
    for host, url in [
        ("sotuphap.localhost", path),
        ("sotuphap.localhost", index.get_url_parts()[2]),
        ("sotuphap.localhost", "/"),
        ("sotuphap.localhost", "/nguon-tin/tin-chi-dao/rss/"),
        ("localhost", "/"),
        ("localhost", "/nguon-tin/tin-chi-dao/rss/"),
    ]:
        assert (host, url) in purged, (host, url)
    # Another sub-portal's pages are not the news of this one: they stay cached.
    assert not [url for host, url in purged if host == "sotttt.localhost"]
    assert fetch(purging, "sotttt.localhost", "/")[0] == "hit"


def test_unpublishing_and_deleting_purge_the_page(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    index = news_index(justice.subportal.site)
    page = publish_news(index, "Tin sẽ gỡ xuống")
    path = page.get_url_parts()[2]
    cached(purging, "sotuphap.localhost", path)
    page.unpublish()
    assert fetch(purging, "sotuphap.localhost", path)[0] == "miss"

    page.save_revision().publish()
    cached(purging, "sotuphap.localhost", path)
    page.delete()
    status, body = fetch(purging, "sotuphap.localhost", path)
    assert status == "miss"
    assert "Tin sẽ gỡ xuống" not in body


def test_a_visitor_with_a_cookie_is_never_served_from_or_stored_in_varnish(purging, site):
    cached(purging, "localhost", "/")
    for _ in range(2):
        assert fetch(purging, "localhost", "/", cookie="csrftoken=abc")[0] == "miss"
        assert fetch(purging, "localhost", "/", cookie="sessionid=abc")[0] == "miss"


def test_search_results_pass_through_varnish(purging, site):
    fetch(purging, "localhost", "/tim-kiem/?q=ho+tich")
    assert fetch(purging, "localhost", "/tim-kiem/?q=ho+tich")[0] == "miss"


def test_publishing_purges_each_url_once(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    page = publish_news(news_index(justice.subportal.site), "Lịch tiếp công dân tháng Một")

    before = purges(purging)
    page.title = "Lịch tiếp công dân tháng Hai"
    page.save_revision().publish()
    purged = purges(purging) - before

    assert ("sotuphap.localhost", page.get_url_parts()[2]) in purged
    assert ("localhost", "/") in purged
    assert {key: count for key, count in purged.items() if count > 1} == {}


def test_moving_a_page_purges_its_old_and_new_url_on_their_hosts(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    information = create_subportal(
        name="Sở Thông tin và Truyền thông", short_name="STTTT", hostname="sotttt.localhost", kind="department"
    )
    justice_news, information_news = news_index(justice.subportal.site), news_index(information.subportal.site)
    page = publish_news(justice_news, "Thông báo tuyển dụng công chức")
    old_path = page.get_url_parts()[2]
    new_path = information_news.get_url_parts()[2] + page.slug + "/"
    assert "Thông báo tuyển dụng công chức" in cached(purging, "sotuphap.localhost", old_path)
    # The new address is kept too, as the "not found" page it is until the move.
    cached(purging, "sotttt.localhost", new_path)
    cached(purging, "sotttt.localhost", information_news.get_url_parts()[2])

    before = purges(purging)
    page.move(information_news, pos="last-child")
    purged = purges(purging) - before

    for host, url in [
        ("sotuphap.localhost", old_path),
        ("sotuphap.localhost", justice_news.get_url_parts()[2]),
        ("sotttt.localhost", new_path),
        ("sotttt.localhost", information_news.get_url_parts()[2]),
    ]:
        assert (host, url) in purged, (host, url)
    assert {key: count for key, count in purged.items() if count > 1} == {}
    status, body = fetch(purging, "sotttt.localhost", new_path)
    assert status == "miss"
    assert "Thông báo tuyển dụng công chức" in body
    status, body = fetch(purging, "sotuphap.localhost", old_path)
    assert status == "miss"
    assert "Thông báo tuyển dụng công chức" not in body


def test_a_new_slug_for_a_section_purges_the_old_addresses_of_the_pages_below_it(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    index = news_index(justice.subportal.site)
    page = publish_news(index, "Kết quả giải quyết hồ sơ hộ tịch")
    old_path = page.get_url_parts()[2]
    new_path = old_path.replace(f"/{index.slug}/", "/tin-dieu-hanh/")
    assert "Kết quả giải quyết hồ sơ hộ tịch" in cached(purging, "sotuphap.localhost", old_path)
    cached(purging, "sotuphap.localhost", new_path)  # the "not found" page it is until then

    index.slug = "tin-dieu-hanh"
    index.save_revision().publish()
    page.refresh_from_db()

    assert page.get_url_parts()[2] == new_path
    status, body = fetch(purging, "sotuphap.localhost", old_path)
    assert status == "miss"
    assert "Kết quả giải quyết hồ sơ hộ tịch" not in body  # Wagtail's redirect, not the old copy
    status, body = fetch(purging, "sotuphap.localhost", new_path)
    assert status == "miss"
    assert "Kết quả giải quyết hồ sơ hộ tịch" in body


def test_moving_a_section_purges_the_old_and_new_addresses_of_the_pages_below_it(purging, site):
    justice = create_subportal(name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department")
    index = news_index(justice.subportal.site)
    index.slug = "tin-tu-phap"  # the province has a news section of its own name
    index.save_revision().publish()
    index.refresh_from_db()
    page = publish_news(index, "Lịch tiếp công dân của Sở Tư pháp")
    old_path = page.get_url_parts()[2]
    assert "Lịch tiếp công dân của Sở Tư pháp" in cached(purging, "sotuphap.localhost", old_path)
    # The province's address of it is kept too, as the "not found" page it is until the move.
    cached(purging, "localhost", old_path)

    before = purges(purging)
    index.move(site.root_page, pos="last-child")
    purged = purges(purging) - before

    assert ("sotuphap.localhost", old_path) in purged
    assert ("localhost", old_path) in purged
    assert {key: count for key, count in purged.items() if count > 1} == {}
    status, body = fetch(purging, "sotuphap.localhost", old_path)
    assert status == "miss"
    assert "Lịch tiếp công dân của Sở Tư pháp" not in body
    status, body = fetch(purging, "localhost", old_path)
    assert status == "miss"
    assert "Lịch tiếp công dân của Sở Tư pháp" in body
