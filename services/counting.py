"""Counting campaign views and follow-throughs by day, without cookies or personal data.

Only the day, the campaign, the service and the channel are stored: no IP address, user agent
or identifier. Obvious robots (link previews, crawlers, scripts, prefetches) are not counted.
"""

import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import CampaignDailyFollowThrough, CampaignDailyView, Channel

_BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scan|monitor|facebookexternalhit|embedly|whatsapp|"
    r"zalo.*(?:link|preview)|headless|phantom|curl|wget|python|httpclient|okhttp|java/|go-http|libwww|axios|node",
    re.IGNORECASE,
)


def is_bot(request):
    agent = request.headers.get("User-Agent", "").strip()
    return not agent or bool(_BOT_AGENT.search(agent))


def is_counted_visit(request):
    """A human GET of the live page: not a robot, a prefetch or an editor's preview."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    purpose = (request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")).lower()
    if "prefetch" in purpose or "prerender" in purpose:
        return False
    return not is_bot(request)


def channel_from_request(request):
    """The channel marker of the link (``?kenh=poster``); anything unknown counts as the web."""
    value = request.GET.get("kenh", "")
    return value if value in Channel.values else Channel.WEB


def _increment(model, counter, **key):
    for _attempt in range(2):
        updated = model.objects.filter(**key).update(**{counter: F(counter) + 1})
        if updated:
            return
        try:
            with transaction.atomic():
                model.objects.create(**key, **{counter: 1})
            return
        except IntegrityError:
            continue  # another request created the row first: update it


def record_view(campaign, channel=Channel.WEB, day=None):
    _increment(CampaignDailyView, "views", campaign=campaign, channel=channel, day=day or timezone.localdate())


def record_follow_through(campaign, procedure, channel=Channel.WEB, day=None):
    _increment(
        CampaignDailyFollowThrough,
        "follow_throughs",
        campaign=campaign,
        procedure=procedure,
        channel=channel,
        day=day or timezone.localdate(),
    )
