from django.urls import path

from . import feedback, feeds, spam

urlpatterns = [
    path("tham-gia/altcha/", spam.challenge_view, name="participation_altcha_challenge"),
    path("nguon-tin/lay-y-kien/rss/", feeds.ConsultationFeed(), name="consultations_rss"),
    path("tham-gia/phan-hoi-trang/", feedback.record, name="participation_page_feedback"),
]
