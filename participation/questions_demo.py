"""Demo Q&A: /hoi-dap/ on the province portal with ten answered questions of three agencies (demo_data/questions.json).

The askers are not real and their contact details are not kept (erased, as the retention rules
would leave them). A second run changes nothing.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from directives.models import IssuingBody
from home.demo import demo_data, ensure_page
from portal.vietnamese import slugify
from services.models import ProcedureField

from .models import Question, QuestionIndexPage, QuestionPage
from .questions import add_working_days


def _moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def load_questions(stdout):
    data = demo_data(__file__, "questions")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    spec = data["index"]
    index, _created = ensure_page(
        site.root_page, QuestionIndexPage, spec["slug"], title=spec["title"], intro=spec["intro"], show_in_menus=True
    )
    agencies = {
        key: IssuingBody.objects.filter(name=agency["name"]).first()
        or IssuingBody.objects.create(name=agency["name"], short_name=agency["short_name"])
        for key, agency in data["agencies"].items()
    }
    created = 0
    for item in data["questions"]:
        asked_on = datetime.date.fromisoformat(item["asked_on"])
        answered_on = datetime.date.fromisoformat(item["answered_on"])
        field, _ = ProcedureField.objects.get_or_create(name=item["field"])
        page, was_created = ensure_page(
            index,
            QuestionPage,
            slugify(item["title"])[:80],
            published_on=answered_on,
            title=item["title"],
            question=item["question"],
            answer=item["answer"],
            agency=agencies[item["agency"]],
            field=field,
            asked_on=asked_on,
            answered_on=answered_on,
        )
        if was_created:
            created += 1
            Question.objects.create(
                code=f"HD-DEMO{page.pk:06d}",
                field=field,
                agency=page.agency,
                text=item["question"],
                consented_at=_moment(asked_on),
                submitted_at=_moment(asked_on),
                due_on=add_working_days(asked_on, 15),
                assigned_at=_moment(asked_on),
                answer=item["answer"],
                answered_at=_moment(answered_on),
                page=page,
                contact_erased_at=_moment(answered_on),
            )
    stdout.write(f"  Hỏi đáp: {index.url} ({created} câu hỏi mới)")
