"""Faults against the production shape on one machine (ops/stack.sh), under load: `make resilience`.

Each scenario runs wrk (Debian) on loopback with bench/resilience-mix.lua and a mix of the stack's
real URLs (about 60% pages, 20% filtered listings, 15% search, 5% autocomplete, across the
province portal and the sub-portals), breaks one part, measures, and mends it. Every wrk run is
bounded in time (-d) and in count (RESILIENCE_MAX_REQUESTS); every subprocess has a timeout.
The results, one row per scenario, are written to bench/RESILIENCE.md (the newest run on top).

    .venv/bin/python -m bench.resilience                        # every scenario, 20-minute soak
    .venv/bin/python -m bench.resilience --soak-seconds 120     # a short soak
    .venv/bin/python -m bench.resilience --only publish,app     # some scenarios

Publishing is done in this process, with the same settings (database, Redis, Varnish) as the app
servers: the same code path as the admin's publish button (``save_revision().publish()``).
"""
# ruff: noqa: S108, S310, S311, S603, S607, S608 - loopback URLs, programs and tables of ops/stack.sh's stack

import argparse
import datetime
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "ops" / "stack.sh"
MIX = ROOT / "bench" / "resilience-mix.lua"
REPORT = ROOT / "bench" / "RESILIENCE.md"
PYTHON = sys.executable
MAX_REQUESTS = 200_000
SEARCH_TERMS = ["hộ tịch", "đăng ký kinh doanh", "chứng thực", "đất đai", "xây dựng", "kế hoạch", "y tế", "giáo dục"]
PREFIXES = ["cap", "dang", "ho", "chung", "giay", "thu"]


def stack_env():
    output = subprocess.run(["bash", str(STACK), "env"], capture_output=True, text=True, check=True, timeout=60)
    env = dict(line.split("=", 1) for line in output.stdout.splitlines() if "=" in line)
    env["LOG_LEVEL"] = "ERROR"
    return env


ENV = stack_env()
PORTS = {
    "varnish": int(os.environ.get("STACK_VARNISH_PORT", "18900")),
    "nginx": int(os.environ.get("STACK_NGINX_PORT", "18901")),
    "apps": [int(port) for port in os.environ.get("STACK_APP_PORTS", "18910 18911").split()],
    "opensearch": [int(port) for port in os.environ.get("STACK_OPENSEARCH_PORTS", "9406 9407 9408").split()],
}
STACK_DIR = Path(os.environ.get("STACK_DIR", f"/tmp/portal-stack-{PORTS['varnish']}"))
os.environ.update(ENV)

import django  # noqa: E402 - the stack's settings must be in the environment first

django.setup()


# Helpers -----------------------------------------------------------------------------------------


def part(action, name, number=None):
    args = ["bash", str(STACK), "part", action, name] + ([str(number)] if number else [])
    subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)


def get(url, host="localhost", timeout=10):
    """(status, headers, body) of a GET with ``host`` as Host; (0, {}, error) when nothing answers."""
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")
    except OSError as error:
        return 0, {}, str(error)


