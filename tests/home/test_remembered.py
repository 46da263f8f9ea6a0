"""{% remembered %}: a fragment rendered once per content generation, never from a preview's draft."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from portal.cache import content_changed

pytestmark = pytest.mark.django_db

FRAGMENT = Template('{% load portal_tags %}{% remembered "note" part %}{{ note }}{% endremembered %}')


def render(note, part="a", preview=False):
    request = RequestFactory().get("/")
    request.is_preview = preview
    return FRAGMENT.render(Context({"request": request, "note": note, "part": part}))


def test_a_fragment_is_kept_until_content_changes():
    assert render("first") == "first"
    assert render("second") == "first"  # kept: its context is not even read
    assert render("other", part="b") == "other"  # another part is another fragment
    content_changed()
    assert render("third") == "third"


def test_a_preview_shows_its_draft_and_never_leaves_it_for_visitors():
    assert render("draft", preview=True) == "draft"
    assert render("live") == "live"
    assert render("draft again", preview=True) == "draft again"
    assert render("other") == "live"


def test_a_value_its_caller_will_not_keep_is_computed_again():
    # The search page does not keep an answer the database gave while the engine was down.
    from portal.cache import remember

    answers = iter(["from the database", "from the engine", "unused"])
    engine_down = {"from the database": True, "from the engine": False}
    kept = [remember("answer", lambda: next(answers), keep_if=lambda value: not engine_down[value]) for _ in range(3)]
    assert kept == ["from the database", "from the engine", "from the engine"]
