"""Publishing sends alerts; an address the outbox gave up on is suspended (connected in AlertsConfig.ready)."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from portal.models import OutgoingEmail

from .models import Subscriber
from .sending import queue_alerts


def on_page_published(sender, instance, revision=None, **kwargs):
    # Wagtail sends this for an editor's publish and for publish_scheduled alike; the worker does the rest.
    queue_alerts(instance, revision)


def on_email_saved(sender, instance, **kwargs):
    # The outbox gives up only after its last retry: the address fails for good, stop sending to it.
    if instance.gave_up:
        Subscriber.objects.filter(email=instance.to, suspended=False).update(suspended=True)


def connect():
    page_published.connect(on_page_published, dispatch_uid="alerts_page_published")
    post_save.connect(on_email_saved, sender=OutgoingEmail, dispatch_uid="alerts_email_gave_up")
