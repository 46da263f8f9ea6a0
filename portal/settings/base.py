"""Settings shared by every environment. See dev.py, test.py and production.py."""

from datetime import timedelta
from pathlib import Path

from .environment import (
    cache_config,
    database_config,
    email_config,
    env_bool,
    env_list,
    env_str,
    frontend_cache_config,
    search_backends,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "portal",
    "home",
    "directives",
    "services",
    "indicators",
    "search",
    "subportals",
    "alerts",
    "participation",
    "compliance",
    # Translation of pages into English (Nghị định 42/2022/NĐ-CP): wagtail-localize's editor and its
    # locale admin (which replaces wagtail.locales).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The request's site, strictly by host name: the page cache below keeps pages per site.
    "home.structure.KnownSiteMiddleware",
    # Before sessions: an anonymous hit is answered without touching session or database.
    "portal.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff that the two-factor policy covers must pass a one-time code before the admin.
    "portal.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {"default": database_config(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_config()}

# E-mail (EMAIL_URL) and background work: anything a citizen's request should not wait for,
# such as sending e-mail, is queued in the database ("background" tasks) and run by
# `manage.py db_worker --backend background`.
EMAIL = email_config()
EMAIL_BACKEND = EMAIL["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL.get("EMAIL_HOST", "localhost")
EMAIL_PORT = EMAIL.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = EMAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = EMAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = EMAIL.get("EMAIL_USE_SSL", False)
EMAIL_USE_TLS = EMAIL.get("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = EMAIL.get("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cổng thông tin điện tử tỉnh Hậu Giang <no-reply@localhost>")
# Wagtail's own tasks (reference index, search index, renditions) keep running at once, as they
# did before: the document privacy rule reads the reference index in the same request.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# E-mail alerts (alerts/): the confirmation link's lifetime, the least time between two
# confirmation e-mails to one address, and subscription requests allowed per hour.
ALERTS_CONFIRMATION_MAX_AGE_HOURS = int(env_str("ALERTS_CONFIRMATION_MAX_AGE_HOURS", "48"))
ALERTS_CONFIRMATION_INTERVAL_MINUTES = int(env_str("ALERTS_CONFIRMATION_INTERVAL_MINUTES", "15"))
ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS = int(env_str("ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS", "5"))
ALERTS_SUBSCRIBE_LIMIT_PER_IP = int(env_str("ALERTS_SUBSCRIBE_LIMIT_PER_IP", "30"))

# Anonymous page cache (portal/cache.py): Redis when CACHE_URL is redis://, local memory otherwise.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_MAX_URL_LENGTH = 500
# Search results are one page per query: caching them would only let random queries fill the
# cache, and the search statistics count every query.
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/documents/",
    "/healthz",
    "/static/",
    "/media/",
    "/tim-kiem/",
    "/api/search/",
    "/en/tim-kiem/",
    "/en/api/search/",
]
# Exceptions to the list above. Autocomplete is not counted, its answers are small, and many
# citizens type the same first letters ("cap phep", "dang ky") as they look for a procedure.
PAGE_CACHE_ALLOWED_PATHS = ["/api/search/autocomplete/", "/en/api/search/autocomplete/"]
# Saving any model of these apps (snippets, settings, indicator values) starts a new generation.
PAGE_CACHE_CONTENT_APPS = ["home", "directives", "services", "indicators", "search", "subportals"]
PAGE_CACHE_CONTENT_MODELS = [
    "wagtailcore.Site",
    # Making a section private must hide it at once, from the cache and from every listing.
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    # Promoted search results, kept per generation (search.results._promoted_query_ids). Not Query:
    # every new search term creates one, and must not empty the page cache.
    "wagtailsearchpromotions.SearchPromotion",
    "wagtaildocs.Document",
    "wagtailimages.Image",
]
# Models of those apps written while serving visitors (logs, counters): not content.
PAGE_CACHE_IGNORED_MODELS = [
    "services.CampaignDailyView",
    "services.CampaignDailyFollowThrough",
    "search.ZeroResultDailyHits",
]

# HTTP cache in front of nginx (Varnish): purged by portal.cache when a page changes, with the
# page's listings. Anonymous cacheable responses tell shared caches how long they may keep them
# (s-maxage only: browsers keep nothing), which bounds what a purge cannot reach (a sub-portal
# listing a province procedure, a filtered feed).
WAGTAILFRONTENDCACHE = frontend_cache_config()
FRONTEND_CACHE_SECONDS = int(env_str("FRONTEND_CACHE_SECONDS", "60"))
# Site-wide URLs listing pages (feeds, sitemap), purged on every site a change concerns.
FRONTEND_CACHE_SITE_URL_NAMES = [
    "sitemap",
    "directives_rss",
    "directives_atom",
    "operational_news_rss",
    "operational_news_atom",
    "procedures_rss",
    "procedures_atom",
]

WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_forms.PortalLoginForm"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out address or account is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first: the public site and the Wagtail admin speak Vietnamese.
LANGUAGE_CODE = "vi"
# English pages live under /en/ (Nghị định 42/2022/NĐ-CP asks for the structure, functions, tasks
# and contacts in English); Vietnamese stays at the root.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Our Vietnamese catalog for the Wagtail admin; LOCALE_PATHS wins over Wagtail's sparse vi files.
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Django's own Vietnamese formats spell dates out; the portal shows dd/mm/yyyy.
FORMAT_MODULE_PATH = ["portal.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs search and reference indexing as immediate tasks; one line each is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử tỉnh Hậu Giang"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin's slug maker keeps Vietnamese letters (its ASCII mode mangles them);
# home.models.FoldedSlugMixin then folds every slug to ASCII: dang-ky-kinh-doanh.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = search_backends()
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif"]
# Uploads are checked by their first bytes, not only by extension, and by size (portal/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.ImageForm"
# Documents are served through Django so that one no public page shows can be withheld (portal/documents.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Security headers (portal/security.py). The public site runs no inline script.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PORTAL_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    # Style attributes only (progress bar widths): they cannot run code; <style> stays blocked.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.youtube.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin still uses inline scripts/styles and frames its own previews.
PORTAL_CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
PORTAL_CSP_ADMIN_PATHS = ["/admin/"]
# No Gravatar: staff e-mail hashes never leave for a third party, and the admin needs no outside images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the admin call home for new releases: upgrades follow requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)

# Login throttling (django-axes): 5 failures lock the account, and separately the address,
# for 15 minutes. Behind nginx, CLIENT_IP_HEADER names the header carrying the real address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/lockout.html"
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")

# Two-factor authentication (django-otp, TOTP authenticator apps). Who must use it is an
# admin setting ("Chính sách xác thực hai bước"); staff who added a device always use it.
OTP_TOTP_ISSUER = "Cổng thông tin Hậu Giang"
# Outside these paths an unverified covered user is served as a visitor (portal/two_factor.py).
TWO_FACTOR_PROTECTED_PATHS = ("/admin/",)
# Floors under the admin's policy, which may widen them but not lower them (production.py sets them).
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = False
TWO_FACTOR_REQUIRED_GROUPS = []

# Citizen participation (participation/). Proof of work (ALTCHA, self-hosted): the HMAC key signs
# challenges (derived from SECRET_KEY when unset); a challenge is valid for ALTCHA_EXPIRES_SECONDS
# and takes a browser about a second at ALTCHA_MAX_NUMBER.
ALTCHA_HMAC_KEY = env_str("ALTCHA_HMAC_KEY")
ALTCHA_MAX_NUMBER = 100_000
ALTCHA_EXPIRES_SECONDS = 20 * 60
# Submissions allowed per client address and per e-mail address: (count, seconds).
PARTICIPATION_RATE_LIMITS = {"ip": (10, 60 * 60), "email": (5, 60 * 60)}
# Days a submission keeps its sender's contact details; `manage.py purge_personal_data` erases them after.
PARTICIPATION_RETENTION_DAYS = {"consultation_comment": 365, "question": 730}
# Minimum comment period (days, opening and closing day counted) per kind of draft: see README.
CONSULTATION_MINIMUM_DAYS = {"legal_normative": 30, "other": 10}
PARTICIPATION_ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
