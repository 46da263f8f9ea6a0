from django import template
from wagtail.models import Site

from home.structure import section_link
from indicators.models import IndicatorTrackerPage

register = template.Library()

HIGHLIGHTS = 4


def _highlights(tracker_pk, request):
    # By id: finding "the first live tracker" in the page tree scans it on every home page view.
    tracker = IndicatorTrackerPage.objects.select_related("plan").filter(pk=tracker_pk).first()
    if tracker is None or tracker.plan is None:
        return {"tracker": None}
    indicators = list(tracker.indicators())
    # The figures the portal computes itself come first: they are the freshest.
    featured = sorted(indicators, key=lambda indicator: not indicator.is_automatic)[:HIGHLIGHTS]
    return {
        "tracker": {"url": tracker.get_url(request), "plan_number": tracker.plan.number},
        "completion": tracker.plan.completion(indicators),
        "achieved": sum(1 for indicator in indicators if indicator.status == "achieved"),
        "total": len(indicators),
        "highlights": [
            {
                "name": indicator.name,
                "url": tracker.indicator_url(indicator),
                "value": indicator.latest.value_display if indicator.latest else None,
                "target": indicator.target_display,
                "status": str(indicator.status),
                "status_label": str(indicator.status.label),
            }
            for indicator in featured
        ],
    }


@register.inclusion_tag("indicators/includes/home_highlights.html", takes_context=True)
def indicator_highlights(context):
    """Overall completion and a few indicators of the live tracker page, for the home page.

    Kept with the rest of the home page's sections, per content generation and per day
    (``{% remembered %}`` in home/home_page.html): an indicator's status weighs the share of the
    plan's time already gone.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    link = section_link(IndicatorTrackerPage, site, request)
    if link is None:
        return {"tracker": None}
    return _highlights(link.pk, request)
