from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("dang-ky-nhan-tin/", views.subscribe, name="subscribe"),
    path("dang-ky-nhan-tin/da-gui/", views.sent, name="sent"),
    path("dang-ky-nhan-tin/xac-nhan/<str:token>/", views.confirm, name="confirm"),
    path("dang-ky-nhan-tin/quan-ly/<str:token>/", views.manage, name="manage"),
    path("dang-ky-nhan-tin/huy/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
