"""Every response carries the security headers; the public policy forbids inline scripts."""

import re

import pytest


@pytest.mark.django_db
def test_public_page_carries_every_security_header(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert re.search(r"script-src 'self'(;|$)", policy), "public pages must not allow inline scripts"
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_public_page_has_no_inline_script(client, home_page):
    html = client.get(home_page.url).content.decode()

    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    # The page's behaviour comes from static files: without any, this check would prove nothing.
    assert any("src=" in attributes for attributes, _ in scripts)
    for attributes, body in scripts:
        if "application/json" in attributes or "ld+json" in attributes:
            continue
        assert "src=" in attributes and not body.strip(), attributes
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), "no inline event handlers"


@pytest.mark.django_db
def test_admin_gets_its_own_policy_that_lets_it_frame_its_previews(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_errors_and_health_check_carry_the_headers_too(client):
    for url in ("/khong-ton-tai-trang-nay/", "/healthz"):
        response = client.get(url)
        assert "Content-Security-Policy" in response, url
        assert response["X-Content-Type-Options"] == "nosniff", url
