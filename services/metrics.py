"""Numbers about online services and campaigns, for staff reports and the indicator tracker."""

from dataclasses import dataclass

from django.db.models import Sum

from .levels import LegacyLevel
from .models import CampaignDailyFollowThrough, CampaignDailyView, Channel, ProcedurePage


def online_service_counts():
    """Live procedures by the 2011-era level, as the IT plan 07/KH-UBND counts them."""
    live = ProcedurePage.objects.live()
    return {
        "level_3_plus": live.at_least_legacy_level(LegacyLevel.SUBMISSION).count(),
        "level_2": live.at_legacy_level(LegacyLevel.FORMS).count(),
    }


def _in_period(queryset, start=None, end=None):
    if start is not None:
        queryset = queryset.filter(day__gte=start)
    if end is not None:
        queryset = queryset.filter(day__lte=end)
    return queryset


def follow_through_total(start=None, end=None):
    """Campaign follow-throughs to online services (web and poster alike), ``start``-``end`` inclusive."""
    total = _in_period(CampaignDailyFollowThrough.objects.all(), start, end).aggregate(n=Sum("follow_throughs"))["n"]
    return total or 0


def rate(follow_throughs, views):
    """Share of counted views followed through to a service, in percent; ``None`` without views.

    Views and follow-throughs are counted without identifying anyone, so one visitor who opens
    two services from one view counts twice: the share is capped at 100%. The two counts beside
    it stay exact.
    """
    if not views:
        return None
    return round(100 * min(follow_throughs, views) / views, 1)


@dataclass
class ResultRow:
    label: str
    views: int | None
    follow_throughs: int

    @property
    def rate(self):
        return rate(self.follow_throughs, self.views)


@dataclass
class CampaignResults:
    """One campaign's results. Views are page views; poster scans have follow-throughs but no views.

    The rate is the page's follow-throughs over the page's views: poster scans are counted but
    never divided by page views. A campaign page shows every featured service, so a service's
    rate is its follow-throughs from the page over the page's views.
    """

    campaign: object
    views: int
    follow_throughs: int
    by_service: list
    by_channel: list
    by_day: list
    scans: int = 0

    @property
    def rate(self):
        return rate(self.follow_throughs, self.views)


def campaign_results(campaign, start=None, end=None):
    views = _in_period(CampaignDailyView.objects.filter(campaign=campaign), start, end)
    follows = _in_period(CampaignDailyFollowThrough.objects.filter(campaign=campaign), start, end)
    scans = follows.filter(channel=Channel.POSTER)
    total_scans = scans.aggregate(n=Sum("follow_throughs"))["n"] or 0
    # Views and follow-throughs of the page itself, whatever link brought the visitor to it.
    views = views.exclude(channel=Channel.POSTER)
    page_follows = follows.exclude(channel=Channel.POSTER)
    total_views = views.aggregate(n=Sum("views"))["n"] or 0
    total_follows = page_follows.aggregate(n=Sum("follow_throughs"))["n"] or 0

    by_service_counts = dict(
        page_follows.order_by()
        .values_list("procedure")
        .annotate(n=Sum("follow_throughs"))
        .values_list("procedure", "n")
    )
    by_service = []
    for item in campaign.featured_services.select_related("procedure"):
        by_service.append(ResultRow(item.procedure.title, total_views, by_service_counts.get(item.procedure_id, 0)))

    view_by_channel = dict(views.order_by().values_list("channel").annotate(n=Sum("views")).values_list("channel", "n"))
    follow_by_channel = dict(
        follows.order_by().values_list("channel").annotate(n=Sum("follow_throughs")).values_list("channel", "n")
    )
    by_channel = []
    for value, label in Channel.choices:
        if value in view_by_channel or value in follow_by_channel:
            # Nobody counts who looks at a poster: only its scans are known.
            channel_views = None if value == Channel.POSTER else view_by_channel.get(value, 0)
            by_channel.append(ResultRow(str(label), channel_views, follow_by_channel.get(value, 0)))

    view_by_day = dict(views.order_by().values_list("day").annotate(n=Sum("views")).values_list("day", "n"))
    follow_by_day = dict(
        page_follows.order_by().values_list("day").annotate(n=Sum("follow_throughs")).values_list("day", "n")
    )
    by_day = [
        ResultRow(day.strftime("%d/%m/%Y"), view_by_day.get(day, 0), follow_by_day.get(day, 0))
        for day in sorted(set(view_by_day) | set(follow_by_day))
    ]
    return CampaignResults(campaign, total_views, total_follows, by_service, by_channel, by_day, total_scans)


def results_csv_rows(campaign, start=None, end=None):
    """Daily rows campaign × service × channel × day for CSV export, with the page views of that day."""
    views = _in_period(CampaignDailyView.objects.filter(campaign=campaign), start, end)
    view_index = {(row.day, row.channel): row.views for row in views}
    follows = (
        _in_period(CampaignDailyFollowThrough.objects.filter(campaign=campaign), start, end)
        .select_related("procedure")
        .order_by("day", "procedure__title", "channel")
    )
    seen = set()
    for row in follows:
        seen.add((row.day, row.channel))
        yield {
            "day": row.day,
            "campaign": campaign.title,
            "procedure_code": row.procedure.code,
            "procedure": row.procedure.title,
            "channel": row.channel,
            "views": view_index.get((row.day, row.channel), 0),
            "follow_throughs": row.follow_throughs,
        }
    for (day, channel), count in sorted(view_index.items()):
        if (day, channel) not in seen:
            yield {
                "day": day,
                "campaign": campaign.title,
                "procedure_code": "",
                "procedure": "",
                "channel": channel,
                "views": count,
                "follow_throughs": 0,
            }
