"""The status a reader sees for a directive, decided in one place.

Editors store a legal status (in force, expired, replaced) and, separately, dates and a
withdrawal. What the portal shows combines them; the first rule that matches wins:

1. a withdrawal date is set                   → withdrawn (Đã thu hồi)
2. the stored status is "replaced"            → replaced
3. the stored status is "expired", or the
   expiry date is before the day              → expired
4. the effective date is after the day        → not yet in force
5. otherwise                                  → in force

Each rule is written twice, side by side: as a test on one page (previews, a page just
loaded) and as SQL (listing filters, counts, CSV, feeds, API). The tests check that both
give the same answer on every boundary.
"""

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LegalStatus(models.TextChoices):
    """What an editor records; the public status is ``DirectiveStatus``."""

    IN_FORCE = "in_force", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")


class DirectiveStatus(models.TextChoices):
    """The status shown to readers everywhere: pages, filters, CSV, feeds and the API."""

    IN_FORCE = "in_force", _("Còn hiệu lực")
    NOT_YET_IN_FORCE = "not_yet_in_force", _("Chưa có hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")
    WITHDRAWN = "withdrawn", _("Đã thu hồi")


# The name of the annotation ``DirectivePageQuerySet.with_status`` adds.
ANNOTATION = "directive_status"


def _rules(on):
    """(status, test on one page, SQL condition), in order of precedence."""
    return [
        (DirectiveStatus.WITHDRAWN, lambda page: page.withdrawn_on is not None, Q(withdrawn_on__isnull=False)),
        (
            DirectiveStatus.REPLACED,
            lambda page: page.legal_status == LegalStatus.REPLACED,
            Q(legal_status=LegalStatus.REPLACED),
        ),
        (
            DirectiveStatus.EXPIRED,
            lambda page: (
                page.legal_status == LegalStatus.EXPIRED or (page.expires_on is not None and page.expires_on < on)
            ),
            Q(legal_status=LegalStatus.EXPIRED) | Q(expires_on__lt=on),
        ),
        (
            DirectiveStatus.NOT_YET_IN_FORCE,
            lambda page: page.effective_on is not None and page.effective_on > on,
            Q(effective_on__gt=on),
        ),
    ]


def status_of(page, on=None):
    """The status of one directive on ``on`` (today by default)."""
    on = on or timezone.localdate()
    for status, applies, _condition in _rules(on):
        if applies(page):
            return status
    return DirectiveStatus.IN_FORCE


def status_expression(on=None):
    """The same rules as an SQL expression, for annotating a queryset of directives."""
    on = on or timezone.localdate()
    return Case(
        *(When(condition, then=Value(status.value)) for status, _applies, condition in _rules(on)),
        default=Value(DirectiveStatus.IN_FORCE.value),
        output_field=models.CharField(max_length=20),
    )
