import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import override_settings

from portal.settings import environment

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("quantri", "quantri@haugiang.gov.vn", "mat-khau-quan-tri-2026")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(scope="session")
def redis_url():
    """The throw-away Redis that ops/test-suite.sh starts (REDIS_URL); started here when run alone.

    It listens on ops/redis.sh's port (REDIS_TEST_PORT, default 63790).
    """
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    script = PROJECT_DIR / "ops" / "redis.sh"
    # Stop it afterwards only if this run started it: another run may be using it.
    port = os.environ.get("REDIS_TEST_PORT", "63790")
    redis_cli = shutil.which("redis-cli")
    already_running = redis_cli is not None and (
        subprocess.run([redis_cli, "-p", port, "ping"], capture_output=True, text=True, check=False).stdout.strip()
        == "PONG"
    )
    started = subprocess.run([str(script), "start"], capture_output=True, text=True, timeout=900, check=True)
    yield started.stdout.strip()
    if not already_running:
        subprocess.run([str(script), "stop"], capture_output=True, timeout=60, check=False)


def cache_settings(url):
    if url == "locmem":
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
    with override_env(CACHE_URL=url):
        return {"default": environment.cache_config()}


@pytest.fixture(params=["redis", "locmem"])
def page_cache(request, db):
    """The anonymous page cache switched on, on a real Redis and on local memory."""
    url = request.getfixturevalue("redis_url") if request.param == "redis" else "locmem"
    with override_settings(CACHES=cache_settings(url), PAGE_CACHE_ENABLED=True):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


@pytest.fixture
def unreachable_cache(db):
    """Redis configured but nothing listening: the cache is down."""
    with override_settings(CACHES=cache_settings("redis://127.0.0.1:1/0"), PAGE_CACHE_ENABLED=True):
        yield


@contextlib.contextmanager
def override_env(**values):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
