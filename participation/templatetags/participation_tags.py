from django import template
from wagtail.models import Site

from participation.models import ConsultationPage

register = template.Library()


@register.inclusion_tag("participation/home_section.html", takes_context=True)
def open_consultations(context, limit=3):
    """The home page's list of drafts open for comment on this site, closing soonest first."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    consultations = ConsultationPage.objects.live().public().open()
    if site is not None:
        consultations = consultations.descendant_of(site.root_page)
    return {"request": request, "consultations": consultations.order_by("closes_on")[:limit]}
