"""Refresh the automatic indicators when the portal data behind them changes.

Connected in ``IndicatorsConfig.ready``. The directives app is installed before this one, so
its own handlers (which link register entries to the page) run first and the refresh sees
the register as it now stands.
"""

import logging

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from .models import AutomaticSource

DIRECTIVE_SOURCES = [AutomaticSource.DIRECTIVE_PUBLICATION_RATE]
PROCEDURE_SOURCES = [AutomaticSource.ONLINE_SERVICES_LEVEL_3, AutomaticSource.ONLINE_SERVICES_LEVEL_2]


logger = logging.getLogger(__name__)


def _refresh(sources):
    """Refresh in a savepoint: a failing indicator is logged, it never blocks publishing."""
    from .automatic import refresh

    try:
        with transaction.atomic():
            refresh(sources)
    except Exception:
        logger.exception("Refreshing the automatic indicators failed; the daily refresh_indicators will retry.")


def refresh_directive_indicators(sender, **kwargs):
    _refresh(DIRECTIVE_SOURCES)


def refresh_procedure_indicators(sender, **kwargs):
    _refresh(PROCEDURE_SOURCES)


def connect():
    if apps.is_installed("directives"):
        from directives.models import DirectivePage
        from directives.signals import register_imported

        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                refresh_directive_indicators, sender=DirectivePage, dispatch_uid=f"indicators_directive_{id(signal)}"
            )
        register_imported.connect(refresh_directive_indicators, dispatch_uid="indicators_register_imported")
    if apps.is_installed("services"):
        from services.models import ProcedurePage
        from services.signals import procedures_imported

        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                refresh_procedure_indicators, sender=ProcedurePage, dispatch_uid=f"indicators_procedure_{id(signal)}"
            )
        procedures_imported.connect(refresh_procedure_indicators, dispatch_uid="indicators_procedures_imported")
