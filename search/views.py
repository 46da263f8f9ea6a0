from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from portal import vietnamese

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Site search across all live public pages (the search issue refines ranking and facets)."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(vietnamese.fold(query) or query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page_obj, "paginator": paginator},
    )
