from django import template

from directives.models import DirectiveIndexPage, DirectivePage, OperationalNewsIndexPage, OperationalNewsPage

register = template.Library()

HOME_ITEMS = 5


@register.inclusion_tag("directives/includes/home_sections.html", takes_context=True)
def directives_home_sections(context):
    """Latest directives and operational news for the home page."""
    return {
        "request": context.get("request"),
        "directives": DirectivePage.objects.live().public().select_related("doc_type").newest_first()[:HOME_ITEMS],
        "news": OperationalNewsPage.objects.live().public().order_by("-date", "-pk")[:HOME_ITEMS],
        "directive_index": DirectiveIndexPage.objects.live().public().first(),
        "news_index": OperationalNewsIndexPage.objects.live().public().first(),
    }
