#!/usr/bin/env bash
# Installs what the browser tests need, when missing: Debian's Chromium (never a downloaded
# browser), Java for the Nu HTML Checker, and the pinned npm packages (axe-core, vnu-jar) of
# tests/browser/package-lock.json. Safe to run every time: it does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian packages…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
fi

# npm ci only when the lock file changed since the last install. --ignore-scripts: vnu-jar's
# install script would fetch a Java runtime; the machine's Java is used instead.
lock=tests/browser/package-lock.json
stamp=tests/browser/node_modules/.installed-lock
if ! cmp -s "$lock" "$stamp" 2>/dev/null; then
    npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error >&2
    cp "$lock" "$stamp"
fi
