"""Admin screens: register upload, publication report (with CSV/XLSX export), draft page from the register."""

import csv
import io
import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from portal.vietnamese import slugify

from . import metrics
from .forms import PublicationReportForm, RegisterUploadForm, format_date
from .models import DirectiveIndexPage, DirectivePage, RegisterEntry
from .register_import import RegisterFileError, import_register

logger = logging.getLogger(__name__)


class RegisterImportView(WagtailAdminTemplateMixin, FormView):
    page_title = _("Nhập sổ theo dõi văn bản")
    header_icon = "upload"
    template_name = "directives/admin/register_import.html"
    form_class = RegisterUploadForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("directives.import_registerentry"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            result = import_register(upload.read(), upload.name)
        except RegisterFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        logger.info(
            "%s imported the register from %s: %s created, %s updated, %s bad rows",
            self.request.user,
            upload.name,
            result.created,
            result.updated,
            len(result.bad_rows),
        )
        return self.render_to_response(self.get_context_data(form=RegisterUploadForm(), result=result))


class PublicationReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Báo cáo đăng tải văn bản chỉ đạo")
    header_icon = "table"
    template_name = "directives/admin/publication_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("directives.view_registerentry"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = PublicationReportForm(request.GET or None)
        period = form.get_period()
        body = form.get_issuing_body()
        summary = metrics.publication_summary(period.start, period.end, body)
        by_body = [] if body else metrics.summaries_by_issuing_body(period.start, period.end)
        export = request.GET.get("export")
        if export == "csv":
            return self.export_csv(period, summary, by_body)
        if export == "xlsx":
            return self.export_xlsx(period, summary, by_body)
        query = request.GET.copy()
        query.pop("export", None)
        context = self.get_context_data(
            form=form,
            period=period,
            summary=summary,
            by_body=by_body,
            target=metrics.TARGET_RATE,
            methodology=metrics.METHODOLOGY,
            query=query.urlencode(),
        )
        return self.render_to_response(context)

    # Export ---------------------------------------------------------------
    def rows(self, period, summary, by_body):
        yield [_("Kỳ báo cáo"), period.label]
        yield [_("Cơ quan ban hành"), str(summary.issuing_body or _("Tất cả"))]
        yield []
        yield [_("Cơ quan"), _("Ban hành"), _("Đã đăng"), _("Tỷ lệ (%)"), _("Trung vị ngày"), _("Phân vị 90 (ngày)")]
        for item in [*by_body, summary]:
            name = item.issuing_body.name if item is not summary and item.issuing_body else _("Tổng cộng")
            yield [name, item.issued, item.published, _number(item.rate), _number(item.median_days), item.p90_days]
        yield []
        yield [_("Văn bản chưa đăng trên cổng (cũ nhất trước)")]
        yield [_("Số ký hiệu"), _("Loại"), _("Trích yếu"), _("Cơ quan"), _("Người ký"), _("Ngày ban hành")]
        for entry in summary.outstanding:
            yield [entry.number, entry.doc_type.name, entry.title, entry.issuer.name, entry.signer, entry.issued_on]

    def filename(self, period, extension):
        return f"bao-cao-dang-tai-van-ban-{slugify(period.label)}.{extension}"

    def export_csv(self, period, summary, by_body):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename(period, "csv")}"'
        response.write("\ufeff")
        writer = csv.writer(response)
        for row in self.rows(period, summary, by_body):
            writer.writerow([format_date(value) or value if hasattr(value, "year") else value for value in row])
        return response

    def export_xlsx(self, period, summary, by_body):
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Bao cao"
        for row in self.rows(period, summary, by_body):
            sheet.append([str(value) if hasattr(value, "_proxy____cast") else value for value in row])
            for cell in sheet[sheet.max_row]:
                if hasattr(cell.value, "year"):
                    cell.number_format = "DD/MM/YYYY"
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename(period, "xlsx")}"'
        return response


def _number(value):
    return None if value is None else float(value)


class CreatePageFromRegisterView(WagtailAdminTemplateMixin, TemplateView):
    """Starts the missing directive page as a draft, filled in from the register entry."""

    page_title = _("Tạo trang văn bản từ sổ theo dõi")
    header_icon = "doc-full"
    template_name = "directives/admin/create_from_register.html"

    def dispatch(self, request, pk, *args, **kwargs):
        self.entry = get_object_or_404(RegisterEntry.objects.select_related("issuer", "doc_type"), pk=pk)
        self.index = next(
            (
                index
                for index in DirectiveIndexPage.objects.all()
                if index.permissions_for_user(request.user).can_add_subpage()
            ),
            None,
        )
        if self.index is None:
            raise PermissionDenied
        if self.entry.directive_id:
            messages.info(request, _("Văn bản này đã có trang trên cổng."))
            return redirect("wagtailadmin_pages:edit", self.entry.directive_id)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, index=self.index, **kwargs)

    def post(self, request, *args, **kwargs):
        entry = self.entry
        page = DirectivePage(
            title=entry.title[:255],
            slug=slugify(f"{entry.number} {entry.year}")[:200],
            number=entry.number,
            doc_type=entry.doc_type,
            issuing_body=entry.issuer,
            signer=entry.signer,
            issued_on=entry.issued_on,
            summary=entry.title,
            owner=request.user,
            live=False,
        )
        if self.index.get_children().filter(slug=page.slug).exists():
            page.slug = page._get_autogenerated_slug(page.slug)
        self.index.add_child(instance=page)
        page.save_revision(user=request.user, log_action=True)
        # Linked now so nobody starts a second draft; counted only once the page is live.
        RegisterEntry.objects.filter(pk=entry.pk).update(directive=page)
        log(instance=page, action="wagtail.create", user=request.user)
        messages.success(request, _("Đã tạo bản nháp từ sổ theo dõi. Bổ sung nội dung, tệp đính kèm rồi gửi duyệt."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