def wait_until(check, timeout):
    """Seconds until ``check()`` holds, or None after ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return round(time.monotonic() - started, 2)
        time.sleep(0.1)
    return None


def collect_urls():
    """kind, host, path of real URLs: pages of every site, filtered listings, searches, autocomplete."""
    from wagtail.models import Page, Site

    from directives.models import DirectiveIndexPage

    pages, listings = [], []
    for site in Site.objects.all():
        for page in Page.objects.descendant_of(site.root_page, inclusive=True).live().public()[:150]:
            parts = page.get_url_parts()
            if parts and parts[0] == site.pk:
                pages.append(("page", site.hostname, parts[2]))
        for index in DirectiveIndexPage.objects.descendant_of(site.root_page, inclusive=True).live():
            path = index.get_url_parts()[2]
            for query in ("?q=ke+hoach", "?q=chi+thi", "?nam=2025", "?nam=2026", "?page=2", "?tinh_trang=hieu-luc"):
                listings.append(("listing", site.hostname, path + query))
    hosts = [site.hostname for site in Site.objects.all()]
    searches = [("search", h, f"/tim-kiem/?q={urllib.parse.quote_plus(term)}") for h in hosts for term in SEARCH_TERMS]
    completions = [("autocomplete", h, f"/api/search/autocomplete/?q={prefix}") for h in hosts for prefix in PREFIXES]
    mix = []
    rng = random.Random(18)
    for share, urls in ((60, pages), (20, listings), (15, searches), (5, completions)):
        mix += [rng.choice(urls) for _ in range(share * 10)] if urls else []
    return mix


def write_mix(name, urls):
    path = STACK_DIR / f"mix-{name}.tsv"
    path.write_text("".join(f"{kind}\t{host}\t{path}\n" for kind, host, path in urls))
    return path


class Load:
    """wrk in the background on one URL mix; ``finish()`` gives its RESULT line as a dict."""

    def __init__(self, mix_file, port, seconds, connections=4):
        self.seconds = seconds
        env = {**os.environ, "RESILIENCE_URLS": str(mix_file), "RESILIENCE_MAX_REQUESTS": str(MAX_REQUESTS)}
        command = [shutil.which("wrk"), "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "-s", str(MIX)]
        self.process = subprocess.Popen(
            [*command, f"http://127.0.0.1:{port}"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def finish(self):
        output, _ = self.process.communicate(timeout=self.seconds + 60)
        for line in output.splitlines():
            if line.startswith("RESULT "):
                return json.loads(line[len("RESULT ") :])
        raise RuntimeError(f"wrk gave no result:\n{output[-2000:]}")


def row(name, load, result, passed, recover=None, notes=""):
    return {
        "scenario": name,
        "load": load,
        "requests": result.get("requests", 0) if result else 0,
        "fivexx": result.get("fivexx", 0) if result else 0,
        "errors": result.get("socket_errors", 0) if result else 0,
        "worst_ms": result.get("max_ms") if result else None,
        "recover_s": recover,
        "passed": passed,
        "notes": notes,
    }


def pids_of(pid_file):
    try:
        return int(Path(pid_file).read_text().strip())
    except (OSError, ValueError):
        return None


def publish_title(suffix):
    """Retitle a live news item of the province portal and publish it; its host, path and title."""
    from wagtail.models import Site

    from directives.models import OperationalNewsPage

    site = Site.objects.get(is_default_site=True)
    page = OperationalNewsPage.objects.live().descendant_of(site.root_page).order_by("pk").first()
    page.title = f"Tin kiểm thử khả năng chịu lỗi {suffix}"
    page.save_revision().publish()
    return site.hostname, page.get_url_parts()[2], page.title


def visible(port, host, path, title):
    return lambda: title in get(f"http://127.0.0.1:{port}{path}", host)[2]


# Scenarios ---------------------------------------------------------------------------------------


def scenario_publish(mix, seconds):
    load = Load(mix, PORTS["varnish"], seconds)
    time.sleep(min(3, seconds / 3))
    host, path, title = publish_title(datetime.datetime.now().strftime("%H%M%S"))
    through_varnish = wait_until(visible(PORTS["varnish"], host, path, title), 10)
    on_b = wait_until(visible(PORTS["apps"][1], host, path, title), 10)
    result = load.finish()
    passed = through_varnish is not None and through_varnish <= 2 and on_b is not None and on_b <= 2
    notes = f"visible through Varnish after {through_varnish} s, on app server B after {on_b} s"
    return row("Publish, seen through Varnish and on app server B", "mix via Varnish", result, passed, None, notes)


FEEDBACK_FORM = re.compile(r'<form class="page-feedback" method="post" action="([^"]+)"')
FEEDBACK_PAGE = re.compile(r'<input type="hidden" name="page" value="(\d+)">')


def feedback_form(host="localhost"):
    """Path, page id and action of the page-feedback form at the foot of a guidance page, read through nginx."""
    from wagtail.models import Site

    from home.models import StandardPage

    site = Site.objects.get(hostname=host)
    page = StandardPage.objects.live().public().descendant_of(site.root_page).order_by("pk").first()
    path = page.get_url_parts()[2]
    status, _, body = get(f"http://127.0.0.1:{PORTS['nginx']}{path}", host)
    action, page_id = FEEDBACK_FORM.search(body), FEEDBACK_PAGE.search(body)
    if status != 200 or not action or not page_id:
        raise RuntimeError(f"no feedback form on {host}{path} (HTTP {status})")
    return path, page_id.group(1), action.group(1)


def post_feedback(form, reason, source, host="localhost"):
    """Send the form as a visitor at ``source`` (a loopback address) would; the HTTP status, 0 if none came."""
    path, page_id, action = form
    body = urllib.parse.urlencode({"page": page_id, "helpful": "yes", "reason": reason})
    # The form's own checks: posted from a page of this host (Origin, Referer); no CSRF token, as the
    # page cache serves it (participation/feedback.py). Each visitor its own address for the rate limit.
    headers = {
        "Host": host,
        "Origin": f"http://{host}",
        "Referer": f"http://{host}{path}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    connection = http.client.HTTPConnection("127.0.0.1", PORTS["nginx"], timeout=10, source_address=(source, 0))
    try:
        connection.request("POST", action, body=body, headers=headers)
        return connection.getresponse().status
    except OSError:
        return 0
    finally:
        connection.close()


def scenario_app_killed(mix, seconds, posts=20):
    from participation.models import PageFeedback

    # Uncached traffic straight at nginx too, so the app servers really answer during the fault.
    load = Load(mix, PORTS["nginx"], seconds)
    form = feedback_form()
    time.sleep(seconds / 4)
    # Real submissions, each with a unique marker in its reason, from 20 visitors: the per-address
    # rate limit (10 an hour) counts each once. They straddle the kill, a few in flight when A dies.
    marker = f"probe-{time.time():.0f}"
    rng = random.Random(marker)
    sources = [f"127.{rng.randint(1, 254)}.{rng.randint(0, 255)}.{number + 1}" for number in range(posts)]

    def send(number):
        time.sleep(number * 0.1)
        return post_feedback(form, f"{marker}-{number}", sources[number])

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(send, number) for number in range(posts)]
        time.sleep(0.5)
        os.killpg(pids_of(STACK_DIR / "app-1.pid"), signal.SIGKILL)
        answers = [future.result() for future in futures]
    result = load.finish()
    stored = Counter(PageFeedback.objects.filter(reason__startswith=f"{marker}-").values_list("reason", flat=True))
    accepted = {f"{marker}-{number}" for number, status in enumerate(answers) if status == 200}
    (STACK_DIR / "app-1.pid").unlink(missing_ok=True)
    started = time.monotonic()
    part("start", "app", 1)
    recover = round(time.monotonic() - started, 1)
    twice = sum(1 for count in stored.values() if count > 1)
    unanswered_but_stored = len(set(stored) - accepted)
    passed = (
        result["fivexx"] == 0
        and result["socket_errors"] == 0
        and set(stored) == accepted
        and twice == 0
        and len(accepted) >= posts // 2
    )
    statuses = ", ".join(f"{answers.count(code)}× {code}" for code in sorted(set(answers)))
    notes = (
        f"app server A's gunicorn (master and workers) SIGKILLed while {posts} page-feedback POSTs from {posts} "
        f"addresses were being sent (through nginx, with Origin, each reason a unique marker): answered {statuses}; "
        f"{sum(stored.values())} rows stored for {len(accepted)} answered 200, {twice} stored twice, "
        f"{unanswered_but_stored} stored without a 200. Recovery = A restarted and healthy"
    )
    PageFeedback.objects.filter(reason__startswith=f"{marker}-").delete()
    return row("One app server killed", "mix via nginx", result, passed, recover, notes)


def cluster_health(timeout=3):
    """The cluster's health as any node that answers gives it; {} when none does."""
    from opensearchpy import OpenSearch
    from opensearchpy.exceptions import OpenSearchException

    hosts = [f"http://127.0.0.1:{port}" for port in PORTS["opensearch"]]
    client = OpenSearch(hosts, timeout=timeout, max_retries=len(hosts) - 1, retry_on_timeout=True)
    try:
        return client.cluster.health()
    except OpenSearchException:
        return {}


