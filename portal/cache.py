"""Anonymous page cache, invalidated by a content generation token.

Every cached response is stored under the current *generation*, a random token
kept in the same cache (Redis in production, so every app server shares it).
Publishing, unpublishing, moving or deleting a page, or changing any other
content (snippets, settings, indicator values, redirects), replaces the token:
from that moment every URL (the page, its listing, the home page, feeds, the
sitemap, the tracker) misses and is rendered afresh. Old entries simply expire.

Pages are kept per site, too. Each sub-portal has its own token besides the
shared one, and the province portal one that moves whenever any site publishes:
publishing on a sub-portal refreshes that sub-portal and the province pages that
aggregate it, never a third site's pages. Publishing on the province portal, and
any other change, starts a new shared generation, since sub-portals list the
province's catalogue.

Only anonymous GET requests are cached: a request carrying a session cookie (an
editor, anyone logged in) neither reads nor fills the cache, and a response that
sets a cookie or says it is private is never stored. When the cache does not
answer, pages are served uncached.

An HTTP cache in front (Varnish, ``WAGTAILFRONTENDCACHE``) is told the same news by the
same handlers: ``page_changed`` and the move and delete handlers send PURGE requests for the
page, its ancestors (the listings and home pages showing it) and the feeds of its site and the
province's, each URL once per change (publishing and moving save the page before their own
signal). A move or a new slug readdresses the pages below too: their old and new addresses are
purged, for up to ``PURGED_DESCENDANTS`` pages. Responses it may keep carry
``Cache-Control: s-maxage``, which bounds whatever a purge cannot name.
"""

import functools
import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:pages:generation"
# Moved by a publication on any site: what the province portal (or any view across sites) shows.
ALL_SITES_GENERATION_KEY = "portal:pages:generation:all-sites"
SITE_GENERATION_KEY = "portal:pages:generation:site:{pk}"
STATUS_HEADER = "X-Page-Cache"
CACHEABLE_STATUSES = {200, 301, 404, 410}
CACHEABLE_TYPES = (
    "text/html",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/json",
    "text/csv",
    "text/plain",
)
MAX_BODY_BYTES = 2 * 1024 * 1024
LOCAL_MEMORY_SECONDS = 60
# Set on a page instance by page_saved: the publish or move signal that follows has nothing left to do.
REFRESHED_BY_SAVE = "_portal_cache_refreshed_by_save"
# Page id -> the URLs showing it before a move in progress (page_moving), purged after it (page_moved).
_urls_before_move = {}
# A move or a new slug changes the address of every page below too: those pages' old and new
# addresses are purged, up to this many pages; a larger section's expire (FRONTEND_CACHE_SECONDS).
PURGED_DESCENDANTS = 500
# Bookkeeping fields Wagtail writes when a draft is saved; such saves change nothing public.
DRAFT_FIELDS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_seconds(cache):
    """How long an entry may live: local memory is per process, so a change made in another
    process (another gunicorn worker, cron's publish_scheduled) only shows once it expires."""
    if isinstance(cache, RedisCache):
        return settings.PAGE_CACHE_SECONDS
    return min(settings.PAGE_CACHE_SECONDS, LOCAL_MEMORY_SECONDS)


def _token(cache, key):
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key)
    return token


def scope_key(site=None):
    """The token of what ``site`` shows: its own for a sub-portal, every site's for the province portal."""
    if site is None or site.is_default_site:
        return ALL_SITES_GENERATION_KEY
    return SITE_GENERATION_KEY.format(pk=site.pk)


def current_generation(cache=None, site=None, scoped=True):
    """The shared token, followed (when ``scoped``) by the token of ``site``'s content."""
    cache = cache or page_cache()
    token = _token(cache, GENERATION_KEY)
    if token is None or not scoped:
        return token
    return f"{token}.{_token(cache, scope_key(site))}"


def remember(name, compute, site=None, keep_if=None):
    """``compute()``, kept in the page cache for the current content generation.

    For the site structure every page reads (menu, settings, view restrictions): one
    lookup in the cache instead of several queries, and a fresh value as soon as any
    content changes. It works with the page cache switched off too, and when the cache
    does not answer the value is simply computed. ``compute`` must not return None.
    Pass the ``site`` whose pages alone the value reads, so that publishing on another
    sub-portal keeps it; without one, any publication anywhere refreshes it. A value for which
    ``keep_if(value)`` is false is returned but not kept (an answer from a fallback, say).
    """
    try:
        cache = page_cache()
        # Per language too: the menu, section links and settings of an English page are its locale's.
        key = f"portal:structure:{current_generation(cache, site)}:{translation.get_language()}:{name}"
    except Exception:  # noqa: BLE001 - the cache being down must not take the site down
        return compute()
    return keep(key, compute, cache_seconds(cache), keep_if)


