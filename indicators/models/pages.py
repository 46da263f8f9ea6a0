"""The public tracker page with its indicator pages and open-data downloads."""

from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.models import PortalPage

from .. import opendata
from ..charts import trend_chart
from ..status import STATUS_RULE_TEXT, Status
from .plans import Indicator, Plan


class TrackerFigures:
    """What the tracker page shows of its plan, computed on first use.

    The template keeps its rendering for the content generation (``{% remembered %}``); a visitor
    served the kept HTML costs no chart or completion computing at all.
    """

    def __init__(self, page):
        self.page = page

    @cached_property
    def indicators(self):
        return list(self.page.indicators())

    @cached_property
    def cards(self):
        return self.page._cards(self.indicators)

    @cached_property
    def completion(self):
        return self.page.completion(self.indicators)

    @cached_property
    def _counts(self):
        counts = dict.fromkeys(Status, 0)
        for indicator in self.indicators:
            counts[indicator.status] += 1
        return counts

    def status_counts(self):
        return [(status.label, self._counts[status]) for status in Status]

    def achieved_count(self):
        return self._counts[Status.ACHIEVED]

    def indicator_count(self):
        return len(self.indicators)


class IndicatorTrackerPage(RoutablePageMixin, PortalPage):
    """Public tracker of one plan: every indicator with its trend, status and open data."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("Kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    intro = RichTextField(_("Giới thiệu"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    route_select_related = ("plan",)

    content_panels = PortalPage.content_panels + [FieldPanel("plan"), FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Trang theo dõi chỉ tiêu")
        verbose_name_plural = _("Trang theo dõi chỉ tiêu")

    def indicators(self):
        if self.plan_id is None:
            return Indicator.objects.none()
        return Indicator.objects.filter(plan_id=self.plan_id).for_tracker()

    def completion(self, indicators=None):
        """The plan's completion over the indicators this page tracks (all of them by default)."""
        if self.plan is None:
            return None
        return self.plan.completion(self.indicators() if indicators is None else indicators)

    def download_url(self, fmt, indicator=None):
        if indicator is None:
            return self.local_url + self.reverse_subpage(f"download_{fmt}")
        return self.local_url + self.reverse_subpage(f"indicator_{fmt}", kwargs={"code": indicator.code})

    def indicator_url(self, indicator):
        return self.local_url + self.reverse_subpage("indicator_detail", kwargs={"code": indicator.code})

    def _cards(self, indicators):
        return [
            {
                "indicator": indicator,
                "chart": trend_chart(indicator),
                "url": self.indicator_url(indicator),
                "csv_url": self.download_url("csv", indicator),
                "json_url": self.download_url("json", indicator),
            }
            for indicator in indicators
        ]

    @path("")
    def index_route(self, request):
        return self.render(
            request,
            context_overrides={
                "figures": TrackerFigures(self),
                "status_rule": STATUS_RULE_TEXT,
                "csv_url": self.download_url("csv"),
                "json_url": self.download_url("json"),
            },
        )

    def _indicator_or_404(self, code):
        indicator = self.indicators().filter(code=code).first()
        if indicator is None:
            raise Http404
        return indicator

    @path("chi-tieu/<slug:code>/")
    def indicator_detail(self, request, code):
        indicator = self._indicator_or_404(code)
        return self.render(
            request,
            template="indicators/indicator_detail.html",
            context_overrides={
                "card": self._cards([indicator])[0],
                "indicator": indicator,
                "history": list(reversed(indicator.history)),
                "breakdown": indicator.latest_breakdown(),
                "status_rule": STATUS_RULE_TEXT,
            },
        )

    @path("du-lieu/csv/")
    def download_csv(self, request):
        return opendata.csv_response(self.plan, self.indicators(), filename="chi-tieu")

    @path("du-lieu/json/")
    def download_json(self, request):
        return opendata.json_response(self.plan, self.indicators(), self.completion())

    @path("chi-tieu/<slug:code>/du-lieu/csv/")
    def indicator_csv(self, request, code):
        indicator = self._indicator_or_404(code)
        return opendata.csv_response(self.plan, [indicator], filename=f"chi-tieu-{indicator.code}")

    @path("chi-tieu/<slug:code>/du-lieu/json/")
    def indicator_json(self, request, code):
        indicator = self._indicator_or_404(code)
        return opendata.json_response(self.plan, [indicator], self.completion())