def green():
    return cluster_health().get("status") == "green"


def kill_node(number):
    pid = pids_of(STACK_DIR / f"opensearch-{number}" / "node.pid")
    if pid:
        os.kill(pid, signal.SIGKILL)


def rebuild_index():
    """update_index as an operator runs it: patient with a cluster that has just restarted.

    The app servers' client gives up after 5 s so that a visitor's search falls back at once;
    creating the indexes and writing every page on a fresh cluster of a busy machine may take longer.
    """
    import copy

    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["TIMEOUT"] = 60
    backends["default"]["OPTIONS"] = {**backends["default"].get("OPTIONS", {}), "retry_on_timeout": True}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", verbosity=0)


def scenario_one_node(search_mix, seconds):
    wait_until(green, 180)
    load = Load(search_mix, PORTS["nginx"], seconds)
    time.sleep(seconds / 4)
    kill_node(2)
    result = load.finish()
    started = time.monotonic()
    part("start", "opensearch", 2)
    green_again = wait_until(green, 180)
    recover = round(time.monotonic() - started, 1) if green_again is not None else None
    passed = result["fivexx"] == 0 and result["status_errors"] == 0 and recover is not None
    health = cluster_health().get("status")
    notes = f"node 2 SIGKILLed under search load; cluster {health} again {recover} s after its restart"
    return row("One OpenSearch node killed", "searches via nginx", result, passed, recover, notes)


