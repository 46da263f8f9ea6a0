from django import template
from wagtail.models import Site

from home.structure import section_link
from indicators.models import IndicatorTrackerPage

register = template.Library()

HIGHLIGHTS = 4


@register.inclusion_tag("indicators/includes/home_highlights.html", takes_context=True)
def indicator_highlights(context):
    """Overall completion and a few indicators of the live tracker page, for the home page."""
    request = context.get("request")
    link = section_link(IndicatorTrackerPage, Site.find_for_request(request) if request else None, request)
    # By id: finding "the first live tracker" in the page tree scans it on every home page view.
    tracker = IndicatorTrackerPage.objects.select_related("plan").filter(pk=link.pk).first() if link else None
    if tracker is None or tracker.plan is None:
        return {"tracker": None}
    indicators = list(tracker.indicators())
    # The figures the portal computes itself come first: they are the freshest.
    featured = sorted(indicators, key=lambda indicator: not indicator.is_automatic)[:HIGHLIGHTS]
    return {
        "tracker": tracker,
        "completion": tracker.plan.completion(indicators),
        "achieved": sum(1 for indicator in indicators if indicator.status == "achieved"),
        "total": len(indicators),
        "highlights": [{"indicator": indicator, "url": tracker.indicator_url(indicator)} for indicator in featured],
    }
