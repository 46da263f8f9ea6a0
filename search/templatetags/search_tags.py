from django import template

register = template.Library()


@register.simple_tag
def search_url(request, name, value, **more):
    """The current search URL with ``name`` set to ``value`` (or removed for None), and so for each
    of ``more``; back to page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    for key, new in {name: value, **more}.items():
        if new is None:
            params.pop(key, None)
        else:
            params[key] = new
    return "?" + params.urlencode()


@register.simple_tag
def online_services_url():
    """The online-services entry point, found by page type rather than by slug."""
    try:
        from services.models import OnlineServicesPage
    except ImportError:
        return ""
    page = OnlineServicesPage.objects.live().public().first()
    return page.url if page else ""
