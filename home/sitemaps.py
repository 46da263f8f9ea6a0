"""The sitemap: every live public page of the site in every language, translations linked by hreflang."""

from django.db.models import Count, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import translations


class PortalSitemap(Sitemap):
    def items(self):
        # Wagtail's lists the Vietnamese tree only: the English home page is a sibling of the site's root.
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        return Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Wagtail's, plus the alternates Django's sitemap template writes as <xhtml:link hreflang>.
        # One query finds which pages have translations; only those are looked up one by one.
        translated = set(
            Page.objects.order_by()
            .values("translation_key")
            .annotate(count=Count("pk"))
            .filter(count__gt=1)
            .values_list("translation_key", flat=True)
        )
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                if item.translation_key in translated:
                    url_info["alternates"] = [
                        {"lang_code": code, "location": location}
                        for code, location in translations.hreflang_links(self.request, item)
                    ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
