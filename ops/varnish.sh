#!/usr/bin/env bash
# Installs Debian's varnish for the test suite and the stack, and prints the path of varnishd.
# tests/portal/test_varnish.py and ops/stack.sh start varnishd themselves with ops/varnish/portal.vcl,
# their own working folder and port; started as root, varnishd hands its worker to the
# unprivileged `vcache` user the package creates. The machine's varnish service is left alone.
#   ops/varnish.sh install   -> installs if needed, prints the binary's path on stdout
set -euo pipefail

varnishd_bin() {
    PATH="$PATH:/usr/sbin:/sbin" command -v varnishd 2>/dev/null
}

install() {
    if ! varnishd_bin >/dev/null; then
        echo "Installing varnish from Debian packages…" >&2
        export DEBIAN_FRONTEND=noninteractive
        # Another apt run may hold the lock for a while (a shared machine): wait for it.
        apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq varnish >&2
    fi
    varnishd_bin
}

case "${1:-}" in
    install) install ;;
    *) echo "usage: $0 install" >&2; exit 2 ;;
esac
