from django import template
from wagtail.models import Site

from directives.models import DirectiveIndexPage, DirectivePage, OperationalNewsIndexPage, OperationalNewsPage
from home.structure import section_link

register = template.Library()

HOME_ITEMS = 5


@register.inclusion_tag("directives/includes/home_sections.html", takes_context=True)
def directives_home_sections(context):
    """Latest directives and operational news for the home page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return {
        "request": request,
        "directives": DirectivePage.objects.live().public().select_related("doc_type").newest_first()[:HOME_ITEMS],
        "news": OperationalNewsPage.objects.live().public().order_by("-date", "-pk")[:HOME_ITEMS],
        "directive_index": section_link(DirectiveIndexPage, site, request),
        "news_index": section_link(OperationalNewsIndexPage, site, request),
    }
