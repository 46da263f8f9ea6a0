from django import template

from home.structure import site_for_request
from portal.cache import remember

from .. import activity
from ..models import SubPortal

register = template.Library()


@register.inclusion_tag("subportals/includes/unit_news.html", takes_context=True)
def unit_news(context):
    """The province home's "Tin từ các đơn vị", kept with the rest of its sections until any site
    publishes (``{% remembered %}`` in home/home_page.html, on the all-sites generation)."""
    request = context.get("request")
    site = site_for_request(request) if request else None
    if site is None or not site.is_default_site:
        return {"items": []}
    return {"items": activity.unit_news()}


@register.inclusion_tag("subportals/includes/publication_rate.html", takes_context=True)
def subportal_publication_rate(context):
    """A sub-portal's own share of its register on the portal; nothing on the province portal."""
    request = context.get("request")
    site = site_for_request(request) if request else None
    if site is None or site.is_default_site:
        return {"count": None}

    def compute():
        subportal = SubPortal.objects.select_related("issuing_body").for_site(site)
        return activity.publication_count(subportal) if subportal else False

    return {"count": remember(f"subportals:rate:{site.pk}", compute, site=site) or None}
