import importlib
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

# Each content app contributes a ``demo`` module with ``load(stdout)``, run in
# this order because later apps refer to earlier content.
DEMO_MODULES = [
    "home.demo",
    "directives.demo",
    "services.demo",
    "indicators.demo",
    "search.demo",
    "participation.demo",
    "subportals.demo",
    "compliance.demo",
]


class Command(BaseCommand):
    help = "Nạp nội dung minh họa của Cổng thông tin điện tử tỉnh Hậu Giang (chạy lại không thay đổi gì)."

    def handle(self, *args, **options):
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            self.stdout.write(f"Đang nạp {module_name}…")
            with transaction.atomic():
                module.load(self.stdout)
        if settings.DEBUG:
            self._ensure_dev_admin()
        self.stdout.write(self.style.SUCCESS("Đã nạp xong nội dung minh họa."))

    def _ensure_dev_admin(self):
        """Development only: an administrator to try the admin with."""
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Tài khoản quản trị “admin” đã có (đặt lại mật khẩu: manage.py changepassword admin).")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        self.stdout.write(self.style.WARNING(f"Tài khoản quản trị: admin / {password}  ({admin_url})"))
