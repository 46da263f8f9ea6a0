from django import template

from services.models import CampaignPage, OnlineServicesPage, ProcedurePage

register = template.Library()


@register.inclusion_tag("services/home_section.html", takes_context=True)
def services_home_section(context):
    """The home page's online-services entry point and the banner of the current campaign."""
    online = ProcedurePage.objects.live().public().online()
    return {
        "request": context.get("request"),
        "campaign": CampaignPage.objects.live().public().active().order_by("-start_date").first(),
        "online_page": OnlineServicesPage.objects.live().public().first(),
        "online_count": online.count(),
        "featured": online.select_related("field").order_by("-legacy_level", "title")[:4],
    }
