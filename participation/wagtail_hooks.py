"""Admin registrations of the participation app."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views
from .question_admin import QuestionViewSet, overdue_panel
from .viewsets import ParticipationViewSetGroup

register_snippet(ParticipationViewSetGroup)


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()


@hooks.register("construct_homepage_panels")
def add_overdue_questions_panel(request, panels):
    panel = overdue_panel(request.user)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_admin_urls")
def register_feedback_report_url():
    return [
        path("phan-hoi-trang/", admin_views.FeedbackReportView.as_view(), name="participation_feedback_report"),
        path(
            "participation/tep-dinh-kem/<int:pk>/",
            admin_views.comment_attachment,
            name="participation_comment_attachment",
        ),
    ]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("participation.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(
        _("Phản hồi về trang"), reverse("participation_feedback_report"), icon_name="comment", order=700
    )