def scenario_all_nodes(search_mix, seconds):
    # The previous scenario may leave a node still copying its replicas: start from a whole cluster.
    green_before = wait_until(green, 180)
    for number in (1, 2, 3):
        kill_node(number)
    all_down = wait_until(lambda: not cluster_health(timeout=1), 30) is not None
    load = Load(search_mix, PORTS["nginx"], seconds)
    result = load.finish()
    # While every node is down, a search is answered with results: they can only come from the database.
    status, _, body = get(f"http://127.0.0.1:{PORTS['nginx']}/api/search/?q=ho+tich")
    found = json.loads(body).get("total", 0) if status == 200 else 0
    still_down = not cluster_health(timeout=1)
    started = time.monotonic()
    part("start", "opensearch")
    wait_until(green, 180)
    attempts, error = 0, None
    while attempts < 3:
        attempts += 1
        try:
            rebuild_index()
            error = None
            break
        except Exception as failure:  # noqa: BLE001 - recorded in the row
            error = failure
            wait_until(green, 60)
    recover = round(time.monotonic() - started, 1) if error is None else None
    passed = (
        all_down
        and still_down
        and result["fivexx"] == 0
        and result["status_errors"] == 0
        and found > 0
        and error is None
    )
    notes = (
        f"cluster green before the kill: {green_before is not None}; every node SIGKILLed (none answering: "
        f"{all_down and still_down}); searches answered from the database (the search API after the load: HTTP "
        f"{status}, {found} results); recovery = nodes restarted, green and the index rebuilt (update_index, "
        f"{attempts} attempt(s){f', last error {error!r}'[:160] if error else ''})"
    )
    return row("All OpenSearch nodes killed", "searches via nginx", result, passed, recover, notes)


def scenario_redis(mix, seconds):
    load = Load(mix, PORTS["nginx"], seconds)
    time.sleep(seconds / 4)
    part("stop", "redis")
    time.sleep(seconds / 4)
    started = time.monotonic()
    part("start", "redis")
    recover = round(time.monotonic() - started, 1)
    result = load.finish()
    passed = result["fivexx"] == 0 and result["socket_errors"] == 0
    return row("Redis restarted", "mix via nginx", result, passed, recover, f"Redis down for ~{seconds / 4:.0f} s")


