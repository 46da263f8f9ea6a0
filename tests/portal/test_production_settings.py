"""Production refuses insecure settings and sends HSTS."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
GOOD_SECRET = "x7!k2-production-secret-for-the-test-only-0123456789abcdefghij"


def production_check(**env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_a_short_secret_key():
    result = production_check(SECRET_KEY="short-key", ALLOWED_HOSTS="haugiang.gov.vn")

    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_production_refuses_the_development_key():
    result = production_check(
        SECRET_KEY="dev-only-insecure-key-never-used-in-production-0123456789", ALLOWED_HOSTS="haugiang.gov.vn"
    )

    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = production_check(SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="*")

    assert result.returncode != 0
    assert "not '*'" in result.stderr


def test_production_starts_with_a_strong_key_and_named_hosts():
    result = production_check(SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="haugiang.gov.vn")

    assert result.returncode == 0, result.stderr


def production_setting(expression, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env_overrides})
    env.update(SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="haugiang.gov.vn")
    code = f"from django.conf import settings; print(repr({expression}))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_requires_two_factor_of_superusers_and_portal_administrators():
    expression = "(settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS, settings.TWO_FACTOR_REQUIRED_GROUPS)"

    assert production_setting(expression) == "(True, ['Quản trị cổng'])"


def test_only_an_explicit_setting_lets_superusers_sign_in_without_two_factor():
    assert production_setting("settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS", TWO_FACTOR_SUPERUSERS_OPTIONAL="true") == (
        "False"
    )
