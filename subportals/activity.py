"""What the sub-portals publish, gathered for the province: their news, their directive rates, and
the staff overview of which sites are going stale.

Plain functions; the template tags and the admin view only call them.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.models import Page

from directives import metrics
from directives.models import OperationalNewsPage

from .models import SubPortal

RECENT_DAYS = 30


def _under(subportals):
    """Pages inside any of the sub-portals' trees, and which sub-portal each tree path belongs to."""
    owners = {subportal.site.root_page.path: subportal for subportal in subportals}
    condition = Q(pk__in=[])
    for path in owners:
        condition |= Q(path__startswith=path)
    return condition, owners


def _owner(page, owners):
    return next(subportal for path, subportal in owners.items() if page.path.startswith(path))


def unit_news(limit=5):
    """The latest operational news across sub-portals, each with its agency and its canonical URL.

    Plain dictionaries, so the province home can keep them in the cache.
    """
    subportals = list(SubPortal.objects.select_related("site__root_page"))
    condition, owners = _under(subportals)
    news = OperationalNewsPage.objects.live().public().filter(condition).order_by("-date", "-pk")[:limit]
    items = []
    for page in news:
        subportal = _owner(page, owners)
        items.append(
            {
                "title": page.title,
                "url": page.get_full_url(),
                "date": page.date,
                "agency": subportal.name,
                "agency_url": subportal.site.root_url + "/",
            }
        )
    return items


def publication_count(subportal):
    """Entries of the sub-portal's agency in the register, and how many of them are live (all years)."""
    return metrics.register_counts([subportal.issuing_body]).get(subportal.issuing_body_id, metrics.PublicationCount())


@dataclass
class SiteActivity:
    subportal: SubPortal
    editors: int
    recent_publications: int
    last_published_at: datetime.datetime | None
    register: metrics.PublicationCount

    @property
    def rate(self):
        return self.register.rate


def overview(now=None):
    """Every sub-portal with its editors, pages published in the last ``RECENT_DAYS`` days, last
    publication and directive rate; the stalest first (fewest recent publications, then the
    oldest last publication, a site that never published before any other)."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=RECENT_DAYS)
    subportals = list(SubPortal.objects.select_related("site__root_page", "issuing_body"))
    counts = metrics.register_counts([subportal.issuing_body for subportal in subportals])
    User = get_user_model()
    rows = []
    for subportal in subportals:
        root = subportal.site.root_page
        pages = (
            Page.objects.descendant_of(root, inclusive=True)
            .live()
            .aggregate(recent=Count("pk", filter=Q(last_published_at__gte=since)), last=Max("last_published_at"))
        )
        editors = (
            User.objects.filter(is_active=True, groups__name=f"Biên tập viên – {subportal.name}").distinct().count()
        )
        rows.append(
            SiteActivity(
                subportal=subportal,
                editors=editors,
                recent_publications=pages["recent"],
                last_published_at=pages["last"],
                register=counts.get(subportal.issuing_body_id, metrics.PublicationCount()),
            )
        )
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(rows, key=lambda row: (row.recent_publications, row.last_published_at or oldest, row.subportal.name))
