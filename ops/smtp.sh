#!/usr/bin/env bash
# Starts a throw-away SMTP server for the test suite (aiosmtpd from PyPI, pinned in
# requirements-dev.txt) that keeps every message it receives in a Maildir, and prints
# its SMTP_SINK_URL: smtp://127.0.0.1:<port>/?maildir=<dir>. Real SMTP, on loopback only.
#   ops/smtp.sh start   -> starts (if not already listening), prints the URL on stdout
#   ops/smtp.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${SMTP_TEST_PORT:-10259}
DATA_DIR=${SMTP_TEST_DIR:-/tmp/portal-smtp-$PORT}
PYTHON=${PYTHON:-.venv/bin/python}

listening() {
    "$PYTHON" - "$PORT" <<'PY' >/dev/null 2>&1
import smtplib, sys
smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=2).quit()
PY
}

start() {
    mkdir -p "$DATA_DIR/maildir/cur" "$DATA_DIR/maildir/new" "$DATA_DIR/maildir/tmp"
    if ! listening; then
        nohup "$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$DATA_DIR/maildir" \
            >"$DATA_DIR/smtp.log" 2>&1 &
        echo $! >"$DATA_DIR/smtp.pid"
        for _ in $(seq 1 50); do
            listening && break
            sleep 0.2
        done
        if ! listening; then
            echo "The SMTP server did not start; its log:" >&2
            cat "$DATA_DIR/smtp.log" >&2
            exit 1
        fi
    fi
    echo "smtp://127.0.0.1:$PORT/?maildir=$DATA_DIR/maildir"
}

stop() {
    if [ -f "$DATA_DIR/smtp.pid" ]; then
        kill "$(cat "$DATA_DIR/smtp.pid")" 2>/dev/null || true
        rm -f "$DATA_DIR/smtp.pid"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
