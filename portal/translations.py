"""English translations of pages (Nghị định 42/2022/NĐ-CP, Điều 7): which exist, and which are out of date.

The decree asks for English items to be updated when the Vietnamese changes. A translation is
*stale* when its Vietnamese source was published after the translation itself: staff see it in
the admin (portal.wagtail_hooks), the compliance dashboard counts it, visitors never see it.
"""

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.urls import Resolver404, resolve, translate_url
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


def default_language():
    return settings.LANGUAGE_CODE


def stale_translations(pages=None):
    """The pages among ``pages`` (default: all) in another locale whose source was published after them."""
    pages = Page.objects.all() if pages is None else pages
    source_published_at = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=default_language()
    ).values("last_published_at")[:1]
    return (
        pages.exclude(locale__language_code=default_language())
        .annotate(source_published_at=Subquery(source_published_at))
        .filter(source_published_at__gt=F("last_published_at"))
    )


def translation_is_stale(page):
    """Whether ``page`` is a translation published before the last publication of its Vietnamese source."""
    if page.pk is None or page.locale.language_code == default_language():
        return False
    return stale_translations(Page.objects.filter(pk=page.pk)).exists()


def stale_message(page):
    """What staff read on an out-of-date translation: which source changed, and when."""
    source = source_page(page)
    return _(
        "Bản tiếng Việt “%(title)s” đã được xuất bản lại lúc %(published)s, sau bản dịch này: "
        "hãy cập nhật bản dịch cho khớp."
    ) % {
        "title": source.title,
        "published": formats.date_format(timezone.localtime(source.last_published_at), "SHORT_DATETIME_FORMAT"),
    }


def source_page(page):
    """The Vietnamese page ``page`` translates, or None."""
    locale = Locale.objects.filter(language_code=default_language()).first()
    return page.get_translation_or_none(locale) if locale is not None else None


def locale_code(locale_id):
    """The language code of a locale, read from the structure cache rather than a query per page view."""
    from portal.cache import remember

    return remember("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))).get(locale_id)


def language_name(code):
    """The language's own name ("English", "Tiếng Việt"): a reader finds their language in their script."""
    return dict(settings.LANGUAGES)[code]


def page_translations(page):
    """{language code: live page} for ``page`` and each of its live, public translations.

    Every public page reads them twice (language switcher, hreflang links) and its site's home
    page's too, so they are kept for the content generation of the page's site.
    """
    from portal.cache import remember

    def compute():
        pages = page.get_translations(inclusive=True).live().public().select_related("locale")
        return {other.locale.language_code: other for other in pages}

    return remember(f"translations:{page.pk}", compute)


def alternates(request, page=None, site=None):
    """[(language code, name, URL, is_translation)] for every language but the current one.

    On a page: its translation, or failing one that language's home page of the site
    (``is_translation`` False: not the same content, so no hreflang alternate).
    Elsewhere (search, 404): the same route in that language, or that language's home page.
    """
    current = translation.get_language()
    translations = page_translations(page) if isinstance(page, Page) and page.pk else {}
    homes = page_translations(site.root_page) if site is not None else {}
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if code in translations:
            links.append((code, language_name(code), translations[code].get_url(request), True))
            continue
        if not translations and _is_view_route(request):
            same_route = translate_url(request.get_full_path(), code)
            if same_route != request.get_full_path():
                links.append((code, language_name(code), same_route, True))
                continue
        if code in homes:
            links.append((code, language_name(code), homes[code].get_url(request), False))
    return links


def _is_view_route(request):
    """A route of its own (search), not a page path that no page answered (the 404 page)."""
    try:
        return resolve(request.path_info).url_name != "wagtail_serve"
    except Resolver404:
        return False


def hreflang_links(request, page):
    """[(hreflang, absolute URL)] for ``page`` and its translations, with x-default on the Vietnamese page.

    Empty for a page without a live translation: there is nothing to announce.
    """
    translations = page_translations(page) if isinstance(page, Page) and page.pk else {}
    if len(translations) < 2:
        return []
    links = [(code, other.get_full_url(request)) for code, other in sorted(translations.items())]
    if default_language() in translations:
        links.append(("x-default", translations[default_language()].get_full_url(request)))
    return links
