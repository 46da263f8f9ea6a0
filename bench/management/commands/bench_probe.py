import json
from pathlib import Path

from django.core.management.base import BaseCommand

from bench.probe import bench_urls, count_queries


class Command(BaseCommand):
    help = "In các trang được đo và số truy vấn SQL của mỗi trang (bộ nhớ đệm trang tắt)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Ghi kết quả (JSON) vào tệp này")
        parser.add_argument("--sql", action="store_true", help="In cả câu lệnh SQL")

    def handle(self, *args, **options):
        urls = bench_urls()
        counts = count_queries(urls)
        for name, url in urls:
            row = counts[name]
            self.stdout.write(f"{name:<18} {row['status']} {row['queries']:>3} truy vấn {row['bytes']:>7} B  {url}")
            if options["sql"]:
                for sql in row["sql"]:
                    self.stdout.write(f"      {sql}")
        if options["output"]:
            data = {"urls": dict(urls), "pages": counts}
            Path(options["output"]).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
