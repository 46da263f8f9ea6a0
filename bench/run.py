"""``make bench``: throughput, SQL queries, memory, search latency and import speed, into bench/RESULTS.md.

Every request goes to 127.0.0.1 only. Each load run is bounded in time (wrk's
duration) and in count (bench/wrk-limit.lua stops a thread after a number of
responses); every subprocess has a timeout. Datasets are kept in var/bench/ and
reused when their generation report matches the requested scale.

    .venv/bin/python -m bench.run                     # full scale, SQLite, then PostgreSQL and OpenSearch
    .venv/bin/python -m bench.run --scale small --engines sqlite --duration 3   # a quick trial
"""

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.report import write_results

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
RESULTS = ROOT / "bench" / "RESULTS.md"
WRK_LIMIT = ROOT / "bench" / "wrk-limit.lua"

SCALES = {
    "full": {"directives": 100_000, "news": 20_000, "procedures": 5_000, "campaigns": 50},
    "small": {"directives": 1_000, "news": 200, "procedures": 50, "campaigns": 50},
    "tiny": {"directives": 200, "news": 40, "procedures": 20, "campaigns": 5},
}
PORT = int(os.environ.get("BENCH_PORT", "8091"))
PG_PORT = os.environ.get("BENCH_PG_PORT", "54339")
OS_PORT = os.environ.get("BENCH_OPENSEARCH_PORT", "9261")
# Per wrk thread, on top of the time bound. wrk divides by the whole duration even when a thread
# stops early, so the bound must stay out of reach: at 50,000 it capped the ceiling at 5,000 req/s.
MAX_REQUESTS = 1_000_000
SEARCH_BUDGET = int(os.environ.get("BENCH_SEARCH_SECONDS", "90"))  # per engine and kind (search, autocomplete)


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def base_env(database_url, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SEARCH_URL", "CACHE_URL", "PAGE_CACHE_ENABLED"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.bench",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, timeout=3600, capture=False):
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    result = subprocess.run(  # noqa: S603 - our own manage.py
        command, cwd=ROOT, env=env, timeout=timeout, text=True, capture_output=capture, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode}): {result.stderr or ''}")
    return result.stdout


def sqlite_url(path):
    return f"sqlite:///{path}"


# Datasets ----------------------------------------------------------------------------------------


def demo_base(env_for):
    """A migrated SQLite database with the demo loaded, copied for each scale."""
    path = WORK / "demo-base.sqlite3"
    if not path.exists():
        log("migrate + load_demo (demo-base.sqlite3)")
        scratch = WORK / "demo-base.tmp.sqlite3"
        scratch.unlink(missing_ok=True)
        env = env_for(sqlite_url(scratch))
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", capture=True)
        scratch.rename(path)
    return path


def ensure_dataset(name, scale, database_url, env_for, prepare=None):
    """Generate ``scale`` into the database (reused when its report says it is there); returns the report."""
    report_path = WORK / f"{name}-generate.json"
    if report_path.exists():
        report = json.loads(report_path.read_text())
        if report.get("scale") == scale and report.get("database_url") == database_url:
            log(f"{name}: dataset already generated, reused (migrated to the current schema)")
            manage(env_for(database_url), "migrate", "--noinput", "-v0", timeout=3600)
            return report
    if prepare:
        prepare()
    env = env_for(database_url)
    log(f"{name}: bench_generate {scale}")
    started = time.monotonic()
    manage(
        env,
        "bench_generate",
        *[f"--{key}={value}" for key, value in scale.items()],
        f"--report={report_path}",
        timeout=4 * 3600,
    )
    report = json.loads(report_path.read_text())
    report.update(scale=scale, database_url=database_url, wall_seconds=round(time.monotonic() - started, 1))
    report_path.write_text(json.dumps(report, indent=2))
    return report


def sqlite_dataset(name, scale, env_for):
    path = WORK / f"{name}.sqlite3"
    url = sqlite_url(path)

    def prepare():
        shutil.copyfile(demo_base(env_for), path)

    report = ensure_dataset(name, scale, url, env_for, prepare)
    return url, report