def scenario_postgres(mix, seconds):
    load = Load(mix, PORTS["nginx"], seconds)
    time.sleep(seconds / 4)
    part("stop", "postgres")
    status, headers, _ = get(f"http://127.0.0.1:{PORTS['apps'][0]}/?uncached={time.time()}")
    retry_after = headers.get("Retry-After")
    time.sleep(seconds / 4)
    part("start", "postgres")
    back = wait_until(lambda: all(get(f"http://127.0.0.1:{port}/healthz")[0] == 200 for port in PORTS["apps"]), 60)
    result = load.finish()
    passed = status == 503 and retry_after is not None and back is not None and back <= 5
    notes = (
        f"while down, an uncached page answered {status} with Retry-After: {retry_after}; "
        f"{result['unavailable']} of {result['fivexx']} 5xx were 503; both app servers healthy {back} s after "
        "PostgreSQL accepted connections again"
    )
    return row("PostgreSQL restarted", "mix via nginx", result, passed, back, notes)


def scenario_import(rows=2000):
    from bench.generate import register_file_rows
    from directives.models import DocumentType, IssuingBody, RegisterEntry

    # One sign per body, so that every row of the file has its own number.
    bodies = [(body, f"RS{n}") for n, body in enumerate(IssuingBody.objects.all()[:5])]
    doc_types = list(DocumentType.objects.all()[:4])
    file_rows = register_file_rows(rows, bodies, doc_types, first_serial=70_000 + random.randint(0, 9) * 1000)
    path = STACK_DIR / "register-resilience.csv"
    header = ["Số ký hiệu", "Loại văn bản", "Trích yếu", "Cơ quan ban hành", "Người ký", "Ngày ban hành"]
    keys = ["number", "doc_type", "title", "issuer", "signer", "issued_on"]
    import csv

    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows([[row_[key] for key in keys] for row_ in file_rows])
    numbers = [row_["number"] for row_ in file_rows]
    assert len(set(numbers)) == len(numbers), "the generated file repeats a number"
    baseline = RegisterEntry.objects.count()
    command = [PYTHON, str(ROOT / "manage.py"), "import_register", str(path)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until(lambda: RegisterEntry.objects.count() > baseline + 200 or process.poll() is not None, 120)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    killed_at = RegisterEntry.objects.count() - baseline
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, capture_output=True, timeout=600, check=False)
    recover = round(time.monotonic() - started, 1)
    imported = RegisterEntry.objects.filter(number__in=numbers)
    total, distinct = imported.count(), imported.values("number").distinct().count()
    passed = total == distinct == len(numbers)
    notes = (
        f"{rows}-row file; import SIGKILLed with {killed_at} rows stored, then run again: "
        f"{total} rows of the file in the register, {distinct} distinct numbers"
    )
    return row("Register import SIGKILLed mid-file, rerun", "none", None, passed, recover, notes)


