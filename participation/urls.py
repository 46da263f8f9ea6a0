from django.urls import path

from . import spam

urlpatterns = [
    path("tham-gia/altcha/", spam.challenge_view, name="participation_altcha_challenge"),
]
