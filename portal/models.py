from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.documents import get_document_model_string


class TwoFactorPolicyForm(WagtailAdminModelForm):
    """Shows what the server's settings make mandatory whatever the form says (TWO_FACTOR_REQUIRED_*)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS:
            field = self.fields["required_for_superusers"]
            field.disabled = True
            field.initial = True
            field.help_text = _("Cấu hình máy chủ luôn bắt buộc quản trị viên hệ thống dùng xác thực hai bước.")
        if settings.TWO_FACTOR_REQUIRED_GROUPS:
            self.fields["required_groups"].help_text = _(
                "Thành viên của các nhóm được chọn phải dùng xác thực hai bước. "
                "Cấu hình máy chủ luôn bắt buộc với: %(groups)s."
            ) % {"groups": ", ".join(settings.TWO_FACTOR_REQUIRED_GROUPS)}


@register_setting(icon="lock")
class TwoFactorPolicy(BaseGenericSetting):
    """Who must confirm a one-time code from an authenticator app after the password."""

    required_for_all_staff = models.BooleanField(
        _("Bắt buộc với mọi người dùng trang quản trị"),
        default=False,
        help_text=_("Khi bật, mọi tài khoản vào được trang quản trị phải dùng xác thực hai bước."),
    )
    required_for_superusers = models.BooleanField(
        _("Bắt buộc với quản trị viên hệ thống"),
        default=False,
        help_text=_("Tài khoản quản trị tối cao (superuser) phải dùng xác thực hai bước."),
    )
    required_groups = models.ManyToManyField(
        Group,
        blank=True,
        verbose_name=_("Bắt buộc với các nhóm"),
        help_text=_("Thành viên của các nhóm được chọn phải dùng xác thực hai bước."),
        related_name="+",
    )

    panels = [
        FieldPanel("required_for_all_staff"),
        FieldPanel("required_for_superusers"),
        FieldPanel("required_groups", widget=forms.CheckboxSelectMultiple),
    ]

    base_form_class = TwoFactorPolicyForm

    class Meta:
        verbose_name = _("Chính sách xác thực hai bước")

    def applies_to(self, user):
        """The admin's choices, widened by the server's floor (production: superusers and "Quản trị cổng")."""
        if self.required_for_all_staff:
            return True
        if user.is_superuser and (self.required_for_superusers or settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS):
            return True
        chosen = Q(pk__in=self.required_groups.values("pk")) | Q(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS)
        return user.groups.filter(chosen).exists()


@register_setting(icon="doc-full")
class DocumentPrivacy(BaseGenericSetting):
    """Which collections hold documents anyone may download without a page that shows them.

    A document some page has referenced follows its pages instead (portal.documents).
    """

    public_collections = models.ManyToManyField(
        "wagtailcore.Collection",
        blank=True,
        verbose_name=_("Bộ sưu tập công khai"),
        help_text=_(
            "Tài liệu chưa từng gắn vào trang nào thì ai cũng tải được nếu thuộc một bộ sưu tập được chọn. "
            "Tài liệu đã gắn vào trang chỉ công khai khi có trang đã xuất bản, không giới hạn quyền xem, dẫn tới nó."
        ),
        related_name="+",
    )

    panels = [FieldPanel("public_collections", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("Tài liệu công khai")


class AttachedDocument(models.Model):
    """A document that a page, in some revision, has referenced: its collection no longer makes it public.

    Wagtail's reference index sees only a page's current row, which for a live page is the live
    version; the unpublished changes of a live page live in revisions, recorded here as they are saved.
    """

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Tài liệu đã gắn vào trang")

    def __str__(self):
        return str(self.document)


class OutgoingEmail(models.Model):
    """One e-mail to one address, kept until it is sent (portal.outbox).

    A citizen's submission and the e-mail about it are stored apart: the submission is
    never lost when the mail server is down, and the message is retried with backoff.
    ``key`` makes queueing idempotent: the same alert to the same address is queued once.
    """

    to = models.EmailField(_("Người nhận"))
    subject = models.CharField(_("Tiêu đề"), max_length=300)
    text = models.TextField(_("Nội dung (văn bản)"))
    html = models.TextField(_("Nội dung (HTML)"), blank=True)
    headers = models.JSONField(_("Tiêu đề phụ"), default=dict, blank=True)
    key = models.CharField(_("Khóa chống gửi trùng"), max_length=255, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("Số lần thử"), default=0)
    next_attempt_at = models.DateTimeField(_("Thử lại lúc"), null=True, blank=True)
    last_error = models.TextField(_("Lỗi gần nhất"), blank=True)
    sent_at = models.DateTimeField(_("Đã gửi lúc"), null=True, blank=True, db_index=True)
    gave_up = models.BooleanField(_("Ngừng gửi"), default=False)

    class Meta:
        verbose_name = _("Thư đi")
        verbose_name_plural = _("Thư đi")
        indexes = [models.Index(fields=["sent_at", "gave_up", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return self.subject
