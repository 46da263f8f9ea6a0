"""Public views of the Q&A desk, served as routes of the ``QuestionIndexPage`` (/hoi-dap/…)."""

from django.db import transaction
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal.outbox import queue_email
from search import results as portal_search

from .models import Question
from .question_forms import QuestionForm, TrackForm
from .questions import due_on, new_code

SUGGESTION_LIMIT = 5
# What a citizen about to ask may find answered already: published answers and procedures.
SUGGESTED_TYPES = ("participation.questionpage", "services.procedurepage")


def _private(response):
    """Personal answers (a code, a status, a form with a CSRF token) never go into the page cache."""
    add_never_cache_headers(response)
    return response


def _render(request, index, template, context):
    context = {**index.get_context(request), **context}
    return _private(TemplateResponse(request, template, context))


def _confirmation_email(question, index, request):
    context = {"question": question, "track_url": request.build_absolute_uri(index.url + "tra-cuu/")}
    queue_email(
        to=question.email,
        subject=_("Cổng thông tin điện tử đã nhận câu hỏi %(code)s") % {"code": question.code},
        text=render_to_string("participation/emails/question_received.txt", context),
        key=f"question-received:{question.code}",
    )


def ask(request, index):
    initial = {"agency": index.agency_id} if index.agency_id else {}
    form = QuestionForm(request.POST or None, initial=initial, request=request)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        with transaction.atomic():
            question = form.save(commit=False)
            question.code = new_code()
            question.submitted_at = question.consented_at = now
            question.due_on = due_on(now)
            question.save()
            _confirmation_email(question, index, request)
        return _render(request, index, "participation/question_sent.html", {"question": question})
    return _render(request, index, "participation/question_form.html", {"form": form})


def track(request, index):
    """Status only: a code shows received, assigned, answered, published or declined (with the reason)."""
    data = request.POST if request.method == "POST" else (request.GET if "ma" in request.GET else None)
    form = TrackForm(data)
    context = {"form": form}
    if data is not None and form.is_valid():
        question = Question.objects.select_related("page").filter(code=form.cleaned_data["ma"]).first()
        if question is None:
            form.add_error("ma", _("Không tìm thấy câu hỏi có mã này. Vui lòng kiểm tra lại mã trong thư xác nhận."))
        else:
            if request.method == "POST" and request.POST.get("xoa_lien_he") == "1":
                question.erase_contact()
                context["erased"] = True
            context["question"] = question
    return _render(request, index, "participation/question_track.html", context)


def suggest(request, index):
    """/hoi-dap/goi-y/?q=…: published answers and procedures matching the question being typed."""
    outcome = portal_search.run_search(
        request.GET.get("q", ""), {}, per_page=portal_search.MAX_CANDIDATES, request=request, operator="or"
    )
    hits = [hit for hit in outcome.hits if hit.type in SUGGESTED_TYPES][:SUGGESTION_LIMIT]
    results = [{"title": hit.title, "url": hit.url, "type_label": hit.type_label} for hit in hits]
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
