from django import template

from home.structure import site_for_request
from portal import translations

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages (or to their home page when it has no translation)."""
    request = context.get("request")
    if request is None:
        return {"links": []}
    return {"links": translations.alternates(request, context.get("page"), site_for_request(request))}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for a page with translations, in the document head."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return {"links": []}
    return {"links": translations.hreflang_links(request, page)}
