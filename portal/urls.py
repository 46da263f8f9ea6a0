from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home import views as home_views
from home.sitemaps import PortalSitemap

handler500 = "portal.errors.server_error"

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("directives.urls")),
    path("", include("services.urls")),
    path("", include("indicators.urls")),
    path("", include("alerts.urls")),
    path("", include("participation.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only image renditions, as ops/nginx/portal.conf serves them: documents and citizens'
    # attachments always go through a view that checks who may see them.
    urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=f"{settings.MEDIA_ROOT}/images")

# Vietnamese at the root, English under /en/ (WAGTAIL_CONTENT_LANGUAGES): pages and search.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    # Before Wagtail's own pattern, which it shadows: see home.views.serve.
    re_path(serve_pattern, home_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
