"""Wagtail search backends that fold Vietnamese accents on both the index and the query side.

Select them through ``SEARCH_URL`` (see ``portal/settings/environment.py``):
``search.backends.database`` always, plus ``search.backends.opensearch2`` (or
``elasticsearch9``) when an engine is configured; both are built by ``engine.py``.
"""
