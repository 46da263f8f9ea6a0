"""Elasticsearch 8 with Vietnamese accent folding (see ``analysis.py``)."""

from modelsearch.backends import elasticsearch8 as upstream

from .analysis import VietnameseMappingMixin, with_vietnamese_analysis
from .engine_results import SingleRequestResultsMixin


class VietnameseElasticsearch8Mapping(VietnameseMappingMixin, upstream.Elasticsearch8Mapping):
    pass


class VietnameseElasticsearch8SearchQueryCompiler(upstream.Elasticsearch8SearchQueryCompiler):
    mapping_class = VietnameseElasticsearch8Mapping


class VietnameseElasticsearch8AutocompleteQueryCompiler(upstream.Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = VietnameseElasticsearch8Mapping


class VietnameseElasticsearch8SearchResults(SingleRequestResultsMixin, upstream.Elasticsearch8SearchResults):
    pass


class VietnameseElasticsearch8SearchBackend(upstream.Elasticsearch8SearchBackend):
    results_class = VietnameseElasticsearch8SearchResults
    mapping_class = VietnameseElasticsearch8Mapping
    query_compiler_class = VietnameseElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseElasticsearch8AutocompleteQueryCompiler
    settings = with_vietnamese_analysis(upstream.Elasticsearch8SearchBackend.settings)


SearchBackend = VietnameseElasticsearch8SearchBackend
