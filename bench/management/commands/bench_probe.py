import json
from pathlib import Path

from django.core.management.base import BaseCommand

from bench.probe import bench_urls, count_queries, subportal_urls


class Command(BaseCommand):
    help = "In các trang được đo và số truy vấn SQL của mỗi trang (bộ nhớ đệm trang tắt)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Ghi kết quả (JSON) vào tệp này")
        parser.add_argument("--sql", action="store_true", help="In cả câu lệnh SQL")
        parser.add_argument("--repeat", type=int, default=0, help="Đo thêm thời gian trung vị của ngần ấy lượt tải")

    def handle(self, *args, **options):
        urls = bench_urls()
        data = {"urls": dict(urls), "pages": self._probe(urls, "", options)}
        # A sub-portal's own pages, on its host: they must cost what the province's do.
        found = subportal_urls()
        if found:
            host, sub_urls = found
            data["subportal"] = {"host": host, "urls": dict(sub_urls), "pages": self._probe(sub_urls, host, options)}
        if options["output"]:
            Path(options["output"]).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    def _probe(self, urls, host, options):
        repeat = options["repeat"]
        counts = count_queries(urls, host=host, repeat=repeat) if host else count_queries(urls, repeat=repeat)
        for name, url in urls:
            row = counts[name]
            counted = f"{row['status']} {row['queries']:>3} truy vấn {row['bytes']:>7} B"
            self.stdout.write(f"{name:<18} {counted}  {host}{url}")
            if options["sql"]:
                for sql in row["sql"]:
                    self.stdout.write(f"      {sql}")
        return counts
