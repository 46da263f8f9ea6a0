"""Elasticsearch 9 with Vietnamese accent folding (see ``analysis.py``)."""

from modelsearch.backends import elasticsearch9

from .engine import vietnamese_backend

SearchBackend = vietnamese_backend(elasticsearch9, "Elasticsearch9")
