"""The Vietnamese folding analyzers in the index settings and mappings of every engine backend."""

import pytest

from home.models import StandardPage
from search.backends import elasticsearch9, opensearch2

BACKENDS = [opensearch2.SearchBackend, elasticsearch9.SearchBackend]


@pytest.fixture(params=BACKENDS, ids=lambda backend: backend.__name__)
def backend(request):
    # Building a backend creates a client object only; nothing is sent to a server.
    return request.param({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "portal_"})


def test_default_analyzer_folds_vietnamese_and_keeps_the_original(backend):
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["filter"]["vietnamese_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analysis["analyzer"]["default"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "vietnamese_folding"],
    }
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"] == ["lowercase", "vietnamese_folding", "edgengram"]
    # Upstream's n-gram analyzers and index settings are kept.
    assert "ngram_analyzer" in analysis["analyzer"]
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12


def test_autocomplete_is_folded_on_the_query_side_too(backend):
    mapping = backend.mapping_class(StandardPage).get_mapping()
    edgengrams = mapping["properties"]["_edgengrams"]
    assert edgengrams["analyzer"] == "edgengram_analyzer"
    assert edgengrams["search_analyzer"] == "vietnamese_autocomplete_search"
    search_analyzer = backend.settings["settings"]["analysis"]["analyzer"]["vietnamese_autocomplete_search"]
    assert "vietnamese_folding" in search_analyzer["filter"]
    title = mapping["properties"]["title"]
    assert title["type"] == "text" and "analyzer" not in title  # the folding default analyzer applies


def test_index_names_carry_the_configured_prefix(backend):
    assert backend.get_index_for_model(StandardPage).name == "portal_wagtailcore_page"


def test_upstream_backends_are_left_unchanged():
    from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend

    assert "default" not in OpenSearch2SearchBackend.settings["settings"]["analysis"]["analyzer"]


def test_every_engine_that_search_url_accepts_has_a_backend_module(monkeypatch):
    from importlib import import_module

    from django.core.exceptions import ImproperlyConfigured

    from portal.settings import environment

    for engine in environment.SEARCH_ENGINES:
        monkeypatch.setenv("SEARCH_URL", f"http://127.0.0.1:9200?engine={engine}")
        module = environment.search_backends()["default"]["BACKEND"]
        assert import_module(module).SearchBackend.settings["settings"]["analysis"]["filter"]["vietnamese_folding"]
    # The Elasticsearch 8 client is not installed: that engine is refused when the settings load.
    monkeypatch.setenv("SEARCH_URL", "http://127.0.0.1:9200?engine=elasticsearch8")
    with pytest.raises(ImproperlyConfigured, match="elasticsearch8"):
        environment.search_backends()
