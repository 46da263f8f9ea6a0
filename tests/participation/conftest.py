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
