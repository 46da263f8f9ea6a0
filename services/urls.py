from django.urls import path

from . import views

app_name = "services"

urlpatterns = [
    path("go/<int:campaign_id>/<int:procedure_id>/", views.go, name="go"),
]