# Load runs ---------------------------------------------------------------------------------------


def start_gunicorn(env, log_path):
    command = [
        GUNICORN,
        "portal.wsgi:application",
        "--workers=2",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{PORT}",
        "--timeout=60",
        "--access-logfile=-" if os.environ.get("BENCH_ACCESS_LOG") else "--error-logfile=-",
    ]
    handle = open(log_path, "w")  # noqa: SIM115 - closed with the server
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {log_path}")
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{PORT}/bench/ceiling/", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return process, handle
        except OSError:
            time.sleep(0.5)
    stop_gunicorn(process, handle)
    raise RuntimeError("gunicorn did not answer within 120 s")


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def peak_memory_mb(pid):
    """Peak resident memory (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def stop_gunicorn(process, handle):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    handle.close()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return round(float(match.group(1)) * _UNITS[match.group(2)], 2) if match else None


def parse_wrk(output):
    result = {"rps": None, "p50_ms": None, "p99_ms": None, "requests": None, "errors": 0}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["rps"] = round(float(match.group(1)), 1)
    if match := re.search(r"^\s*50%\s+(\S+)", output, re.M):
        result["p50_ms"] = _ms(match.group(1))
    if match := re.search(r"^\s*99%\s+(\S+)", output, re.M):
        result["p99_ms"] = _ms(match.group(1))
    if match := re.search(r"(\d+) requests in", output):
        result["requests"] = int(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        result["errors"] += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        result["errors"] += sum(int(group) for group in match.groups())
    return result


def wrk(path, duration, connections):
    command = [
        shutil.which("wrk") or "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout=10s",
        "--latency",
        "-s",
        str(WRK_LIMIT),
        "-H",
        "X-Forwarded-Proto: https",
        f"http://127.0.0.1:{PORT}{path}",
    ]
    env = {**os.environ, "BENCH_MAX_REQUESTS": str(MAX_REQUESTS)}
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, env=env, check=False)  # noqa: S603
    return parse_wrk(result.stdout)


def load_run(mode, database_url, urls, args, extra_env):
    """Every URL (and the ceiling) under one gunicorn; cold = page cache off, warm = on."""
    env = base_env(database_url, PAGE_CACHE_ENABLED="1" if mode == "warm" else "0", **extra_env)
    process, handle = start_gunicorn(env, WORK / f"gunicorn-{mode}.log")
    rows = {}
    try:
        for name, path in [("ceiling", "/bench/ceiling/"), *urls.items()]:
            # Warm-up: imports, templates, per-process caches, and the page cache when it is on.
            wrk(path, min(2, args.duration), args.connections)
            rows[name] = wrk(path, args.duration, args.connections)
            log(f"{mode:<5} {name:<18} {rows[name]}")
        memory = {pid: peak_memory_mb(pid) for pid in worker_pids(process.pid)}
    finally:
        stop_gunicorn(process, handle)
    return {"pages": rows, "worker_peak_mb": memory}


def search_load(database_url, path, args, extra_env):
    """The search page alone under gunicorn (page cache off, as search is never cached): a wrk row."""
    pages = load_run("cold", database_url, {"search": path}, args, extra_env)["pages"]
    # Its own ceiling, measured by the same run: the share is comparable with the pages' table.
    return {**pages["search"], "ceiling_rps": pages["ceiling"]["rps"]}


# Services ----------------------------------------------------------------------------------------


def run_script(script, action, env_extra, timeout=900):
    env = {**os.environ, **env_extra}
    result = subprocess.run(  # noqa: S603
        [shutil.which("bash") or "/bin/bash", str(ROOT / "ops" / script), action],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ops/{script} {action} failed: {result.stderr[-2000:]}")
    return result.stdout.strip()


SCRATCH = Path(os.environ.get("TMPDIR", "/tmp"))  # noqa: S108 - throw-away servers, as ops/ scripts use
POSTGRES_ENV = {"PG_TEST_PORT": PG_PORT, "PG_TEST_DIR": str(SCRATCH / f"portal-bench-postgres-{PG_PORT}")}
OPENSEARCH_ENV = {
    "OPENSEARCH_TEST_PORT": OS_PORT,
    "OPENSEARCH_TEST_DIR": str(SCRATCH / f"portal-bench-opensearch-{OS_PORT}"),
    "OPENSEARCH_TEST_HEAP": os.environ.get("BENCH_OPENSEARCH_HEAP", "1g"),
}


def postgres_dataset(scale, env_for, name="postgres"):
    server = run_script("postgres.sh", "start", POSTGRES_ENV)
    # A database of its own on the throw-away server, so the test suite's database is never touched.
    database = "portal_bench" if name == "postgres" else f"portal_bench_{name.removeprefix('postgres-')}"
    url = server.rsplit("/", 1)[0] + "/" + database
    report_path = WORK / f"{name}-generate.json"

    def prepare():
        import psycopg

        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {database}")
            conn.execute(f"CREATE DATABASE {database}")
        env = env_for(url)
        log(f"{name}: migrate + load_demo")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", capture=True)

    if report_path.exists() and not _postgres_has_database(server, database):
        report_path.unlink()
    report = ensure_dataset(name, scale, url, env_for, prepare)
    return url, report


def _postgres_has_database(server, database):
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone() is not None


def search_latency(env):
    out = WORK / "search.json"
    manage(env, "bench_search", f"--output={out}", f"--max-seconds={SEARCH_BUDGET}", capture=True, timeout=1800)
    return json.loads(out.read_text())


def timed_manage(env, *args, timeout=3600):
    started = time.monotonic()
    output = manage(env, *args, capture=True, timeout=timeout)
    return round(time.monotonic() - started, 2), output


def timed_import(env, register_file, timeout):
    """import_register on the file; past ``timeout`` seconds it is stopped and its progress recorded."""
    command = [PYTHON, str(ROOT / "manage.py"), "import_register", str(register_file)]
    started = time.monotonic()
    try:
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603
        output, finished = result.stdout, True
        if result.returncode != 0:
            raise RuntimeError(f"import_register failed ({result.returncode}): {result.stderr[-1000:]}")
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        finished = False
    seconds = round(time.monotonic() - started, 2)
    progress = re.findall(r"\((\d+)/(\d+)\)", output)
    done = int(progress[-1][0]) if progress else (10_000 if finished else 0)
    lines = [line for line in output.replace("\r", "\n").splitlines() if line.strip()]
    return {
        "rows": 10_000,
        "done": done,
        "finished": finished,
        "seconds": seconds,
        "summary": lines[-1][:300] if lines else "",
    }


def count_indexed(output):
    return sum(int(number) for number in re.findall(r"indexed (\d+) objects", output))


# Facts about the machine ----------------------------------------------------------------------------


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "load": Path("/proc/loadavg").read_text().split()[:3],
    }


def versions():
    found = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    script = "import django, wagtail, gunicorn; print(django.get_version(), wagtail.__version__, gunicorn.__version__)"
    out = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, check=False).stdout.split()  # noqa: S603
    if len(out) == 3:
        found.update(django=out[0], wagtail=out[1], gunicorn=out[2])
    wrk_version = subprocess.run(  # noqa: S603
        [shutil.which("wrk") or "wrk", "--version"], capture_output=True, text=True, check=False
    )
    found["wrk"] = (wrk_version.stdout or wrk_version.stderr).split("[")[0].strip()
    return found


# Main -------------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--engines", default="sqlite,postgres,opensearch")
    parser.add_argument(
        "--engine-scale",
        choices=sorted(SCALES),
        help="dataset for the PostgreSQL and OpenSearch latency (default: --scale); indexing 250,000 objects "
        "takes long on a busy 2-core machine",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page and mode")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--postgres-scale", choices=sorted(SCALES), help="dataset for PostgreSQL (default: engine scale)"
    )
    parser.add_argument(
        "--opensearch-scale", choices=sorted(SCALES), help="dataset for OpenSearch (default: engine scale)"
    )
    parser.add_argument(
        "--subportals", type=int, default=0, help="sub-portals generated in every dataset, sharing the directives"
    )
    parser.add_argument("--skip-load", action="store_true", help="no gunicorn/wrk runs")
    parser.add_argument("--import-timeout", type=int, default=300, help="stop import_register after this")
    parser.add_argument("--results", default=str(RESULTS))
    parser.add_argument("--note", default="", help="a line for RESULTS.md (e.g. what else ran on the machine)")
    parser.add_argument(
        "--prepare", choices=["sqlite", "postgres"], help="only generate that dataset (to run both in parallel)"
    )
    args = parser.parse_args(argv)
    if args.subportals:
        # Part of each dataset's scale, so a dataset generated without them is not reused.
        for scale in SCALES.values():
            scale["subportals"] = args.subportals
    if not shutil.which("wrk") and not args.skip_load:
        sys.exit("wrk is missing: apt-get install -y wrk")
    WORK.mkdir(parents=True, exist_ok=True)
    engines = [engine.strip() for engine in args.engines.split(",") if engine.strip()]
    secret = secrets.token_urlsafe(64)

    def env_for(database_url, **extra):
        return base_env(database_url, BENCH_SECRET_KEY=secret, SECRET_KEY=secret, **extra)

    if args.prepare == "sqlite":
        sqlite_dataset(args.scale, SCALES[args.scale], env_for)
        return
    if args.prepare == "postgres":
        # The server keeps running for the measurement run.
        postgres_dataset(SCALES[args.scale], env_for, "postgres" if args.scale == "full" else f"postgres-{args.scale}")
        return

    results = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine_before": machine(),
        "versions": versions(),
        "scale": args.scale,
        "duration": args.duration,
        "connections": args.connections,
        "note": args.note,
    }
    started = time.monotonic()

    # Production settings serve hashed static files: the manifest must match the templates.
    manage(env_for(sqlite_url(WORK / "static-only.sqlite3")), "collectstatic", "--noinput", "-v0", capture=True)

    # SQL queries per page: at 1,000 directives and at the chosen scale.
    small_url, small_report = sqlite_dataset("small", SCALES["small"], env_for)
    results["small_generate"] = small_report
    probe_small = WORK / "probe-small.json"
    manage(env_for(small_url), "bench_probe", f"--output={probe_small}", capture=True)
    results["queries_small"] = json.loads(probe_small.read_text())
    if args.scale == "small":
        full_url, full_report = small_url, small_report
    else:
        full_url, full_report = sqlite_dataset(args.scale, SCALES[args.scale], env_for)
    results["generate"] = full_report
    probe_full = WORK / "probe-full.json"
    manage(env_for(full_url), "bench_probe", f"--output={probe_full}", capture=True)
    results["queries_full"] = json.loads(probe_full.read_text())
    urls = results["queries_full"]["urls"]

    # Throughput, cold and warm, against the ceiling; peak worker memory.
    if not args.skip_load:
        results["load"] = {
            mode: load_run(mode, full_url, urls, args, {"SECRET_KEY": secret}) for mode in ("cold", "warm")
        }

    # Search latency per engine, and indexing throughput on each.
    results["search"], results["indexing"], results["search_load"] = {}, {}, {}
    if "load" in results and "sqlite" in engines:
        results["search_load"]["SQLite (FTS5)"] = results["load"]["cold"]["pages"]["search"]
    engine_scale = args.engine_scale or args.scale
    results["engine_scale"] = engine_scale
    if engine_scale == args.scale:
        engine_sqlite_url, engine_sqlite_report = full_url, full_report
    else:
        engine_sqlite_url, engine_sqlite_report = sqlite_dataset(engine_scale, SCALES[engine_scale], env_for)
    for name, report in (("full", full_report), (engine_scale, engine_sqlite_report)):
        seconds, objects = report.get("seconds", {}).get("indexing"), report.get("counts", {}).get("indexed_objects")
        if seconds and objects:
            results["indexing"][f"SQLite (FTS5), {name} dataset"] = {"seconds": seconds, "objects": objects}
    if "sqlite" in engines:
        results["search"]["SQLite (FTS5)"] = {**search_latency(env_for(engine_sqlite_url)), "dataset": engine_scale}
    if "postgres" in engines:
        try:
            pg_scale = args.postgres_scale or engine_scale
            pg_name = "postgres" if pg_scale == "full" else f"postgres-{pg_scale}"
            pg_url, pg_report = postgres_dataset(SCALES[pg_scale], env_for, pg_name)
            results["postgres_generate"] = pg_report
            import psycopg

            with psycopg.connect(pg_url) as conn:
                results["versions"]["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
            results["search"]["PostgreSQL"] = {**search_latency(env_for(pg_url)), "dataset": pg_scale}
            if not args.skip_load:
                results["search_load"]["PostgreSQL"] = search_load(pg_url, urls["search"], args, {"SECRET_KEY": secret})
            results["indexing"][f"PostgreSQL, {pg_scale} dataset"] = {
                "seconds": pg_report.get("seconds", {}).get("indexing"),
                "objects": pg_report.get("counts", {}).get("indexed_objects"),
            }
        except Exception as error:  # noqa: BLE001 - recorded in the results, the rest still runs
            results["search"]["PostgreSQL"] = {"error": str(error)[:500]}
        finally:
            run_script("postgres.sh", "stop", POSTGRES_ENV)
    if "opensearch" in engines:
        try:
            search_url = run_script("opensearch.sh", "start", OPENSEARCH_ENV, timeout=1800)
            with urllib.request.urlopen(search_url, timeout=10) as response:  # noqa: S310 - our own loopback node
                results["versions"]["opensearch"] = json.loads(response.read())["version"]["number"]
            os_scale = args.opensearch_scale or engine_scale
            os_url = (
                engine_sqlite_url
                if os_scale == engine_scale
                else sqlite_dataset(os_scale, SCALES[os_scale], env_for)[0]
            )
            env = env_for(os_url, SEARCH_URL=search_url + "?index=bench")
            seconds, output = timed_manage(env, "update_index", "--backend=default", timeout=7200)
            results["indexing"][f"OpenSearch, {os_scale} dataset"] = {
                "seconds": seconds,
                "objects": count_indexed(output),
            }
            results["search"]["OpenSearch"] = {**search_latency(env), "dataset": os_scale}
            if not args.skip_load:
                results["search_load"]["OpenSearch"] = search_load(
                    os_url, urls["search"], args, {"SECRET_KEY": secret, "SEARCH_URL": search_url + "?index=bench"}
                )
        except Exception as error:  # noqa: BLE001
            results["search"]["OpenSearch"] = {"error": str(error)[:500]}
        finally:
            run_script("opensearch.sh", "stop", OPENSEARCH_ENV)

    # Import throughput: a 10,000-row register file into a copy of the full dataset.
    register_file = WORK / "register-10000.csv"
    if full_url.startswith("sqlite:///"):
        copy = WORK / "import.sqlite3"
        # A journal left by an interrupted run would be rolled back into the fresh copy.
        for leftover in (WORK / "import.sqlite3-journal", WORK / "import.sqlite3-wal"):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(full_url.removeprefix("sqlite:///"), copy)
        import_url = sqlite_url(copy)
    else:
        import_url = full_url
    env = env_for(import_url)
    manage(env, "bench_register_file", str(register_file), "--rows=10000", capture=True)
    results["import"] = timed_import(env, register_file, args.import_timeout)
    if import_url != full_url:
        Path(import_url.removeprefix("sqlite:///")).unlink(missing_ok=True)

    results["machine_after"] = machine()
    results["wall_seconds"] = round(time.monotonic() - started, 1)
    (WORK / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    write_results(results, Path(args.results))
    log(f"done in {results['wall_seconds']} s; see {args.results}")


if __name__ == "__main__":
    main()
