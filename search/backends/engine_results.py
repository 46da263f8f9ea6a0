"""Reading ranked hits from OpenSearch and Elasticsearch in one request."""

# OpenSearch's default index.max_result_window is 10,000; the portal asks for 300 candidates.
SINGLE_REQUEST_HITS = 1000


class SingleRequestResultsMixin:
    """Up to ``SINGLE_REQUEST_HITS`` hits in one search request, and the ranked ids alone.

    Upstream switches to the scroll API above 100 hits: for the portal's 300 candidates
    that was a search, three scrolls and a clear-scroll per query, each a round trip,
    plus a scroll context kept open on the engine.
    """

    # A term suggester (search.suggestions.spelling_request) to run in the same request, set by the
    # caller before the results are read; the engine's answer to it lands in ``spelling``.
    spelling_request = None
    spelling = None

    def _single_request_hits(self):
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": self.stop - self.start,
        }
        body = self._get_es_body()
        if self.spelling_request:
            body = {**body, "suggest": self.spelling_request}
        response = self._backend_do_search(body, **params)
        self.spelling = response.get("suggest")
        return response["hits"]["hits"]

    def _fits_one_request(self):
        return self.stop is not None and self.stop - self.start <= SINGLE_REQUEST_HITS

    def _do_search(self):
        if not self._fits_one_request():
            yield from super()._do_search()
            return
        yield from self._get_results_from_hits(self._single_request_hits())

    def ranked_rows(self, *fields):
        """Rows of ``fields`` (the first being ``pk``) of the hits in rank order, still checked against
        the queryset, in one query.

        What the portal ranks with: building a model instance per candidate only to read
        its id and path cost a quarter of a search.
        """
        if not self._fits_one_request():
            return [tuple(getattr(obj, name) for name in fields) for obj in self]
        ranked = [str(hit["fields"]["pk"][0]) for hit in self._single_request_hits()]
        found = {str(row[0]): row for row in self.query_compiler.queryset.filter(pk__in=ranked).values_list(*fields)}
        return [found[pk] for pk in ranked if pk in found]
