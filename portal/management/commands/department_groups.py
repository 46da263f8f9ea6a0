from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from portal.departments import department_groups


class Command(BaseCommand):
    help = "Create the editors' and approvers' groups of a department, limited to its section of the site."

    def add_arguments(self, parser):
        parser.add_argument("section", help="URL path of the department's section, e.g. /so-tu-phap/")
        parser.add_argument("department", help='Department name, e.g. "Sở Tư pháp"')

    def handle(self, section, department, **options):
        path = section.strip("/")
        page = None
        for candidate in Page.objects.filter(slug=path.rsplit("/", 1)[-1]):
            if candidate.url_path.rstrip("/").endswith(path):
                page = candidate
                break
        if page is None:
            raise CommandError(f"Không tìm thấy trang có đường dẫn {section}")
        editors, approvers = department_groups(page, department)
        self.stdout.write(f"Đã tạo nhóm “{editors.name}” và “{approvers.name}” cho mục “{page.title}”.")
