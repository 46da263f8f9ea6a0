"""The counting redirect under /go/ and the staff report of campaign results."""

import csv
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .counting import channel_from_request, is_counted_visit, record_follow_through
from .metrics import campaign_results, follow_through_total, results_csv_rows
from .models import CampaignPage, FeaturedService, http_url_validator

RESULTS_PERMISSION = "services.view_campaigndailyfollowthrough"
# Page ids are 32-bit integers; a longer number in a typed-in link is simply unknown.
MAX_ID = 2**31 - 1


@never_cache
@require_safe
def go(request, campaign_id, procedure_id):
    """Count a follow-through and send the visitor to the service's own online address.

    The target is never taken from the request: only a featured service of a live campaign
    leads anywhere, and only to that procedure's stored http(s) address. Anything else is a 404.
    """
    if max(campaign_id, procedure_id) > MAX_ID:
        raise Http404
    campaign = get_object_or_404(CampaignPage.objects.live().public(), pk=campaign_id)
    feature = (
        FeaturedService.objects.filter(page=campaign, procedure_id=procedure_id, procedure__live=True)
        .select_related("procedure")
        .first()
    )
    if feature is None or not feature.procedure.online_url:
        raise Http404
    target = feature.procedure.online_url
    try:
        http_url_validator(target)
    except ValidationError as error:
        raise Http404 from error
    if is_counted_visit(request):
        record_follow_through(campaign, feature.procedure, channel_from_request(request))
    response = HttpResponseRedirect(target)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _parse_day(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


class ResultsPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RESULTS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def period(self):
        start = _parse_day(self.request.GET.get("tu_ngay"))
        end = _parse_day(self.request.GET.get("den_ngay"))
        return start, end


class CampaignResultsIndexView(ResultsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/admin/campaign_results_index.html"
    page_title = _("Kết quả tuyên truyền")
    header_icon = "pick"
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items + [
        {"url": reverse_lazy("services_campaign_results"), "label": _("Kết quả tuyên truyền")}
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = self.period()
        context["results"] = [
            campaign_results(campaign, start, end) for campaign in CampaignPage.objects.order_by("-start_date")
        ]
        context["follow_through_total"] = follow_through_total(start, end)
        context["start"], context["end"] = start, end
        return context


class CampaignResultsView(ResultsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/admin/campaign_results.html"
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        self.campaign = get_object_or_404(CampaignPage, pk=kwargs["campaign_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.campaign.title

    def get_breadcrumbs_items(self):
        return CampaignResultsIndexView.breadcrumbs_items + [{"url": "", "label": self.campaign.title}]

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = self.period()
        context["campaign"] = self.campaign
        context["results"] = campaign_results(self.campaign, start, end)
        context["csv_url"] = reverse("services_campaign_result", args=[self.campaign.pk]) + "?format=csv"
        return context

    def csv_response(self):
        start, end = self.period()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ket-qua-chien-dich-{self.campaign.pk}.csv"'
        response.write("\ufeff")  # a BOM so spreadsheet programs read Vietnamese correctly
        writer = csv.writer(response)
        writer.writerow(["Ngày", "Chiến dịch", "Mã thủ tục", "Thủ tục", "Kênh", "Lượt xem", "Lượt truy cập dịch vụ"])
        for row in results_csv_rows(self.campaign, start, end):
            writer.writerow(
                [
                    row["day"].isoformat(),
                    row["campaign"],
                    row["procedure_code"],
                    row["procedure"],
                    row["channel"],
                    row["views"],
                    row["follow_throughs"],
                ]
            )
        return response
