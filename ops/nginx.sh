#!/usr/bin/env bash
# Installs Debian's nginx (and openssl, for the test's self-signed certificate) for the test
# suite and prints the path of nginx. tests/portal/test_nginx.py starts nginx itself, with the
# shipped ops/nginx/portal.conf and its own pid, log and temporary folders: the machine's
# nginx configuration, logs and service are left alone.
#   ops/nginx.sh install   -> installs if needed, prints the binary's path on stdout
set -euo pipefail

nginx_bin() {
    PATH="$PATH:/usr/sbin:/sbin" command -v nginx 2>/dev/null
}

install() {
    local missing=()
    nginx_bin >/dev/null || missing+=(nginx)
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]} from Debian packages…" >&2
        export DEBIAN_FRONTEND=noninteractive
        # Another apt run may hold the lock for a while (a shared machine): wait for it.
        apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >&2
    fi
    nginx_bin
}

case "${1:-}" in
    install) install ;;
    *) echo "usage: $0 install" >&2; exit 2 ;;
esac
