from django.urls import path

from . import feedback, spam

urlpatterns = [
    path("tham-gia/altcha/", spam.challenge_view, name="participation_altcha_challenge"),
    path("tham-gia/phan-hoi-trang/", feedback.record, name="participation_page_feedback"),
]
