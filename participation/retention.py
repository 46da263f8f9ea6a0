"""How long citizen submissions keep their sender's contact details.

Each kind of submission registers its model, the date its retention runs from and the
contact fields to erase (``register``, called from the app that owns the model). After
``PARTICIPATION_RETENTION_DAYS[kind]`` days, ``purge`` blanks those fields and keeps the
rest (the comment or question text), so published and statistical use goes on anonymised.
Run daily from cron: ``manage.py purge_personal_data``.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    kind: str
    model: type
    date_field: str
    fields: tuple


REGISTRY = {}


def register(kind, model, date_field, fields):
    """Erase ``fields`` of ``model`` rows whose ``date_field`` is older than the kind's retention."""
    REGISTRY[kind] = Retention(kind, model, date_field, tuple(fields))


def unregister(kind):
    REGISTRY.pop(kind, None)


def purge(now=None):
    """Erase expired contact details; return {kind: rows erased}."""
    now = now or timezone.now()
    erased = {}
    for kind, entry in REGISTRY.items():
        days = settings.PARTICIPATION_RETENTION_DAYS[kind]
        cutoff = now - datetime.timedelta(days=days)
        still_held = Q()
        for field in entry.fields:
            still_held |= ~Q(**{field: ""})
        rows = entry.model._default_manager.filter(**{f"{entry.date_field}__lt": cutoff}).filter(still_held)
        erased[kind] = rows.update(**dict.fromkeys(entry.fields, ""))
    return erased
