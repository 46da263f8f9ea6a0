from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import documents, translations, views


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


@hooks.register("before_edit_page")
def warn_about_stale_translation(request, page):
    """Staff editing an out-of-date translation are told so; visitors never see it."""
    if request.method == "GET" and translations.translation_is_stale(page):
        messages.warning(request, translations.stale_message(page))


@hooks.register("register_page_listing_buttons")
def stale_translation_button(page, user, next_url=None, **kwargs):
    """A button in the page listing beside each out-of-date translation, to the Vietnamese page it follows."""
    if translations.translation_is_stale(page):
        source = translations.source_page(page)
        yield ListingButton(
            _("Bản dịch cũ hơn bản tiếng Việt"),
            url=reverse("wagtailadmin_pages:edit", args=[source.pk]),
            attrs={"title": translations.stale_message(page)},
            priority=5,
        )
