"""Whether each site publishes what Decree 42 requires, and how fresh it is.

Method, per site and category (the dashboard panel, the report and ``compliance_report`` all
call ``site_compliance``):
- **missing**: nothing is mapped, or every mapped page is unpublished (or deleted) and every
  mapped finder lists nothing live on the site;
- **stale**: the newest content is older than the maximum age (the entry's own, else the
  category's default), or an English translation of a mapped page was last published before its
  Vietnamese source;
- otherwise **ok**.
The newest content of a page is its own last publication or that of its newest live descendant
(an index page is as fresh as its newest article); that of a finder is the newest live page of
the types it lists, under the site's root.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from . import categories
from .models import ComplianceEntry

OK = "ok"
MISSING = "missing"
STALE = "stale"
STATE_LABELS = {OK: _("Đạt"), MISSING: _("Thiếu"), STALE: _("Quá hạn")}


@dataclass
class CategoryStatus:
    site: Site
    category: categories.Category
    entry: ComplianceEntry | None
    state: str
    newest: datetime.datetime | None = None
    max_age_days: int | None = None
    stale_translations: list = field(default_factory=list)

    @property
    def site_name(self):
        return site_label(self.site)

    @property
    def category_name(self):
        return self.category.name

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def owner(self):
        return self.entry.owner_label if self.entry else ""

    @property
    def reason(self):
        if self.state == MISSING:
            if self.entry is None:
                return _("Chưa gắn trang hoặc bộ tra cứu nào.")
            return _("Các trang đã gắn chưa xuất bản hoặc đã bị xóa.")
        if self.stale_translations:
            titles = ", ".join(page.title for page in self.stale_translations)
            return _("Bản tiếng Anh cũ hơn bản tiếng Việt: %(titles)s") % {"titles": titles}
        if self.state == STALE:
            return _("Quá %(days)s ngày chưa cập nhật.") % {"days": self.max_age_days}
        return ""


def site_label(site):
    subportal = getattr(site, "subportal", None) if site.pk else None
    return subportal.name if subportal else (site.site_name or site.hostname)


def newest_for_page(page):
    """Last publication of ``page`` or of its newest live descendant; None when ``page`` is not live."""
    if page is None or not page.live:
        return None
    return Page.objects.live().descendant_of(page, inclusive=True).aggregate(newest=Max("last_published_at"))["newest"]


def newest_for_finder(key, site):
    """Last publication among the live pages the finder ``key`` lists on ``site``."""
    from alerts.finders import FINDERS

    finder = FINDERS.get(key)
    if finder is None:
        return None
    dates = [
        model.objects.live()
        .descendant_of(site.root_page, inclusive=True)
        .aggregate(newest=Max("last_published_at"))["newest"]
        for model in finder.page_types()
    ]
    return max((date for date in dates if date), default=None)


def stale_translations(page):
    """Live translations of ``page`` published before it (Article 7: keep English up to date),
    by the rule staff see on the translation's edit view (portal.translations)."""
    from portal import translations

    if page is None or not page.live:
        return []
    return list(translations.stale_translations(page.get_translations().live()))


def category_status(site, category, entry, now):
    if entry is None:
        return CategoryStatus(site, category, None, MISSING, max_age_days=category.max_age_days)
    max_age = entry.effective_max_age_days()
    dates = []
    translations = []
    for source in entry.sources.all():
        if source.page_id:
            dates.append(newest_for_page(source.page))
            translations += stale_translations(source.page)
        if source.finder:
            dates.append(newest_for_finder(source.finder, site))
    newest = max((date for date in dates if date), default=None)
    if newest is None:
        state = MISSING
    elif translations or (max_age and now - newest > datetime.timedelta(days=max_age)):
        state = STALE
    else:
        state = OK
    return CategoryStatus(site, category, entry, state, newest, max_age, translations)


def site_compliance(site, now=None):
    """Every category's status on ``site``, in the decree's order."""
    now = now or timezone.now()
    entries = {
        entry.category: entry
        for entry in ComplianceEntry.objects.for_site(site)
        .select_related("owner_user", "owner_group")
        .prefetch_related("sources__page")
    }
    return [category_status(site, category, entries.get(category.code), now) for category in categories.categories()]


def compliance(sites, now=None):
    """``site_compliance`` for each of ``sites``: a flat list, site by site."""
    now = now or timezone.now()
    return [status for site in sites for status in site_compliance(site, now)]


def visible_sites(user):
    """The sites ``user`` answers for: all of them for portal-wide administrators, otherwise the
    sites whose home page the user may edit (a sub-portal's editors see their own)."""
    from subportals.views import can_see_overview

    sites = Site.objects.select_related("root_page", "subportal").order_by("-is_default_site", "hostname")
    if can_see_overview(user):
        return list(sites)
    return [site for site in sites if site.root_page.permissions_for_user(user).can_edit()]
