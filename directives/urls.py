from django.urls import path

from services.api import ProceduresAPIViewSet

from . import feeds, views
from .api import api_router

# The procedures endpoint lives with its app; it joins the one API router here, where the router is mounted.
api_router.register_endpoint("procedures", ProceduresAPIViewSet)

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("nguon-tin/van-ban/rss/", feeds.DirectiveFeed(), name="directives_rss"),
    path("nguon-tin/van-ban/atom/", feeds.DirectiveAtomFeed(), name="directives_atom"),
    path("nguon-tin/van-ban/loai/<slug:doc_type>/rss/", feeds.DirectiveFeed(), name="directives_type_rss"),
    path("nguon-tin/van-ban/loai/<slug:doc_type>/atom/", feeds.DirectiveAtomFeed(), name="directives_type_atom"),
    path("nguon-tin/van-ban/linh-vuc/<slug:field>/rss/", feeds.DirectiveFeed(), name="directives_field_rss"),
    path("nguon-tin/van-ban/linh-vuc/<slug:field>/atom/", feeds.DirectiveAtomFeed(), name="directives_field_atom"),
    path("nguon-tin/tin-chi-dao/rss/", feeds.OperationalNewsFeed(), name="operational_news_rss"),
    path("nguon-tin/tin-chi-dao/atom/", feeds.OperationalNewsAtomFeed(), name="operational_news_atom"),
    path("du-lieu/van-ban.csv", views.directives_csv, name="directives_csv"),
]
