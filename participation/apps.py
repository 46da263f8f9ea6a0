from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = "Tham gia của người dân"

    def ready(self):
        from django.db.models.signals import post_save

        from portal.cache import content_changed

        from . import retention
        from .models import ConsultationComment

        retention.register("consultation_comment", ConsultationComment, "submitted_at", ["name", "email"])

        def comment_moderated(sender, instance, **kwargs):
            # A new comment waits for moderation and changes no public page: only a moderated one
            # refreshes the page cache, so a flood of submissions cannot keep emptying it.
            if instance.status != ConsultationComment.Status.PENDING:
                content_changed()

        post_save.connect(comment_moderated, sender=ConsultationComment, dispatch_uid="participation-comment-cache")
