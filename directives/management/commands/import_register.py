from django.core.management.base import BaseCommand, CommandError

from directives.register_import import import_register
from portal.tabular import ProgressBar, TabularFileError, read_path


class Command(BaseCommand):
    help = (
        "Nhập sổ theo dõi văn bản chỉ đạo, điều hành từ tệp CSV (UTF-8) hoặc XLSX có dòng tiêu đề "
        "number, doc_type, title, issuer, signer, issued_on (hoặc Số ký hiệu, Loại văn bản, Trích yếu, "
        "Cơ quan ban hành, Người ký, Ngày ban hành)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .csv hoặc .xlsx")

    def handle(self, *args, **options):
        try:
            result = import_register(read_path(options["file"]), options["file"], progress=ProgressBar(self.stdout))
        except TabularFileError as error:
            raise CommandError(str(error)) from error
        for bad in result.bad_rows:
            self.stderr.write(str(bad))
        self.stdout.write(result.summary())
