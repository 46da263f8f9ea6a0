import json
import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.test import override_settings

from search.results import autocomplete, run_search

# Accent-free, as citizens type them; the last autocomplete word is a prefix.
QUERIES = [
    "cap phep xay dung",
    "dang ky kinh doanh",
    "ke hoach ung dung cong nghe thong tin",
    "xay dung nong thon moi",
    "chung thuc ban sao",
    "dang ky khai sinh",
    "an toan thuc pham",
    "cai cach thu tuc hanh chinh",
    "thu dien tu cong vu",
    "phong chong thien tai",
]
# Misspelt, as citizens type them: measured with corrections on (and synonyms, once the query
# expansion module is merged) and off, in the same run.
TYPO_QUERIES = [
    "dang ky khai sinhh",
    "cap phep xay dungg",
    "chung thuc ban sa0",
    "thu tuc hanh chinhh",
]
# The settings that switch query expansion off: corrections (search.suggestions) and synonyms.
# SEARCH_SYNONYMS switches off synonyms and i/y variants (search.expansion.enabled).
EXPANSION_SETTINGS = ("SEARCH_CORRECTIONS", "SEARCH_SYNONYMS")
EXPANDED, PLAIN = "expanded", "plain"
PREFIXES = [
    "cap ph",
    "dang k",
    "ke hoa",
    "chung th",
    "xay d",
    "khai s",
    "an toan t",
    "giay phep l",
    "thu tuc",
    "nong th",
]
ROUNDS = 5

WARM_UP_ROUNDS = 3


def percentiles(samples):
    ordered = sorted(samples)
    cut = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50_ms": round(cut[49], 1), "p95_ms": round(cut[94], 1), "max_ms": round(ordered[-1], 1)}


class Command(BaseCommand):
    help = "Đo độ trễ tìm kiếm và gợi ý (p50, p95) trên máy tìm kiếm đang cấu hình, trong tiến trình."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Ghi kết quả (JSON) vào tệp này")
        parser.add_argument(
            "--max-seconds", type=float, default=120, help="Dừng đo mỗi loại sau ngần ấy giây (ít mẫu hơn)"
        )

    def _time(self, call, args_list, budget):
        """WARM_UP_ROUNDS, then ROUNDS rounds; stops early when ``budget`` seconds are spent.

        [(milliseconds, what ``call`` returned)] of each timed call.
        """
        samples = []
        deadline = time.monotonic() + budget
        # Warm-up: the first queries compile and cache (SQL plans; on a node that has just been
        # started and bulk-loaded, the JVM's JIT), which no visitor of a running portal pays.
        for _round in range(WARM_UP_ROUNDS):
            for args in args_list:
                call(args)
                if time.monotonic() > deadline:
                    break
        for _round in range(ROUNDS):
            for args in args_list:
                if time.monotonic() > deadline and len(samples) >= 2:
                    return samples
                started = time.perf_counter()
                returned = call(args)
                samples.append(((time.perf_counter() - started) * 1000, returned))
        return samples

    def handle(self, *args, **options):
        totals = {}

        def search(kind_and_query):
            kind, query = kind_and_query
            if kind == PLAIN:
                with override_settings(**dict.fromkeys(EXPANSION_SETTINGS, False)):
                    run_search(query)
                return kind, ""
            outcome = run_search(query)
            totals[query] = outcome.total
            return kind, f"{outcome.backend}{' (dự phòng)' if outcome.fell_back else ''}"

        def suggest(prefix):
            autocomplete(prefix)

        # With and without expansion in turn, query by query: a shared host that slows down for a
        # while slows both alike, not whichever of the two was being measured then.
        calls = [(kind, query) for query in QUERIES + TYPO_QUERIES for kind in (EXPANDED, PLAIN)]
        timed = self._time(search, calls, 2 * options["max_seconds"])
        search_samples = [ms for ms, (kind, _backend) in timed if kind == EXPANDED]
        plain_samples = [ms for ms, (kind, _backend) in timed if kind == PLAIN]
        backends = sorted({backend for _ms, (kind, backend) in timed if kind == EXPANDED})
        suggest_samples = [ms for ms, _returned in self._time(suggest, PREFIXES, options["max_seconds"])]
        data = {
            "backends": backends,
            "search": {**percentiles(search_samples), "samples": len(search_samples)},
            "search_without_expansion": {**percentiles(plain_samples), "samples": len(plain_samples)},
            "autocomplete": {**percentiles(suggest_samples), "samples": len(suggest_samples)},
            "result_counts": totals,
        }
        self.stdout.write(json.dumps(data, ensure_ascii=False))
        if options["output"]:
            Path(options["output"]).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
