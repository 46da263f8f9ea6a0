import csv
from pathlib import Path

from django.core.management.base import BaseCommand

from bench.generate import ensure_reference_lists, register_file_rows

HEADER = ["number", "doc_type", "title", "issuer", "signer", "issued_on"]


class Command(BaseCommand):
    help = "Tạo tệp sổ theo dõi văn bản (CSV) để đo tốc độ import_register."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, **options):
        bodies, doc_types, *_rest = ensure_reference_lists()
        rows = register_file_rows(options["rows"], bodies, doc_types)
        with Path(options["file"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=HEADER)
            writer.writeheader()
            writer.writerows(rows)
        self.stdout.write(f"Đã ghi {len(rows)} dòng vào {options['file']}")
