from django.urls import path

from .views import BrokenLinksReportView, ComplianceReportView

app_name = "compliance"
urlpatterns = [
    path("nghi-dinh-42/", ComplianceReportView.as_view(), name="report"),
    path("nghi-dinh-42/results/", ComplianceReportView.as_view(results_only=True), name="report_results"),
    path("lien-ket-hong/", BrokenLinksReportView.as_view(), name="broken_links"),
    path("lien-ket-hong/results/", BrokenLinksReportView.as_view(results_only=True), name="broken_links_results"),
]
