from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directives.register_import import RegisterFileError, import_register

PROGRESS_FROM_ROWS = 200
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Nhập sổ theo dõi văn bản chỉ đạo, điều hành từ tệp CSV (UTF-8) hoặc XLSX có dòng tiêu đề "
        "number, doc_type, title, issuer, signer, issued_on."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .csv hoặc .xlsx")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Không mở được tệp {path}: {error.strerror}") from error
        try:
            result = import_register(data, path.name, progress=self._progress)
        except RegisterFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã đọc {result.total_rows} dòng: {result.created} thêm mới, {result.updated} cập nhật, "
            f"{result.unchanged} không đổi, {len(result.bad_rows)} dòng lỗi; {result.linked} văn bản tự liên kết "
            "với trang trên cổng."
        )
        for bad in result.bad_rows:
            self.stderr.write(f"Dòng {bad.line}: {bad.reason}")

    def _progress(self, done, total):
        if total < PROGRESS_FROM_ROWS:
            return
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        ending = "\n" if done >= total else ""
        self.stdout.write(f"\r[{bar}] {100 * done // total:3d}% ({done}/{total})", ending=ending)
        self.stdout.flush()