def table_counts(database_url):
    tables = ["wagtailcore_page", "directives_registerentry", "wagtaildocs_document", "wagtailimages_image"]
    sql = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in tables)
    output = subprocess.run(
        ["psql", database_url, "-tAc", sql], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    return dict(line.split("|") for line in output.split())


def scenario_backup(mix, seconds):
    destination = STACK_DIR / "backups"
    destination.mkdir(exist_ok=True)
    load = Load(mix, PORTS["varnish"], seconds)
    time.sleep(2)
    env = {**os.environ}
    command = ["bash", str(ROOT / "ops" / "backup.sh"), str(destination)]
    backup = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    source = table_counts(ENV["DATABASE_URL"])
    result = load.finish()
    if backup.returncode:
        return row("Backup under load, restored", "mix via Varnish", result, False, None, backup.stderr[-300:])
    folder = backup.stdout.strip().splitlines()[-1]
    port = ENV["DATABASE_URL"].rsplit(":", 1)[1].split("/")[0]
    admin = f"postgres://portal:portal-test@127.0.0.1:{port}/portal"
    subprocess.run(["psql", admin, "-qc", "DROP DATABASE IF EXISTS portal_restored"], capture_output=True, timeout=60)
    subprocess.run(["psql", admin, "-qc", "CREATE DATABASE portal_restored"], capture_output=True, timeout=60)
    restored_url = admin.rsplit("/", 1)[0] + "/portal_restored"
    media = STACK_DIR / "restored-media"
    shutil.rmtree(media, ignore_errors=True)
    media.mkdir()
    restore = subprocess.run(
        ["bash", str(ROOT / "ops" / "restore.sh"), folder],
        env={**env, "DATABASE_URL": restored_url, "MEDIA_ROOT": str(media)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    restored = table_counts(restored_url) if restore.returncode == 0 else {}
    files = lambda root: sum(1 for item in Path(root).rglob("*") if item.is_file())  # noqa: E731
    same_media = files(ENV["MEDIA_ROOT"]) == files(media)
    passed = restore.returncode == 0 and restored == source and same_media
    notes = f"counts {source} → restored {restored}; media files identical in number: {same_media}"
    return row("Backup under load, restored", "mix via Varnish", result, passed, None, notes)


def worker_rss():
    """Resident memory (kB) of each gunicorn worker of both app servers."""
    sizes = []
    for number in (1, 2):
        master = pids_of(STACK_DIR / f"app-{number}.pid")
        if not master:
            continue
        children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
        for child in children:
            status = Path(f"/proc/{child}/status")
            if status.exists():
                for line in status.read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]))
    return sizes


def scenario_soak(mix, seconds):
    rss_before = worker_rss()
    load = Load(mix, PORTS["varnish"], seconds)
    delays, late = [], 0
    deadline = time.monotonic() + seconds - 5
    number = 0
    while time.monotonic() < deadline:
        tick = time.monotonic()
        number += 1
        host, path, title = publish_title(f"soak {number} {datetime.datetime.now():%H%M%S}")
        delay = wait_until(visible(PORTS["varnish"], host, path, title), 10)
        delays.append(delay)
        late += delay is None or delay > 2
        time.sleep(max(0, 10 - (time.monotonic() - tick)))
    result = load.finish()
    rss_after = worker_rss()
    before, after = sum(rss_before) / max(len(rss_before), 1), sum(rss_after) / max(len(rss_after), 1)
    growth = (after - before) / before * 100 if before else None
    worst = max((d for d in delays if d is not None), default=None)
    passed = late == 0 and result["fivexx"] == 0 and growth is not None and growth < 10
    notes = (
        f"{len(delays)} publications, one every 10 s; worst time to show through Varnish {worst} s, "
        f"{late} later than 2 s; mean worker RSS {before / 1024:.0f} → {after / 1024:.0f} MB "
        f"({growth:+.1f}%; gunicorn recycles workers every ~2000 requests)"
    )
    return row(f"Soak, {seconds // 60} min", "mix via Varnish", result, passed, None, notes)


