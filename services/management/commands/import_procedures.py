from django.core.management.base import BaseCommand, CommandError

from portal.tabular import ProgressBar, TabularFileError
from services.importer import import_procedures
from services.models import ProcedureIndexPage


class Command(BaseCommand):
    help = (
        "Nhập thủ tục hành chính từ tệp CSV (UTF-8) hoặc XLSX có dòng tiêu đề. "
        "Thủ tục mới là bản nháp chờ duyệt, trừ khi dùng --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .csv hoặc .xlsx")
        parser.add_argument("--publish", action="store_true", help="Xuất bản ngay các thủ tục nhập vào")
        parser.add_argument("--parent", type=int, help="ID trang danh mục thủ tục (mặc định: trang đầu tiên)")

    def handle(self, *args, **options):
        parents = ProcedureIndexPage.objects.all()
        parent = parents.filter(pk=options["parent"]).first() if options["parent"] else parents.first()
        if parent is None:
            raise CommandError("Chưa có trang “Danh mục thủ tục hành chính” để đặt thủ tục vào.")
        try:
            report = import_procedures(
                options["file"], parent, publish=options["publish"], progress=ProgressBar(self.stdout)
            )
        except TabularFileError as error:
            raise CommandError(str(error)) from error
        for line in [*report.bad_rows, *report.warnings]:
            self.stderr.write(str(line))
        self.stdout.write(report.summary())
