"""ops/stack.sh's nginx: the shipped ops/nginx/portal.conf rendered by ops/nginx/render.py for two app
servers behind Varnish, checked by Debian's nginx itself."""
# ruff: noqa: S603 - the programs run here are this repository's script and Debian's nginx

import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


def render(work, *upstreams):
    args = [sys.executable, str(PROJECT_DIR / "ops" / "nginx" / "render.py"), str(work), "--listen", "18901"]
    for upstream in upstreams:
        args += ["--upstream", upstream]
    args += ["--static", str(work / "static"), "--media", str(work / "media")]
    return Path(subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout.strip())


def test_the_stacks_nginx_configuration_passes_nginx_t_and_balances_two_app_servers():
    nginx = subprocess.run(
        [str(PROJECT_DIR / "ops" / "nginx.sh"), "install"], capture_output=True, text=True, timeout=900, check=True
    ).stdout.strip()
    work = Path(tempfile.mkdtemp(prefix="portal-stack-nginx-"))
    work.chmod(0o755)
    conf = render(work, "127.0.0.1:18910", "127.0.0.1:18911")
    checked = subprocess.run(
        [nginx, "-t", "-p", str(work), "-c", str(conf), "-e", str(work / "error.log")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    site = (work / "portal.conf").read_text()
    assert "server 127.0.0.1:18910;" in site
    assert "server 127.0.0.1:18911;" in site
    # The rules are the shipped file's: the private media rule and the retry of idempotent requests.
    assert "location ^~ /media/ {" in site
    assert "proxy_next_upstream error timeout http_502;" in site
    assert "ssl_certificate" not in site
