"""Every link a live page (or a site's settings) makes, and whether each internal one still works.

Links come from every field of the page's own type, found by the field's kind rather than by
name: rich text (page links, document links, hrefs), StreamFields walked through their block
definitions (page and document choosers, URL blocks, rich text, link text blocks that take a path
or an address), and URL fields (a procedure's online address). Site settings' URL fields count for
the site. Internal links go through the URL resolver and the page tree: a link to an unpublished or
deleted page, or to a deleted document, is broken. External links are checked by ``external``.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import models, transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from .models import CheckedLink

Kind = CheckedLink.Kind
INTERNAL_KINDS = [Kind.PAGE, Kind.DOCUMENT, Kind.INTERNAL]


@dataclass(frozen=True)
class Link:
    url: str
    kind: str
    source: str
    target_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    ok: bool
    error: str = ""
    http_status: int | None = None


def _site_hosts():
    return {site.hostname.lower() for site in Site.objects.all()}


def _url_link(url, source, hosts):
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//"):
        return Link(url, Kind.INTERNAL, source)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None  # mailto:, tel:, #anchors: nothing to fetch
    if parts.hostname.lower() in hosts:
        return Link(url, Kind.INTERNAL, source)
    return Link(url, Kind.EXTERNAL, source)


def _rich_text_links(html, source, hosts):
    for match in FIND_A_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        linktype = attrs.get("linktype")
        if linktype in ("page", "document") and attrs.get("id", "").isdigit():
            yield Link("", linktype, source, int(attrs["id"]))
        elif "href" in attrs:
            link = _url_link(attrs["href"], source, hosts)
            if link:
                yield link


def _is_link_text(block):
    """A text block meant for a link: one validated as a path or an address (home.blocks.validate_link)."""
    from home.blocks import validate_link

    return isinstance(block, blocks.CharBlock) and validate_link in block.field.validators


def _stream_links(block, raw, source, hosts):
    """Walk the stored (raw) stream data with its block definitions, so a deleted target still shows."""
    if raw is None or block is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            yield from _stream_links(block.child_blocks.get(item.get("type")), item.get("value"), source, hosts)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            yield from _stream_links(block.child_block, value, source, hosts)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _stream_links(child, raw.get(name), source, hosts)
    elif isinstance(block, blocks.RichTextBlock):
        yield from _rich_text_links(raw, source, hosts)
    elif isinstance(block, blocks.PageChooserBlock) and isinstance(raw, int):
        yield Link("", Kind.PAGE, source, raw)
    elif isinstance(block, DocumentChooserBlock) and isinstance(raw, int):
        yield Link("", Kind.DOCUMENT, source, raw)
    elif isinstance(block, blocks.URLBlock) or _is_link_text(block):
        link = _url_link(raw, source, hosts)
        if link:
            yield link


def _field_links(obj, field, hosts):
    source = str(field.verbose_name)
    if isinstance(field, RichTextField):
        yield from _rich_text_links(getattr(obj, field.attname), source, hosts)
    elif isinstance(field, StreamField):
        yield from _stream_links(field.stream_block, list(getattr(obj, field.attname).raw_data), source, hosts)
    elif isinstance(field, models.URLField):
        link = _url_link(getattr(obj, field.attname), source, hosts)
        if link:
            yield link


def extract_links(page, hosts=None):
    """Every link in ``page``'s own fields (its specific type's)."""
    hosts = _site_hosts() if hosts is None else hosts
    page = page.specific
    found = []
    for field in page._meta.concrete_fields:
        found += _field_links(page, field, hosts)
    return found


def settings_links(site, hosts=None):
    """Links in the site's settings (PortalSettings' social network addresses…)."""
    hosts = _site_hosts() if hosts is None else hosts
    found = []
    for model in settings_registry:
        if not issubclass(model, BaseSiteSetting):
            continue
        instance = model.for_site(site)
        for field in model._meta.concrete_fields:
            for link in _field_links(instance, field, hosts):
                found.append(Link(link.url, link.kind, f"{model._meta.verbose_name}: {link.source}", link.target_id))
    return found


def _page_outcome(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return "", Outcome(False, _("Trang đích đã bị xóa."))
    url = page.get_url() or page.url_path
    if not page.live:
        return url, Outcome(False, _("Trang đích chưa xuất bản."))
    return url, Outcome(True)


def _document_outcome(document_id):
    from portal.documents import is_withheld

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "", Outcome(False, _("Tài liệu đã bị xóa."))
    if is_withheld(document):
        return document.url, Outcome(False, _("Tài liệu không công khai."))
    return document.url, Outcome(True)


def _path_outcome(url, site):
    """A path on the portal, through the URL resolver and, for pages, the site's page tree."""
    parts = urlsplit(url)
    if parts.hostname:
        site = Site.objects.filter(hostname__iexact=parts.hostname).first() or site
    path = parts.path or "/"
    try:
        match = resolve(path)
    except Resolver404:
        return Outcome(False, _("Không có đường dẫn này trên cổng."))
    if match.url_name == "wagtail_serve":
        components = [component for component in path.split("/") if component]
        try:
            result = site.root_page.specific.route(RequestFactory().get(path), components)
        except Http404:
            return Outcome(False, _("Không có trang này trên cổng."))
        page = result.page if hasattr(result, "page") else result[0]
        if not page.live:
            return Outcome(False, _("Trang đích chưa xuất bản."))
    elif match.url_name == "wagtaildocs_serve":
        return _document_outcome(match.kwargs["document_id"])[1]
    return Outcome(True)


