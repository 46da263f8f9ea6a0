"""OpenSearch 2 with Vietnamese accent folding (see ``analysis.py``)."""

from modelsearch.backends import opensearch2

from .engine import vietnamese_backend

SearchBackend = vietnamese_backend(opensearch2, "OpenSearch2")
