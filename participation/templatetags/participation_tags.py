from django import template
from django.urls import reverse
from wagtail.models import Site

from participation.models import ConsultationPage
from participation.models.feedback import REASON_MAX_LENGTH

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


@register.inclusion_tag("participation/includes/page_feedback.html")
def page_feedback(page):
    """ "Thông tin này có hữu ích không?": a plain form, the same for every visitor, so the page stays cacheable."""
    return {"page": page, "action": reverse("participation_page_feedback"), "reason_limit": REASON_MAX_LENGTH}
