"""Admin report of page feedback: yes and no per page, the most "no" first, procedures to review flagged."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .feedback import report_rows
from .models import QuestionSettings


class FeedbackReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Phản hồi “Thông tin này có hữu ích không?”")
    header_icon = "comment"
    template_name = "participation/admin/feedback_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("participation.view_pagefeedback"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        threshold = QuestionSettings.load(request_or_site=self.request).feedback_review_threshold
        rows = report_rows(threshold)
        return super().get_context_data(
            rows=rows, threshold=threshold, flagged=sum(1 for row in rows if row["flagged"]), **kwargs
        )
