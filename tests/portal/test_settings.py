"""Settings come from the environment; production refuses unsafe configurations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings import environment

PROJECT_DIR = Path(__file__).resolve().parents[2]
GOOD_SECRET = "x7!k2-production-secret-for-the-test-only-0123456789abcdefghij"


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        "check", env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.production", "ALLOWED_HOSTS": "a.vn"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check", env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": GOOD_SECRET}
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_deploy_check_is_clean_with_required_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": GOOD_SECRET,
            "ALLOWED_HOSTS": "haugiang.gov.vn",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://portal:secret@db.internal:5432/portal")
    config = environment.database_config("unused.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"] == "db.internal"


def test_database_defaults_to_sqlite_file(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = environment.database_config("/srv/portal/db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/portal/db.sqlite3"


def test_a_sqlite_file_shared_by_the_worker_and_the_web_server_is_opened_for_concurrent_writers(
    monkeypatch, tmp_path, django_db_blocker
):
    from django.db.utils import ConnectionHandler

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    database = ConnectionHandler({"default": environment.database_config("unused.sqlite3")})["default"]
    with django_db_blocker.unblock(), database.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # readers never wait for the writer
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20_000  # a writer waits for another
    # Transactions take the write lock when they begin, so the wait above applies to them too.
    assert database.transaction_mode == "IMMEDIATE"
    database.close()


def test_cache_url_selects_redis_or_local_memory(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1")
    assert environment.cache_config()["BACKEND"].endswith("RedisCache")
    monkeypatch.delenv("CACHE_URL")
    assert environment.cache_config()["BACKEND"].endswith("LocMemCache")
    monkeypatch.setenv("CACHE_URL", "memcached://x")
    with pytest.raises(ImproperlyConfigured):
        environment.cache_config()


def test_a_search_in_local_memory_does_not_evict_the_content_generation(monkeypatch):
    """One search keeps a result card per candidate (up to MAX_CANDIDATES): with Django's default of
    300 entries, every search evicted the content generation and the site structure, so every page
    after it rebuilt them (53 queries on the search page at 100,000 directives instead of 8)."""
    from django.core.cache.backends.locmem import LocMemCache

    from portal import cache as page_caching
    from search.results import MAX_CANDIDATES

    monkeypatch.delenv("CACHE_URL", raising=False)
    config = environment.cache_config()
    local = LocMemCache("test-search-cards", {"OPTIONS": config.get("OPTIONS", {})})
    local.clear()
    generation = page_caching.current_generation(local)
    structure = f"portal:structure:{generation}:vi:menu:1"
    local.set(structure, ["menu"], 60)
    for search in range(3):
        local.set_many({f"portal:search-card:{generation}:vi:{search}-{pk}": pk for pk in range(MAX_CANDIDATES)}, 60)
        assert page_caching.current_generation(local) == generation
    assert local.get(structure) == ["menu"]


def test_search_url_adds_engine_and_keeps_database_backend(monkeypatch):
    monkeypatch.setenv("SEARCH_URL", "http://127.0.0.1:9200?index=haugiang")
    backends = environment.search_backends()
    assert backends["default"]["BACKEND"] == "search.backends.opensearch2"
    assert backends["default"]["URLS"] == ["http://127.0.0.1:9200"]
    assert backends["default"]["INDEX_PREFIX"] == "haugiang_"
    assert backends["database"]["BACKEND"] == "search.backends.database"
    monkeypatch.delenv("SEARCH_URL")
    assert environment.search_backends()["default"]["BACKEND"] == "search.backends.database"


@pytest.mark.parametrize("variable", ["SEARCH_URL", "SEARCH_URLS"])
def test_a_search_cluster_is_named_by_several_hosts_and_a_dead_node_is_skipped(monkeypatch, variable):
    monkeypatch.delenv("SEARCH_URL", raising=False)
    monkeypatch.setenv(variable, "http://127.0.0.1:9406, http://127.0.0.1:9407,http://127.0.0.1:9408?index=haugiang")
    backend = environment.search_backends()["default"]
    assert backend["URLS"] == ["http://127.0.0.1:9406", "http://127.0.0.1:9407", "http://127.0.0.1:9408"]
    assert backend["INDEX_PREFIX"] == "haugiang_"
    # The client tries the next node when one does not answer.
    assert backend["OPTIONS"]["max_retries"] == 2


def test_the_frontend_cache_is_purged_only_when_named(monkeypatch):
    monkeypatch.delenv("FRONTEND_CACHE_URL", raising=False)
    assert environment.frontend_cache_config() == {}
    monkeypatch.setenv("FRONTEND_CACHE_URL", "http://127.0.0.1:18900")
    (backend,) = environment.frontend_cache_config().values()
    assert backend == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:18900",
    }


def test_the_search_engine_client_is_given_every_host_of_the_cluster(monkeypatch):
    from wagtail.search.backends import get_search_backend

    monkeypatch.setenv("SEARCH_URL", "http://127.0.0.1:9406,http://127.0.0.1:9407,http://127.0.0.1:9408")
    monkeypatch.delenv("SEARCH_URLS", raising=False)
    config = environment.search_backends()["default"]
    backend = get_search_backend(config["BACKEND"], **{k: v for k, v in config.items() if k != "BACKEND"})
    ports = sorted(host["port"] for host in backend.es.transport.hosts)
    assert ports == [9406, 9407, 9408]
