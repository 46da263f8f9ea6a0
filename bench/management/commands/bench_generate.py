import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bench.generate import Scale, generate


class Command(BaseCommand):
    help = (
        "Sinh bộ dữ liệu quy mô tỉnh để đo hiệu năng (mặc định 100.000 văn bản kèm sổ theo dõi, 20.000 tin, "
        "5.000 thủ tục, 50 chiến dịch) rồi lập chỉ mục tìm kiếm. Chạy load_demo trước."
    )

    def add_arguments(self, parser):
        defaults = Scale()
        parser.add_argument("--directives", type=int, default=defaults.directives)
        parser.add_argument("--news", type=int, default=defaults.news)
        parser.add_argument("--procedures", type=int, default=defaults.procedures)
        parser.add_argument("--campaigns", type=int, default=defaults.campaigns)
        parser.add_argument(
            "--subportals",
            type=int,
            default=defaults.subportals,
            help="Số cổng thành phần tạo thêm; văn bản được chia đều cho cổng tỉnh và các cổng thành phần",
        )
        parser.add_argument("--no-index", action="store_true", help="Không lập chỉ mục tìm kiếm")
        parser.add_argument("--report", help="Ghi số lượng và thời gian (JSON) vào tệp này")

    def handle(self, *args, **options):
        scale = Scale(
            directives=options["directives"],
            news=options["news"],
            procedures=options["procedures"],
            campaigns=options["campaigns"],
            subportals=options["subportals"],
        )
        started = time.monotonic()
        try:
            report = generate(scale, stream=self.stdout, index=not options["no_index"])
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Xong sau {time.monotonic() - started:.1f} giây: {report.counts['pages_total']} trang, "
            f"{report.counts['register_entries_total']} mục sổ theo dõi. Thời gian: {report.seconds}"
        )
        if options["report"]:
            Path(options["report"]).write_text(json.dumps(report.as_dict(), indent=2), encoding="utf-8")
