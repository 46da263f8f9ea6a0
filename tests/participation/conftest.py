import base64
import json

import altcha
import pytest

from tests.services import conftest as services_fixtures

# Procedures built the way the services tests build them.
procedure_index = services_fixtures.procedure_index
make_procedure = services_fixtures.make_procedure


def solve(client):
    """What static/js/altcha-form.js does in the browser: fetch a challenge and find its number."""
    challenge = client.get("/tham-gia/altcha/").json()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    payload = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = solution.number
    return base64.b64encode(json.dumps(payload).encode()).decode()


@pytest.fixture
def proof(client):
    """A fresh proof of work, solved against the portal's own challenge endpoint."""
    return lambda: solve(client)


@pytest.fixture
def qa(home_page):
    """A Q&A index at /hoi-dap/ on the province portal, with an agency and a field to ask about."""
    from directives.models import IssuingBody
    from home.demo import ensure_page
    from participation.models import QuestionIndexPage
    from services.models import ProcedureField

    index, _ = ensure_page(home_page, QuestionIndexPage, "hoi-dap", title="Hỏi đáp")
    agency = IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Hậu Giang", short_name="UBND tỉnh")
    field = ProcedureField.objects.create(name="Hộ tịch")
    return index, agency, field


@pytest.fixture
def drafting_body(db):
    from directives.models import IssuingBody

    return IssuingBody.objects.create(name="Sở Tư pháp tỉnh Hậu Giang", short_name="Sở Tư pháp", slug="so-tu-phap")


@pytest.fixture
def consultation_index(home_page):
    from participation.models import ConsultationIndexPage

    index = ConsultationIndexPage(title="Lấy ý kiến dự thảo", slug="lay-y-kien-du-thao")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


ARTICLES = [
    ("1", "Phạm vi điều chỉnh", "Quy định này quy định việc tiếp nhận phản ánh."),
    ("2", "Đối tượng áp dụng", "Quy định này áp dụng đối với cơ quan, tổ chức, cá nhân."),
    ("3", "Hiệu lực thi hành", "Quy định có hiệu lực sau 10 ngày."),
]


@pytest.fixture
def make_consultation(consultation_index, drafting_body):
    """A published consultation opening and closing on the given days (relative to today by default)."""
    import datetime

    from django.utils import timezone

    from participation.models import ConsultationPage

    def make(title="Dự thảo Quy định tiếp nhận phản ánh", opens=-5, closes=30, report=None, **fields):
        today = timezone.localdate()
        as_date = lambda value: value if isinstance(value, datetime.date) else today + datetime.timedelta(days=value)  # noqa: E731
        page = ConsultationPage(
            title=title,
            summary="Dự thảo quy định việc tiếp nhận, xử lý phản ánh của người dân.",
            drafting_body=drafting_body,
            opens_on=as_date(opens),
            closes_on=as_date(closes),
            report_published_on=None if report is None else as_date(report),
            draft=json.dumps(
                [
                    {"type": "article", "value": {"kind": "dieu", "number": n, "title": t, "text": f"<p>{x}</p>"}}
                    for n, t, x in ARTICLES
                ]
            ),
            contact="Phòng Xây dựng văn bản, Sở Tư pháp.",
            **fields,
        )
        consultation_index.add_child(instance=page)
        page.save_revision().publish()
        return ConsultationPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def subportal_staff(home_page):
    """The demo-like Sở Tư pháp sub-portal and a member of its editors' group (page permissions on its tree only)."""
    from django.contrib.auth.models import User
    from django.test import override_settings

    from subportals.creating import create_subportal

    with override_settings(ALLOWED_HOSTS=["testserver", ".localhost"]):
        justice = create_subportal(
            name="Sở Tư pháp", short_name="STP", hostname="sotuphap.localhost", kind="department"
        ).subportal
    user = User.objects.create_user("canbo", "canbo@example.invalid", "x")
    user.groups.add(justice.site.root_page.group_permissions.first().group)
    return justice, user
