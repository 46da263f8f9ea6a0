from django import template
from django.urls import reverse

from ..models.feedback import REASON_MAX_LENGTH

register = template.Library()


@register.inclusion_tag("participation/includes/page_feedback.html")
def page_feedback(page):
    """ "Thông tin này có hữu ích không?": a plain form, the same for every visitor, so the page stays cacheable."""
    return {"page": page, "action": reverse("participation_page_feedback"), "reason_limit": REASON_MAX_LENGTH}