def varnish_counters():
    """Varnish's hits and misses so far, once they have settled.

    Worker threads add their counts to the shared counters a few seconds late: read too soon after
    a load, the counters miss most of it (a run of 2026-12-05 read a 0% hit ratio at 257 req/s).
    """

    def read():
        output = subprocess.run(
            ["varnishstat", "-n", str(STACK_DIR / "varnish" / "n"), "-1", "-j"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        data = json.loads(output)
        counters = data.get("counters", data)
        return counters["MAIN.cache_hit"]["value"], counters["MAIN.cache_miss"]["value"]

    counts = read()
    for _ in range(30):
        time.sleep(1)
        counts, previous = read(), counts
        if counts == previous:
            break
    return counts


def scenario_throughput(mix, seconds):
    hits0, misses0 = varnish_counters()
    through_varnish = Load(mix, PORTS["varnish"], seconds, connections=8).finish()
    hits1, misses1 = varnish_counters()
    through_nginx = Load(mix, PORTS["nginx"], seconds, connections=8).finish()
    one_app = Load(mix, PORTS["apps"][0], seconds, connections=8).finish()
    ratio = (hits1 - hits0) / max((hits1 - hits0) + (misses1 - misses0), 1) * 100

    def rate(result):
        return result["requests"] / result["duration_s"]

    notes = (
        f"Varnish {rate(through_varnish):.0f} req/s (hit ratio {ratio:.0f}%), nginx over both app servers "
        f"{rate(through_nginx):.0f} req/s, app server A alone {rate(one_app):.0f} req/s "
        "(the Redis page cache is on behind all three)"
    )
    return row("Throughput: Varnish, nginx, one app server", "mix, 8 connections", through_varnish, True, None, notes)


# Report ------------------------------------------------------------------------------------------


def markdown(rows, args, started):
    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    load_avg = os.getloadavg()
    lines = [
        f"## Run of {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {cpu} cores, {platform.platform()}, Python {platform.python_version()}; load average at the end "
        f"{load_avg[0]:.1f}. {args.note or 'No note on what else ran on the machine.'} The pass/fail criteria "
        "are not about speed.",
        f"Load per scenario: wrk, 2 threads, 4 connections (8 for throughput), {args.seconds} s, at most "
        f"{MAX_REQUESTS:,} responses per thread; soak {args.soak_seconds} s.",
        "",
        "| scenario | load | requests | 5xx | socket errors | worst latency | time to recover | result | notes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for item in rows:
        worst = f"{item['worst_ms']:.0f} ms" if item["worst_ms"] is not None else "–"
        recover = f"{item['recover_s']} s" if item["recover_s"] is not None else "–"
        lines.append(
            f"| {item['scenario']} | {item['load']} | {item['requests']:,} | {item['fivexx']} | {item['errors']} | "
            f"{worst} | {recover} | {'pass' if item['passed'] else '**FAIL**'} | {item['notes']} |"
        )
    return "\n".join(lines) + "\n"


SCENARIOS = ["publish", "app", "node", "nodes", "redis", "postgres", "import", "backup", "soak", "throughput"]


def main():
    parser = argparse.ArgumentParser(description="Faults against ops/stack.sh under load.")
    parser.add_argument("--seconds", type=int, default=20, help="load per scenario")
    parser.add_argument("--soak-seconds", type=int, default=1200, help="length of the soak (20 minutes)")
    parser.add_argument("--only", default=",".join(SCENARIOS), help="comma-separated: " + ",".join(SCENARIOS))
    parser.add_argument("--note", default="", help="a line for RESILIENCE.md: what else ran on the machine")
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC)
    urls = collect_urls()
    mix = write_mix("all", urls)
    search_mix = write_mix("search", [url for url in urls if url[0] == "search"])
    runs = {
        "publish": lambda: scenario_publish(mix, args.seconds),
        "app": lambda: scenario_app_killed(mix, args.seconds),
        "node": lambda: scenario_one_node(search_mix, args.seconds),
        "nodes": lambda: scenario_all_nodes(search_mix, args.seconds),
        "redis": lambda: scenario_redis(mix, args.seconds),
        "postgres": lambda: scenario_postgres(mix, args.seconds),
        "import": scenario_import,
        "backup": lambda: scenario_backup(mix, args.seconds),
        "soak": lambda: scenario_soak(mix, args.soak_seconds),
        "throughput": lambda: scenario_throughput(mix, args.seconds),
    }
    rows = []
    from django.db import connections

    for name in args.only.split(","):
        # A scenario may have restarted PostgreSQL under this process's connection.
        connections.close_all()
        print(f"[resilience] {name}…", file=sys.stderr, flush=True)
        try:
            rows.append(runs[name]())
        except Exception as error:  # noqa: BLE001 - an honest failed row rather than no report
            rows.append(row(name, "–", None, False, None, f"the scenario itself failed: {error!r}"[:300]))
        print(f"[resilience] {rows[-1]}", file=sys.stderr, flush=True)
    previous = REPORT.read_text() if REPORT.exists() else ""
    heading = "# Resilience runs (bench/resilience.py, `make resilience`)\n\n"
    body = previous.removeprefix(heading)
    REPORT.write_text(heading + markdown(rows, args, started) + "\n" + body)
    print(REPORT)


if __name__ == "__main__":
    main()