def keep(key, compute, seconds, keep_if=None):
    """``compute()``, kept under ``key`` for ``seconds`` (unless ``keep_if(value)`` is false);
    computed afresh when the cache does not answer."""
    try:
        cache = page_cache()
        value = cache.get(key)
    except Exception:  # noqa: BLE001 - the cache being down must not take the site down
        return compute()
    if value is None:
        value = compute()
        if keep_if is not None and not keep_if(value):
            return value
        try:
            cache.set(key, value, seconds)
        except Exception:  # noqa: BLE001
            logger.warning("Cache unavailable: could not keep %s", key, exc_info=True)
    return value


def content_changed(**kwargs):
    """Start a new generation; called from signal handlers whenever content changes.

    Never lets a cache outage break publishing: the entries of the old
    generation still expire after PAGE_CACHE_SECONDS.
    """
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # noqa: BLE001 - any cache client error; publishing must go on
        logger.warning("Page cache unavailable: could not start a new content generation", exc_info=True)


def page_changed(sender=None, instance=None, **kwargs):
    """A page was published or unpublished: refresh its site and the province, or everything.

    A page on the province portal may be listed by every sub-portal (the procedure catalogue),
    so it starts a new shared generation; a sub-portal's page only concerns its own site and
    the province pages that gather every site's content.
    """
    purge_frontend_cache(instance)
    site = _site_of(instance)
    if site is None or site.is_default_site:
        content_changed()
        return
    try:
        cache = page_cache()
        cache.set_many({scope_key(site): uuid.uuid4().hex, ALL_SITES_GENERATION_KEY: uuid.uuid4().hex}, None)
    except Exception:  # noqa: BLE001 - publishing must go on
        logger.warning("Page cache unavailable: could not refresh site %s", site.pk, exc_info=True)


def _site_of(page):
    """The site ``page`` belongs to, or None.

    Not ``page.get_site()``: that keeps the site root paths on the instance, so a page published
    before its site exists (a new sub-portal's home page) would have no URL afterwards.
    """
    if page is None:
        return None
    from wagtail.models import Site

    try:
        site_ids = [path.site_id for path in Site.get_site_root_paths() if page.url_path.startswith(path.root_path)]
        return Site.objects.filter(pk__in=site_ids[:1]).first()
    except Exception:  # noqa: BLE001 - no site found: refresh everything rather than guess
        return None


def frontend_cache_urls(page):
    """The URLs under which an HTTP cache may hold what shows ``page``.

    The page itself (with the sub-routes it declares in ``get_cached_paths``), each ancestor
    that has a URL (section listings), the home pages of its site and of the province, and the
    site-wide feeds and sitemap of the page's site and of the province portal, each at its
    site's own host, as Wagtail builds URLs with several sites.
    """
    from django.urls import NoReverseMatch, reverse
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    if page is None:
        return set()
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors(inclusive=True).filter(depth__gt=1).specific())
    sites = {site for site in (_site_of(page), Site.objects.filter(is_default_site=True).first()) if site}
    for site in sites:
        # A sub-portal's home page need not sit below the province's: each site's home by name.
        batch.add_page(site.root_page.specific_deferred)
        for name in settings.FRONTEND_CACHE_SITE_URL_NAMES:
            try:
                batch.add_url(site.root_url + reverse(name))
            except NoReverseMatch:
                continue
    return batch.urls


def descendant_urls(page):
    """The URLs of ``page``'s live descendants (with their sub-routes), for ``PURGED_DESCENDANTS`` pages."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    descendants = list(page.get_descendants().live().order_by("path").specific()[: PURGED_DESCENDANTS + 1])
    if len(descendants) > PURGED_DESCENDANTS:
        logger.info(
            "%s has more than %d pages below it: the HTTP cache keeps the others' old addresses until they expire",
            page,
            PURGED_DESCENDANTS,
        )
    batch = PurgeBatch()
    batch.add_pages(descendants[:PURGED_DESCENDANTS])
    return batch.urls


def purge_frontend_cache(page=None, urls=None, already=None):
    """PURGE ``page``'s URLs (and ``urls``) from the HTTP cache once the change is committed.

    Those of ``already``, a page whose URLs were purged for the same change, are left out.

    Wagtail's frontend_cache sends the requests (``wagtail.contrib.frontend_cache`` is not an
    installed app, so its own handlers do not purge a second time). An unreachable cache never
    stops publishing: the entries still expire after FRONTEND_CACHE_SECONDS.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from django.db import transaction
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        urls = (set(urls or ()) | frontend_cache_urls(page)) - frontend_cache_urls(already)
    except Exception:  # noqa: BLE001 - publishing must go on
        logger.warning("Could not list the URLs to purge for %s", page, exc_info=True)
        return
    if not urls:
        return

    def purge():
        try:
            purge_urls_from_cache(sorted(urls))
        except Exception:  # noqa: BLE001 - publishing must go on
            logger.warning("HTTP cache unavailable: could not purge %d URLs", len(urls), exc_info=True)

    transaction.on_commit(purge)


