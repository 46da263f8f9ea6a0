"""Reading ranked hits from OpenSearch and Elasticsearch in one request."""

# OpenSearch's default index.max_result_window is 10,000; the portal asks for 300 candidates.
SINGLE_REQUEST_HITS = 1000


class SingleRequestResultsMixin:
    """Up to ``SINGLE_REQUEST_HITS`` hits in one search request.

    Upstream switches to the scroll API above 100 hits: for the portal's 300 candidates
    that was a search, three scrolls and a clear-scroll per query, each a round trip,
    plus a scroll context kept open on the engine.
    """

    def _do_search(self):
        if self.stop is None or self.stop - self.start > SINGLE_REQUEST_HITS:
            yield from super()._do_search()
            return
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": self.stop - self.start,
        }
        hits = self._backend_do_search(self._get_es_body(), **params)["hits"]["hits"]
        yield from self._get_results_from_hits(hits)
