"""Write ops/nginx/portal.conf for one machine, and the nginx.conf frame that includes it.

ops/stack.sh runs the shipped server block itself behind Varnish, with its own app servers,
folders and ports: only the values that differ between machines are replaced (each must be
found in the file), so there is one configuration, never a second copy.

    python ops/nginx/render.py WORKDIR --listen PORT --upstream 127.0.0.1:18910 --upstream ... \\
        --static DIR --media DIR [--redirect-listen PORT]

Without TLS (behind Varnish on the same machine) the HTTPS server listens in plain HTTP and the
certificate lines are left out; the HTTP-to-HTTPS redirect server moves to --redirect-listen.
Prints the nginx.conf path.
"""

import argparse
import os
import re
from pathlib import Path

SHIPPED = Path(__file__).resolve().with_name("portal.conf")


def replace(text, shipped, local):
    if shipped not in text:
        raise SystemExit(f"ops/nginx/portal.conf no longer contains {shipped!r}")
    return text.replace(shipped, local)


def site_conf(text, *, listen, upstreams, static, media, redirect_listen):
    text = replace(text, "server 127.0.0.1:8000;", "\n    ".join(f"server {upstream};" for upstream in upstreams))
    text = replace(text, "listen 80;", f"listen 127.0.0.1:{redirect_listen};")
    text = replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{listen};")
    # Loopback only: the machine may have no IPv6, and nothing outside should reach the backends.
    text = replace(text, "listen [::]:80;", "")
    text = replace(text, "listen [::]:443 ssl http2;", "")
    # Plain HTTP behind Varnish: TLS ends in front of Varnish, not here.
    text = re.sub(r"^\s*ssl_[a-z_]+ [^;]+;\n", "", text, flags=re.MULTILINE)
    text = replace(text, "/srv/portal/staticfiles/", f"{static.rstrip('/')}/")
    text = replace(text, "/srv/portal/media/", f"{media.rstrip('/')}/")
    return text


def main_conf(work, site, workers=2, connections=1024):
    """The http{} frame Debian's /etc/nginx/nginx.conf gives a site, with every path in ``work``."""
    # A root master hands the workers to an unprivileged user, as Debian's nginx gives them to www-data.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes {workers};
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections {connections}; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {site};
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--listen", required=True, type=int)
    parser.add_argument("--redirect-listen", type=int)
    parser.add_argument("--upstream", action="append", required=True)
    parser.add_argument("--static", required=True)
    parser.add_argument("--media", required=True)
    args = parser.parse_args()
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    site = work / "portal.conf"
    site.write_text(
        site_conf(
            SHIPPED.read_text(),
            listen=args.listen,
            upstreams=args.upstream,
            static=args.static,
            media=args.media,
            redirect_listen=args.redirect_listen or args.listen + 1,
        )
    )
    conf = work / "nginx.conf"
    conf.write_text(main_conf(work, site))
    print(conf)


if __name__ == "__main__":
    main()
