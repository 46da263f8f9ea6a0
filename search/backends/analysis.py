"""The Vietnamese folding analysis shared by the OpenSearch and Elasticsearch backends.

``asciifolding`` with ``preserve_original`` indexes both "đạt" and "dat", so an
unaccented query finds accented text while a query typed with accents scores
higher on the documents that carry exactly those accents. It is the default
analyzer (index and query side of every text field) and the autocomplete
query-side analyzer: upstream searches ``_edgengrams`` with the unfolded
``standard`` analyzer (wagtail#13005), so "đăng" never met the folded n-grams.
"""

from copy import deepcopy

from modelsearch.utils import deep_update

FOLDING_FILTER = "vietnamese_folding"
AUTOCOMPLETE_SEARCH_ANALYZER = "vietnamese_autocomplete_search"

VIETNAMESE_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                FOLDING_FILTER: {"type": "asciifolding", "preserve_original": True},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", FOLDING_FILTER],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", FOLDING_FILTER, "edgengram"],
                },
                AUTOCOMPLETE_SEARCH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", FOLDING_FILTER],
                },
            },
        }
    }
}


def with_vietnamese_analysis(settings):
    """Upstream index settings plus the folding analyzers (a new dict)."""
    return deep_update(deepcopy(settings), VIETNAMESE_ANALYSIS)


class VietnameseMappingMixin:
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": AUTOCOMPLETE_SEARCH_ANALYZER,
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        # English pages are searched with English stemming, without the folding (search.english).
        mapping["properties"]["_all_text"]["fields"] = {"english": {"type": "text", "analyzer": "english"}}
        return mapping
