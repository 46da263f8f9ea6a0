"""OpenSearch 2 with Vietnamese accent folding (see ``analysis.py``)."""

from modelsearch.backends import opensearch2 as upstream

from .analysis import VietnameseMappingMixin, with_vietnamese_analysis
from .engine_results import SingleRequestResultsMixin


class VietnameseOpenSearch2Mapping(VietnameseMappingMixin, upstream.OpenSearch2Mapping):
    pass


class VietnameseOpenSearch2SearchQueryCompiler(upstream.OpenSearch2SearchQueryCompiler):
    mapping_class = VietnameseOpenSearch2Mapping


class VietnameseOpenSearch2AutocompleteQueryCompiler(upstream.OpenSearch2AutocompleteQueryCompiler):
    mapping_class = VietnameseOpenSearch2Mapping


class VietnameseOpenSearch2SearchResults(SingleRequestResultsMixin, upstream.OpenSearch2SearchResults):
    pass


class VietnameseOpenSearch2SearchBackend(upstream.OpenSearch2SearchBackend):
    results_class = VietnameseOpenSearch2SearchResults
    mapping_class = VietnameseOpenSearch2Mapping
    query_compiler_class = VietnameseOpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseOpenSearch2AutocompleteQueryCompiler
    settings = with_vietnamese_analysis(upstream.OpenSearch2SearchBackend.settings)


SearchBackend = VietnameseOpenSearch2SearchBackend
