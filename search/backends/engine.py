"""One recipe for the accent-folding OpenSearch and Elasticsearch backends.

Each engine module of modelsearch names its classes after the engine
(``OpenSearch2Mapping``, ``Elasticsearch9SearchBackend``…); the portal adds the same
five things to each: the folding mapping, query compilers that use it, single-request
results, the folding index settings and a client kept per process.
"""

import os

from .analysis import VietnameseMappingMixin, with_vietnamese_analysis
from .engine_results import SingleRequestResultsMixin


def shared_clients(client_class):
    """``client_class``, but one client per process and configuration.

    modelsearch builds a backend, and with it a client, for every search: each search, correction
    and autocomplete opened a new connection to the engine. A kept client keeps its connections
    alive. Per process id too, since a client made before gunicorn forks must not share sockets.
    """
    clients = {}

    def client(**options):
        key = (os.getpid(), repr(sorted(options.items(), key=lambda item: item[0])))
        if key not in clients:
            clients[key] = client_class(**options)
        return clients[key]

    return staticmethod(client)


def vietnamese_backend(upstream, engine):
    """The portal's backend class built on ``upstream``, whose classes are named ``<engine>…``."""

    def upstream_class(suffix):
        return getattr(upstream, f"{engine}{suffix}")

    def subclass(suffix, bases, **attributes):
        return type(f"Vietnamese{engine}{suffix}", bases, {"__module__": __name__, **attributes})

    mapping = subclass("Mapping", (VietnameseMappingMixin, upstream_class("Mapping")))
    backend = upstream_class("SearchBackend")
    return subclass(
        "SearchBackend",
        (backend,),
        results_class=subclass("SearchResults", (SingleRequestResultsMixin, upstream_class("SearchResults"))),
        mapping_class=mapping,
        query_compiler_class=subclass(
            "SearchQueryCompiler", (upstream_class("SearchQueryCompiler"),), mapping_class=mapping
        ),
        autocomplete_query_compiler_class=subclass(
            "AutocompleteQueryCompiler", (upstream_class("AutocompleteQueryCompiler"),), mapping_class=mapping
        ),
        settings=with_vietnamese_analysis(backend.settings),
        client_class=shared_clients(backend.client_class),
    )
