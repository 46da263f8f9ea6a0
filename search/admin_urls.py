from django.urls import path

from .reports import ZeroResultQueriesReportView

app_name = "search_reports"
urlpatterns = [
    path("zero-results/", ZeroResultQueriesReportView.as_view(), name="zero_results"),
    path(
        "zero-results/results/",
        ZeroResultQueriesReportView.as_view(results_only=True),
        name="zero_results_results",
    ),
]
