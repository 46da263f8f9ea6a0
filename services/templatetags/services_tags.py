from django import template
from wagtail.models import Site

from home.structure import section_link
from services.models import CampaignPage, OnlineServicesPage, ProcedurePage

register = template.Library()


@register.inclusion_tag("services/home_section.html", takes_context=True)
def services_home_section(context):
    """The home page's online-services entry point and the banner of the current campaign.

    Kept with the rest of the home page's sections (``{% remembered %}`` in home/home_page.html).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    online = ProcedurePage.objects.live().public().online()
    return {
        "campaign": CampaignPage.objects.live().public().active().order_by("-start_date").first(),
        "online_count": online.count(),
        # "No trip to an office" is true only of services done wholly online (toàn trình).
        "full_count": online.fully_online().count(),
        "featured": list(online.order_by("-legacy_level", "title")[:4]),
        "request": request,
        "online_page": section_link(OnlineServicesPage, site, request),
    }
