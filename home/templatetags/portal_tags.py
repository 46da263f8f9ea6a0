from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.filter
def document_size(document):
    """Human file size of a Wagtail document; empty when the file is missing."""
    size = getattr(document, "file_size", None)
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            return ""
    return filesizeformat(size)


@register.filter
def page_numbers(page):
    """The page numbers a pagination bar shows for ``page``, None where a run of pages is left out.

    Django's elided range: the first and last pages, and two on each side of the current one.
    A listing of 100,000 directives would otherwise print 5,000 links.
    """
    return [
        number if isinstance(number, int) else None
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page, param="trang", query=None, label=None):
    """The one pagination bar of every finder: previous, the elided page numbers, next.

    ``query`` is the finder's own query string without the page (its cleaned filters); when it
    is not given, the current request's parameters are kept and only ``param`` is replaced.
    """
    if query is None:
        params = context["request"].GET.copy()
        params.pop(param, None)
        query = params.urlencode()
    prefix = f"?{query}&{param}=" if query else f"?{param}="

    def href(number):
        return f"{prefix}{number}"

    return {
        "page": page,
        "label": label,
        "previous_href": href(page.previous_page_number()) if page.has_previous() else "",
        "next_href": href(page.next_page_number()) if page.has_next() else "",
        "numbers": [(number, href(number) if number else "") for number in page_numbers(page)],
    }
