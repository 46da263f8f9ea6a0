from django.urls import path

from . import feeds, views

app_name = "services"

urlpatterns = [
    path("go/<int:campaign_id>/<int:procedure_id>/", views.go, name="go"),
    path("nguon-tin/thu-tuc/rss/", feeds.ProcedureFeed(), name="procedures_rss"),
    path("nguon-tin/thu-tuc/atom/", feeds.ProcedureAtomFeed(), name="procedures_atom"),
]
