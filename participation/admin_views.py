"""Admin views of participation: the page feedback report and comment attachments for staff."""

import os

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from .feedback import report_rows
from .models import ConsultationComment, QuestionSettings


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


def comment_attachment(request, pk):
    """The file a commenter attached, for the staff who moderate that comment only.

    Attachments are never public: nginx serves no uploads but image renditions, and
    nothing on the site links to them; this view is the only way to read one.
    """
    comment = get_object_or_404(ConsultationComment, pk=pk)
    policy = policy_registry.get_by_type(ConsultationComment)
    if not comment.attachment or not policy.user_has_permission_for_instance(request.user, "view", comment):
        raise Http404
    try:
        stream = comment.attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(stream, as_attachment=True, filename=os.path.basename(comment.attachment.name))
    response["Cache-Control"] = "private, no-store"
    return response
