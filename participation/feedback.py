"""Page feedback: "Thông tin này có hữu ích không?" at the foot of guidance, procedure and directive pages.

The form is plain HTML in pages the anonymous page cache serves to everyone, so it cannot
carry a CSRF token (the token sets a cookie, and a page that sets a cookie is never cached).
The endpoint is therefore exempt from CSRF and protected instead by:

- an Origin check (or Referer, for the rare browser that sends no Origin on a form POST):
  another site cannot make its visitors' browsers post feedback here, which is all CSRF
  protection would add for an anonymous, session-less vote;
- the per-address rate limit of every citizen form (participation.ratelimit), counted in the
  cache under a hash: no address is stored.

Proof of work is not asked: it needs JavaScript, and the answer must work without it. What is
stored is the page, yes or no, the optional reason and the day (models.feedback).
"""

from urllib.parse import urlsplit

from django.db.models import Q
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .models import PageFeedback
from .models.feedback import REASON_MAX_LENGTH

RATE_LIMIT_SCOPE = "page-feedback"


def feedback_page_models():
    """Page types that end with the question: guidance, procedures and directives."""
    from directives.models import DirectivePage
    from home.models import StandardPage
    from services.models import ProcedurePage

    return (StandardPage, ProcedurePage, DirectivePage)


def same_origin(request):
    """Whether the POST comes from a page of this very host."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        return False
    return urlsplit(source).netloc == request.get_host()


def _page(page_id):
    if not str(page_id or "").isdigit():
        return None
    page = Page.objects.live().public().filter(pk=int(page_id)).first()
    if page is None or not issubclass(page.specific_class or Page, feedback_page_models()):
        return None
    return page


@csrf_exempt  # see the module docstring: the page cache serves this form without a token
@require_POST
def record(request):
    from .ratelimit import refusal

    if not same_origin(request):
        return HttpResponseForbidden(_("Phản hồi chỉ được gửi từ các trang của Cổng."))
    page = _page(request.POST.get("page"))
    answer = request.POST.get("helpful")
    if page is None or answer not in ("yes", "no"):
        return HttpResponseBadRequest(_("Phản hồi không hợp lệ."))
    context = {"page": page, "reason_limit": REASON_MAX_LENGTH}
    reason = " ".join(request.POST.get("reason", "").split())
    if len(reason) > REASON_MAX_LENGTH:
        context.update(
            error=_("Lý do dài tối đa %(limit)s ký tự (hiện có %(length)s). Vui lòng rút gọn rồi gửi lại.")
            % {"limit": REASON_MAX_LENGTH, "length": len(reason)},
            reason=reason,
            helpful=answer,
        )
        response = TemplateResponse(request, "participation/feedback_refused.html", context, status=400)
    else:
        message = refusal(request, RATE_LIMIT_SCOPE)
        if message:
            context.update(error=message, reason=reason, helpful=answer)
            response = TemplateResponse(request, "participation/feedback_refused.html", context, status=429)
        else:
            PageFeedback.objects.create(page=page, helpful=answer == "yes", reason=reason)
            response = TemplateResponse(request, "participation/feedback_thanks.html", context)
    add_never_cache_headers(response)
    return response


def report_rows(threshold):
    """Counts per page, the most "no" first; procedures at or over ``threshold`` "no" are flagged."""
    from services.models import ProcedurePage

    rows = list(PageFeedback.objects.counts_per_page())
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[row["page"] for row in rows]).specific()}
    procedure_ids = set(ProcedurePage.objects.filter(pk__in=pages).values_list("pk", flat=True))
    reasons = {}
    for feedback in PageFeedback.objects.filter(page__in=pages, helpful=False).exclude(Q(reason="")).order_by("-pk"):
        reasons.setdefault(feedback.page_id, [])
        if len(reasons[feedback.page_id]) < 3:
            reasons[feedback.page_id].append(feedback.reason)
    for row in rows:
        row["page"] = pages.get(row["page"])
        row["flagged"] = row["page"] is not None and row["page"].pk in procedure_ids and row["no"] >= threshold
        row["reasons"] = reasons.get(row["page"].pk, []) if row["page"] else []
    return [row for row in rows if row["page"] is not None]
