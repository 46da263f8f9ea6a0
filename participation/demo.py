"""Demo consultations on the province portal: one open with published comments on two articles,
one closed with its synthesis report, and enough past ones for the finder's second page. Prose is in
``demo_data/consultations.json``; dates are relative to the day the demo is loaded, so the open one
stays open. Names are fictional.

Every step looks its content up by a stable key first, so a second run changes nothing.
"""

import datetime
import json

from django.utils import timezone

from directives.models import IssuingBody
from home.demo import demo_data, ensure_page
from home.models import HomePage

from .models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from .questions_demo import load_questions

DATA = demo_data(__file__, "consultations")


def _day(offset):
    return None if offset is None else timezone.localdate() + datetime.timedelta(days=offset)


def _draft(articles):
    return json.dumps(
        [
            {
                "type": "article",
                "value": {"kind": "dieu", "number": a["number"], "title": a["title"], "text": f"<p>{a['text']}</p>"},
            }
            for a in articles
        ]
    )


def load(stdout):
    home = HomePage.objects.filter(depth=2).first()
    index, _ = ensure_page(
        home, ConsultationIndexPage, DATA["index"]["slug"], title=DATA["index"]["title"], intro=DATA["index"]["intro"]
    )
    for item in DATA["consultations"]:
        page, created = ensure_page(
            index,
            ConsultationPage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            document_kind=item.get("document_kind", "legal_normative"),
            drafting_body=IssuingBody.objects.get(short_name=item["drafting_body"]),
            opens_on=_day(item["opens_in_days"]),
            closes_on=_day(item["closes_in_days"]),
            report_published_on=_day(item["report_in_days"]),
            report_intro=item.get("report_intro", ""),
            contact=item["contact"],
            questions=json.dumps([{"type": "question", "value": question} for question in item["questions"]]),
            draft=_draft(item["articles"]),
        )
        if not created:
            continue
        articles = page.articles
        for comment in item["comments"]:
            block_id, value = articles[comment["article"] - 1] if comment["article"] else ("", None)
            ConsultationComment.objects.create(
                consultation=page,
                article_key=block_id,
                article_label=value.heading() if value else "",
                name=comment["name"],
                organisation=comment["organisation"],
                email=comment["email"],
                text=comment["text"],
                status=ConsultationComment.Status.PUBLISHED,
                response=comment.get("response", ""),
                response_reason=comment.get("reason", ""),
            )
    stdout.write(f"  Lấy ý kiến dự thảo: {index.url}")
    load_questions(stdout)
