from django.urls import path

from . import views

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("api/search/", views.search_api, name="search_api"),
    path("api/search/autocomplete/", views.autocomplete_api, name="search_autocomplete"),
]
