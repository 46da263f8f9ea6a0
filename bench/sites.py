"""Page cost from 1 to 30 sites (issue 14): ``python -m bench.sites``, on demand.

Generates the small dataset (1,000 directives) twice, with 1 and with 30 sub-portals, from the same
demo database (bench/run.py's ``sqlite_dataset``), and measures on each, in process and page cache
off, the SQL queries and the median time of the province's pages and of one sub-portal's
(``manage.py bench_probe --repeat``). The table goes to the top of bench/RESULTS.md.
"""

import argparse
import datetime
import json
import secrets

from .report import MARKER
from .run import RESULTS, SCALES, WORK, base_env, log, manage, sqlite_dataset

SITE_COUNTS = (1, 30)


def probe(site_count, repeat, env_for):
    scale = {**SCALES["small"], "subportals": site_count}
    url, _report = sqlite_dataset(f"sites-{site_count}", scale, env_for)
    out = WORK / f"probe-sites-{site_count}.json"
    manage(env_for(url), "bench_probe", f"--repeat={repeat}", f"--output={out}", capture=True)
    return json.loads(out.read_text())


def render(found, repeat):
    now = datetime.datetime.now(datetime.UTC)
    lines = [
        f"## {now:%Y-%m-%d %H:%M} UTC: page cost from 1 to 30 sub-portals (`python -m bench.sites`)",
        "",
        f"The small dataset (1,000 directives) generated with 1 and with 30 sub-portals; each page loaded "
        f"once, then timed over {repeat} more loads in process (median), anonymous, page cache off.",
        "",
        "| page | queries, 1 sub-portal | queries, 30 | median ms, 1 sub-portal | median ms, 30 | change |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    first, last = found[SITE_COUNTS[0]], found[SITE_COUNTS[-1]]
    rows = [(f"province: {name}", first["pages"][name], last["pages"][name]) for name in first["pages"]]
    if first.get("subportal") and last.get("subportal"):
        rows += [
            (f"sub-portal: {name}", row, last["subportal"]["pages"][name])
            for name, row in first["subportal"]["pages"].items()
        ]
    for label, one, many in rows:
        change = 100 * (many["median_ms"] - one["median_ms"]) / one["median_ms"]
        lines.append(
            f"| {label} | {one['queries']} | {many['queries']} | {one['median_ms']:.1f} | {many['median_ms']:.1f} "
            f"| {change:+.0f}% |"
        )
    return "\n".join(lines) + "\n\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50, help="timed loads per page")
    args = parser.parse_args(argv)
    secret = secrets.token_urlsafe(64)

    def env_for(database_url, **extra):
        return base_env(database_url, BENCH_SECRET_KEY=secret, SECRET_KEY=secret, **extra)

    found = {count: probe(count, args.repeat, env_for) for count in SITE_COUNTS}
    section = render(found, args.repeat)
    text = RESULTS.read_text(encoding="utf-8")
    head, tail = text.split(MARKER, 1)
    RESULTS.write_text(head + MARKER + "\n\n" + section + tail.lstrip("\n"), encoding="utf-8")
    log(f"written to {RESULTS}")
    print(section)


if __name__ == "__main__":
    main()