def refreshed_by_its_save(page):
    """Whether saving ``page`` just now has refreshed what shows it (``page_saved``).

    Publishing and moving save the page, then send their signal with that very instance: the
    page's URLs, listings and feeds need not be refreshed and purged a second time.
    """
    return page is not None and page.__dict__.pop(REFRESHED_BY_SAVE, False)


def page_published_or_unpublished(sender=None, instance=None, **kwargs):
    if not refreshed_by_its_save(instance):
        page_changed(instance=instance)


def _address_changes(kwargs):
    # Wagtail sends the move signals for a reordering among siblings too, where no address changes.
    return kwargs.get("url_path_before") != kwargs.get("url_path_after")


def page_moving(sender=None, instance=None, **kwargs):
    """Before a move: the old URLs of the page, its old listings and the pages below it, purged
    once the move is done."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    try:
        urls = frontend_cache_urls(instance)
        if _address_changes(kwargs):
            urls |= descendant_urls(instance)
        _urls_before_move[instance.pk] = urls
    except Exception:  # noqa: BLE001 - moving must go on
        logger.warning("Could not list the URLs to purge for %s", instance, exc_info=True)


def page_moved(sender=None, instance=None, **kwargs):
    """After a move: the old URLs and, unless the move's own save has purged them, the new ones;
    the new URLs of the pages below (a visitor may have been told there was nothing there)."""
    before = _urls_before_move.pop(instance.pk, set())
    if settings.WAGTAILFRONTENDCACHE and _address_changes(kwargs):
        try:
            before |= descendant_urls(instance)
        except Exception:  # noqa: BLE001 - moving must go on
            logger.warning("Could not list the URLs to purge below %s", instance, exc_info=True)
    if refreshed_by_its_save(instance):
        purge_frontend_cache(urls=before, already=instance)
    else:
        purge_frontend_cache(instance, urls=before)
    content_changed()


def page_got_new_slug(sender=None, instance=None, instance_before=None, **kwargs):
    """A new slug, published: the old and new addresses of the pages below the page, and its own
    old address (its new one and its listings were purged by the save, ``page_saved``).

    The old addresses would show the old pages until they expire, where Wagtail now answers with
    a redirect; the new ones may hold a "not found" from before, as after a move.
    """
    if not settings.WAGTAILFRONTENDCACHE or instance_before is None:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        old_prefix, new_prefix = instance_before.get_full_url(), instance.get_full_url()
        batch = PurgeBatch()
        batch.add_page(instance_before)
        below = descendant_urls(instance)
        urls = set(batch.urls) | below
        if old_prefix and new_prefix:
            urls |= {old_prefix + url[len(new_prefix) :] for url in below if url.startswith(new_prefix)}
    except Exception:  # noqa: BLE001 - publishing must go on
        logger.warning("Could not list the old URLs to purge for %s", instance, exc_info=True)
        return
    purge_frontend_cache(urls=urls)


def page_deleting(sender=None, instance=None, **kwargs):
    """Before a live page is deleted, while its ancestors can still be read."""
    if getattr(instance, "live", False):
        purge_frontend_cache(instance)


def snippet_published(sender, instance=None, **kwargs):
    # Wagtail sends this for pages too, after page_published, which page_changed has handled.
    from wagtail.models import Page

    if not isinstance(instance, Page):
        content_changed()


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    excluded = request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))
    if excluded and not request.path.startswith(tuple(settings.PAGE_CACHE_ALLOWED_PATHS)):
        return False
    return len(request.get_full_path()) <= settings.PAGE_CACHE_MAX_URL_LENGTH


def response_is_cacheable(request, response):
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES) and response.status_code != 301:
        return False
    if len(response.content) > MAX_BODY_BYTES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def cache_key(request, generation):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
    return f"portal:page:{generation}:{digest}"


def shared_cache_may_keep(response):
    """Let the HTTP cache in front keep what this cache keeps, for FRONTEND_CACHE_SECONDS.

    ``s-maxage`` speaks to shared caches only: browsers keep nothing, so a visitor sees a
    change as soon as the purge has reached the shared cache.
    """
    if settings.WAGTAILFRONTENDCACHE:
        patch_cache_control(response, s_maxage=settings.FRONTEND_CACHE_SECONDS)
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors from the cache; fill it from anonymous responses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not request_is_cacheable(request):
            return self.get_response(request)
        # Outside the try below: a forged Host header must end as Django's 400, not as a cache miss.
        request.build_absolute_uri()

        cache = page_cache()
        key = stored = None
        try:
            # The site was found (strictly, by host) before this middleware: see home.structure.
            generation = current_generation(cache, getattr(request, "_wagtail_site", None))
            if generation is not None:
                key = cache_key(request, generation)
                stored = cache.get(key)
        except Exception:  # noqa: BLE001 - the cache being down must not take the site down
            logger.warning("Page cache unavailable: serving %s uncached", request.path, exc_info=True)
            key = stored = None
        if stored is not None:
            return shared_cache_may_keep(self.rebuild(stored, head=request.method == "HEAD"))

        response = self.get_response(request)
        if key is None or request.method != "GET" or not response_is_cacheable(request, response):
            return response
        try:
            cache.set(key, self.freeze(response), cache_seconds(cache))
        except Exception:  # noqa: BLE001
            logger.warning("Page cache unavailable: could not store %s", request.path, exc_info=True)
            return response
        response[STATUS_HEADER] = "miss"
        return shared_cache_may_keep(response)

    @staticmethod
    def freeze(response):
        headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
        return response.status_code, headers, response.content

    @staticmethod
    def rebuild(stored, head=False):
        status, headers, content = stored
        response = HttpResponse(b"" if head else content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return response


def page_saved(sender, instance, update_fields=None, **kwargs):
    """A live page saved outside the publishing flow (scripts, the demo loader) is a change too."""
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    live = getattr(instance, "live", False)
    if live:
        page_changed(instance=instance)
    # Unpublishing saves the page with live False: its own signal must still refresh.
    instance.__dict__[REFRESHED_BY_SAVE] = live


def model_saved(sender, **kwargs):
    if sender._meta.label in settings.PAGE_CACHE_IGNORED_MODELS:
        return
    content_changed()


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
        pre_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished):
        signal.connect(page_published_or_unpublished, dispatch_uid=f"portal-cache-{id(signal)}")
    pre_page_move.connect(page_moving, dispatch_uid="portal-cache-pre-move")
    post_page_move.connect(page_moved, dispatch_uid="portal-cache-post-move")
    page_slug_changed.connect(page_got_new_slug, dispatch_uid="portal-cache-slug-changed")
    for signal in (published, unpublished):
        signal.connect(snippet_published, dispatch_uid=f"portal-cache-{id(signal)}")
    watched_apps = set(settings.PAGE_CACHE_CONTENT_APPS)
    watched_models = set(settings.PAGE_CACHE_CONTENT_MODELS)
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(page_saved, sender=model, dispatch_uid=f"portal-cache-page-{model._meta.label}")
            post_delete.connect(model_saved, sender=model, dispatch_uid=f"portal-cache-del-{model._meta.label}")
            pre_delete.connect(page_deleting, sender=model, dispatch_uid=f"portal-cache-predel-{model._meta.label}")
        elif model._meta.app_label in watched_apps or model._meta.label in watched_models:
            post_save.connect(model_saved, sender=model, dispatch_uid=f"portal-cache-save-{model._meta.label}")
            post_delete.connect(model_saved, sender=model, dispatch_uid=f"portal-cache-del-{model._meta.label}")


def _tolerant(fallback):
    """Answer ``fallback`` instead of raising while Redis does not answer."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return fallback
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                logger.warning("Cache unavailable (%s): carrying on without it", method.__name__, exc_info=True)
                self._down_until = time.monotonic() + RESILIENT_RETRY_SECONDS
                return fallback

        return wrapper

    return decorate


RESILIENT_RETRY_SECONDS = 5


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that degrades to "nothing cached" when Redis is down.

    Wagtail and Django use the default cache on every request (site root paths,
    rendition lookups), so an unreachable Redis would otherwise turn every page
    into an error. After a failure the cache is skipped for a few seconds rather
    than waiting on every call, then tried again: recovery needs no restart.
    """

    _down_until = 0.0

    add = _tolerant(False)(RedisCache.add)
    get = _tolerant(None)(RedisCache.get)
    set = _tolerant(None)(RedisCache.set)
    touch = _tolerant(False)(RedisCache.touch)
    delete = _tolerant(False)(RedisCache.delete)
    get_many = _tolerant({})(RedisCache.get_many)
    has_key = _tolerant(False)(RedisCache.has_key)
    set_many = _tolerant([])(RedisCache.set_many)
    delete_many = _tolerant(None)(RedisCache.delete_many)
    clear = _tolerant(False)(RedisCache.clear)