def check_internal(link, site):
    """(url shown, Outcome) of an internal link, without any network access."""
    if link.kind == Kind.PAGE:
        return _page_outcome(link.target_id)
    if link.kind == Kind.DOCUMENT:
        return _document_outcome(link.target_id)
    return link.url, _path_outcome(link.url, site)


def _record(site, page, link, url, outcome, now):
    return CheckedLink(
        site=site,
        page=page,
        source=link.source[:200],
        url=(url or link.url or f"#{link.kind}-{link.target_id}")[:2000],
        kind=link.kind,
        status=CheckedLink.Status.OK if outcome.ok else CheckedLink.Status.BROKEN,
        http_status=outcome.http_status,
        error=outcome.error[:500],
        checked_at=now,
    )


def check_site(site, *, external=False, checker=None, now=None):
    """Check every link of ``site``'s live pages and settings; store and return the results.

    The site's earlier results of the kinds checked are replaced (external ones only with
    ``external``, which needs the network).
    """
    from .external import ExternalChecker

    now = now or timezone.now()
    hosts = _site_hosts()
    found = [(None, link) for link in settings_links(site, hosts)]
    for page in Page.objects.live().descendant_of(site.root_page, inclusive=True).specific().iterator():
        found += [(page, link) for link in extract_links(page, hosts)]

    outcomes = {}
    if external:
        checker = checker or ExternalChecker()
        outcomes = checker.check_many({link.url for _page, link in found if link.kind == Kind.EXTERNAL})
    records = []
    for page, link in found:
        if link.kind == Kind.EXTERNAL:
            if external:
                records.append(_record(site, page, link, link.url, outcomes[link.url], now))
        else:
            url, outcome = check_internal(link, site)
            records.append(_record(site, page, link, url, outcome, now))

    kinds = INTERNAL_KINDS + ([Kind.EXTERNAL] if external else [])
    with transaction.atomic():
        CheckedLink.objects.filter(site=site, kind__in=kinds).delete()
        CheckedLink.objects.bulk_create(records)
    return records


def check_page_on_publish(page):
    """Re-check ``page``'s internal links as it is published; store them and return the broken ones."""
    site = page.get_site()
    if site is None:
        return []
    now = timezone.now()
    records = []
    for link in extract_links(page):
        if link.kind != Kind.EXTERNAL:
            url, outcome = check_internal(link, site)
            records.append(_record(site, page, link, url, outcome, now))
    with transaction.atomic():
        CheckedLink.objects.filter(page=page, kind__in=INTERNAL_KINDS).delete()
        CheckedLink.objects.bulk_create(records)
    return [record for record in records if record.status == CheckedLink.Status.BROKEN]
