"""Elasticsearch 9 with Vietnamese accent folding (see ``analysis.py``)."""

from modelsearch.backends import elasticsearch9 as upstream

from .analysis import VietnameseMappingMixin, with_vietnamese_analysis
from .engine_results import SingleRequestResultsMixin


class VietnameseElasticsearch9Mapping(VietnameseMappingMixin, upstream.Elasticsearch9Mapping):
    pass


class VietnameseElasticsearch9SearchQueryCompiler(upstream.Elasticsearch9SearchQueryCompiler):
    mapping_class = VietnameseElasticsearch9Mapping


class VietnameseElasticsearch9AutocompleteQueryCompiler(upstream.Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = VietnameseElasticsearch9Mapping


class VietnameseElasticsearch9SearchResults(SingleRequestResultsMixin, upstream.Elasticsearch9SearchResults):
    pass


class VietnameseElasticsearch9SearchBackend(upstream.Elasticsearch9SearchBackend):
    results_class = VietnameseElasticsearch9SearchResults
    mapping_class = VietnameseElasticsearch9Mapping
    query_compiler_class = VietnameseElasticsearch9SearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseElasticsearch9AutocompleteQueryCompiler
    settings = with_vietnamese_analysis(upstream.Elasticsearch9SearchBackend.settings)


SearchBackend = VietnameseElasticsearch9SearchBackend
