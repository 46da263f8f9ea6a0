import hashlib

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from portal.cache import remember

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


@register.tag
def remembered(parser, token):
    """``{% remembered "name" part … %}…{% endremembered %}``: the enclosed HTML, rendered once and then
    kept for the content generation (``portal.cache.remember``), per language, day and ``part``.

    For what costs most to render and reads the same for every visitor: the tracker's charts, a
    finder's page of results. Its context should be lazy, so that a kept fragment skips the work
    too. Never enclose what depends on the visitor (a form's CSRF token, the user bar). Kept per
    day as well, since a status or a share of time elapsed moves at midnight, not with content.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class RememberedNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A preview shows a draft: rendered afresh, and never kept where visitors would read it.
            return self.nodelist.render(context)
        parts = [str(part.resolve(context)) for part in self.parts]
        digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
        return remember(f"fragment:{timezone.localdate().isoformat()}:{digest}", lambda: self.nodelist.render(context))
