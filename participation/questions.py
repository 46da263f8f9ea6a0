"""Rules of the Q&A desk: tracking codes, working-day deadlines, who sees which question, publishing.

Working days are Monday to Friday less public holidays (``portal.holidays``): a deadline across
Tết moves past the days off, as the agency counts it.
"""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from wagtail.models import GroupPagePermission, Site

from portal.holidays import add_working_days

CODE_PREFIX = "HD-"
# No 0/O, 1/I/L: a code read out over the phone or copied by hand stays unambiguous.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_code():
    """A random, unguessable tracking code: "HD-" and 10 characters (about 50 bits)."""
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """The code as stored, from what a citizen typed ("hd-abc…", spaces, a missing prefix)."""
    text = "".join(str(text or "").split()).upper()
    if not text.startswith(CODE_PREFIX):
        text = CODE_PREFIX + text.removeprefix("HD")
    return text[: len(CODE_PREFIX) + CODE_LENGTH]


def due_on(submitted_at):
    from .models import QuestionSettings

    deadline = QuestionSettings.load().answer_deadline_days
    return add_working_days(timezone.localdate(submitted_at), deadline)


def page_permission_paths(user):
    """Tree paths of the pages on which ``user``'s groups hold page permissions (each covers its subtree)."""
    return set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True).distinct())


def agencies_for_user(user):
    """The issuing bodies whose questions ``user`` handles; None means every question.

    Superusers and staff holding page permissions on the province site's root (or above it)
    see every question. Sub-portal staff, whose groups hold permissions on their sub-portal's
    tree (portal.departments), see the questions of that sub-portal's agency.
    """
    from subportals.models import SubPortal

    if user.is_superuser:
        return None
    permitted_paths = page_permission_paths(user)
    province = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if province is not None and any(province.root_page.path.startswith(path) for path in permitted_paths):
        return None
    agencies = []
    for subportal in SubPortal.objects.select_related("site__root_page"):
        root_path = subportal.site.root_page.path
        if any(root_path.startswith(path) or path.startswith(root_path) for path in permitted_paths):
            agencies.append(subportal.issuing_body_id)
    return agencies


def questions_for_user(user, queryset=None):
    from .models import Question

    queryset = Question.objects.all() if queryset is None else queryset
    agencies = agencies_for_user(user)
    return queryset if agencies is None else queryset.for_agencies(agencies)


def index_page_for(agency):
    """The Q&A index where ``agency``'s answers are published: its sub-portal's, else the province's."""
    from subportals.models import SubPortal

    from .models import QuestionIndexPage

    subportal = SubPortal.objects.filter(issuing_body=agency).select_related("site__root_page").first()
    if subportal is not None:
        index = QuestionIndexPage.objects.descendant_of(subportal.site.root_page).first()
        if index is not None:
            return index
    province = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if province is None:
        return None
    return QuestionIndexPage.objects.descendant_of(province.root_page).first()


@transaction.atomic
def draft_page(question, user=None):
    """A draft ``QuestionPage`` of an answered question, for the moderation workflow.

    It copies the question text, the answer, the agency, the field and the dates: never the
    asker's name, e-mail or phone. Staff read the draft (and remove any personal detail the
    asker wrote into the question itself) before submitting it for approval.
    Returns None when there is no index page to put it under.
    """
    from .models import QuestionPage

    if question.page_id:
        return question.page
    index = index_page_for(question.agency)
    if index is None:
        return None
    words = question.text.split()
    title = " ".join(words[:18]) + ("…" if len(words) > 18 else "")
    page = QuestionPage(
        title=title,
        # Never the tracking code: whoever holds it may erase the asker's contact details.
        slug="",
        question=question.text,
        answer=linebreaks(escape(question.answer)),
        agency=question.agency,
        field=question.field,
        asked_on=timezone.localdate(question.submitted_at),
        answered_on=timezone.localdate(question.answered_at or timezone.now()),
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user)
    question.page = page
    question.save(update_fields=["page"])
    return page
