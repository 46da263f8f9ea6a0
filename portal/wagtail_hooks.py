from django.urls import path, reverse
from wagtail import hooks

from . import documents, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("xac-thuc-hai-buoc/", views.verify, name="portal_two_factor_verify"),
        path("xac-thuc-hai-buoc/cai-dat/", views.setup, name="portal_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("portal_two_factor_setup"),
        "label": "Xác thực hai bước",
        "help_text": "Thêm ứng dụng xác thực (mã 6 chữ số) để bảo vệ tài khoản.",
    }


hooks.register("before_serve_document", documents.withhold_unpublished_document)
