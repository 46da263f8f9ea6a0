"""Reading configuration from environment variables.

Everything that differs between machines comes from the environment, so one
code base runs on a laptop, in CI and in production.
"""

import os
from urllib.parse import parse_qs, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None):
    value = os.environ.get(name, "").strip()
    return value or default


def env_required(name, why):
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set: {why}")
    return value


def env_list(name, default=()):
    raw = env_str(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_bool(name, default=False):
    raw = env_str(name)
    if raw is None:
        return default
    return raw.lower() in {"1", "true", "yes", "on"}


def refuse_insecure(secret_key, allowed_hosts):
    """Production stops here rather than run with a guessable key or an open host list."""
    if len(secret_key) < 50 or len(set(secret_key)) < 5 or "insecure" in secret_key or "dev-only" in secret_key:
        raise ImproperlyConfigured(
            "SECRET_KEY is too weak for production: use at least 50 random characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(64))')"
        )
    if "*" in allowed_hosts:
        raise ImproperlyConfigured("ALLOWED_HOSTS must name the portal's hosts, not '*'")


def database_config(default_sqlite_path):
    url = env_str("DATABASE_URL", f"sqlite:///{default_sqlite_path}")
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # The web server and the task worker share the file. WAL: readers never wait for the writer,
        # and a commit is an append (synchronous=NORMAL: a power cut may lose the last commits, never
        # corrupt the file). IMMEDIATE: a transaction takes the write lock when it begins, so it waits
        # (up to ``timeout`` seconds) for another writer instead of failing with "database is locked"
        # when a read inside it meets a newer write.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    return config


def email_config():
    """Django's e-mail settings from ``EMAIL_URL``: ``smtp://user:password@host:port`` (``smtps://`` for
    implicit TLS, ``?starttls=1`` for STARTTLS). Unset: messages are written to the console."""
    url = env_str("EMAIL_URL")
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = urlparse(url)
    if parsed.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://")
    options = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "127.0.0.1",
        "EMAIL_PORT": parsed.port or (465 if parsed.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": parsed.username or "",
        "EMAIL_HOST_PASSWORD": parsed.password or "",
        "EMAIL_USE_SSL": parsed.scheme == "smtps",
        "EMAIL_USE_TLS": options.get("starttls", ["0"])[0] in {"1", "true"},
        "EMAIL_TIMEOUT": 10,
    }


# Local memory keeps 300 entries by default: one search's result cards (up to 300) would evict the
# content generation, the site structure and Wagtail's site root paths on every search.
LOCAL_MEMORY_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}


def cache_config():
    """Redis for ``redis://`` URLs, otherwise per-process local memory."""
    url = env_str("CACHE_URL")
    if not url:
        return dict(LOCAL_MEMORY_CACHE)
    scheme = urlparse(url).scheme
    if scheme in {"redis", "rediss"}:
        # Short timeouts, and a backend that carries on without Redis: pages are served uncached.
        return {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    if scheme == "locmem":
        return dict(LOCAL_MEMORY_CACHE)
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL scheme {scheme!r} is not supported (use redis:// or locmem://)")


SEARCH_ENGINES = {"opensearch2", "elasticsearch9"}


def search_backends():
    """Wagtail search backends: the database always, an engine when SEARCH_URL names one.

    The database backend stays available as ``database`` so the admin and the
    public fallback never depend on the engine being up. Both are the
    accent-folding backends of the ``search`` app. A cluster is named by several
    comma-separated hosts, in ``SEARCH_URL`` or ``SEARCH_URLS``; options such as
    ``?index=`` or ``?replicas=`` may follow any of them.
    """
    database = {"BACKEND": "search.backends.database"}
    urls = env_list("SEARCH_URLS") or env_list("SEARCH_URL")
    if not urls:
        # One backend under two names; indexing it once is enough.
        return {"default": database, "database": {**database, "AUTO_UPDATE": False}}
    hosts, options = [], {}
    for url in urls:
        parsed = urlparse(url)
        options.update(parse_qs(parsed.query))
        hosts.append(parsed._replace(query="").geturl())
    engine = options.pop("engine", ["opensearch2"])[0]
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(f"SEARCH_URL engine {engine!r} is not one of {sorted(SEARCH_ENGINES)}")
    backend = {
        "BACKEND": f"search.backends.{engine}",
        "URLS": hosts,
        "INDEX_PREFIX": options.get("index", ["portal"])[0] + "_",
        "TIMEOUT": 5,
        # A node that is down is skipped for the next one; when every node is down the
        # engine fails fast and the page falls back to the database.
        "OPTIONS": {"max_retries": len(hosts) - 1, "retry_on_timeout": False},
    }
    if "replicas" in options:
        # ?replicas=1 on a cluster: every shard has a copy on another node, so losing one keeps search whole.
        backend["INDEX_SETTINGS"] = {"settings": {"index": {"number_of_replicas": int(options["replicas"][0])}}}
    return {"default": backend, "database": database}


def frontend_cache_config():
    """Wagtail's frontend cache backends: one HTTP (PURGE) backend per ``FRONTEND_CACHE_URL`` entry.

    ``FRONTEND_CACHE_URL=http://127.0.0.1:6081`` names the Varnish in front of nginx; several
    comma-separated URLs purge several caches. Unset: nothing is purged.
    """
    return {
        f"cache{number}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
        for number, url in enumerate(env_list("FRONTEND_CACHE_URL"), start=1)
    }
