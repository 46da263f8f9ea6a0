"""Benchmarks (``make bench``): production settings plus the bench app and the ceiling view.

The bench app stays out of the product's INSTALLED_APPS. Its data lives in var/bench/
unless DATABASE_URL says otherwise; the page cache is switched by PAGE_CACHE_ENABLED.
"""

from .base import BASE_DIR
from .environment import database_config, env_str
from .production import *  # noqa: F403
from .production import INSTALLED_APPS, PAGE_CACHE_EXCLUDED_PATHS

BENCH_DIR = BASE_DIR / "var" / "bench"

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
DATABASES = {"default": database_config(BENCH_DIR / "bench.sqlite3")}
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BENCH_DIR / "media"))
# The ceiling is always computed, never served from the page cache.
PAGE_CACHE_EXCLUDED_PATHS = [*PAGE_CACHE_EXCLUDED_PATHS, "/bench/"]
