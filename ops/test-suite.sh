#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it: every service the tests need is
# started here and stopped on exit. The suite runs twice: on the embedded defaults
# (SQLite, database search) and on PostgreSQL; then the search tests marked `opensearch`
# (the behaviour table among them) run a third time against a real OpenSearch node.
# A service that cannot start stops the run with its log: nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=.venv/bin/pytest

cleanup() {
    ops/postgres.sh stop >/dev/null 2>&1 || true
    ops/opensearch.sh stop >/dev/null 2>&1 || true
    ops/redis.sh stop >/dev/null 2>&1 || true
    ops/smtp.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The database runs use the database search backend, whatever the caller's environment says.
unset SEARCH_URL
POSTGRES_URL=$(ops/postgres.sh start)
OPENSEARCH_URL=$(ops/opensearch.sh start)
# A real Redis for the page-cache tests (tests/portal), which read REDIS_URL.
REDIS_URL=$(ops/redis.sh start)
export REDIS_URL
# A real SMTP server (aiosmtpd) keeping what it receives in a Maildir, for the e-mail tests.
SMTP_SINK_URL=$(ops/smtp.sh start)
export SMTP_SINK_URL
# Chromium, Java and the pinned axe-core and Nu HTML Checker for the browser tests.
ops/browser-tools.sh
# nginx for tests/portal/test_nginx.py, which runs ops/nginx/portal.conf in front of gunicorn.
ops/nginx.sh install >/dev/null
# Varnish for tests/portal/test_varnish.py, which runs ops/varnish/portal.vcl and purges it.
ops/varnish.sh install >/dev/null

echo "== Test suite on SQLite =="
"$PYTEST" "$@"

echo "== Test suite on PostgreSQL =="
# The browser tests run once, in the SQLite pass: their demo server always uses its own
# scratch SQLite database, so a second run would repeat the same thing.
DATABASE_URL="$POSTGRES_URL" "$PYTEST" -m "not browser" "$@"

echo "== Search tests on OpenSearch =="
# Only the engine tests: the rest of the suite does not depend on the search engine.
SEARCH_URL="$OPENSEARCH_URL" "$PYTEST" -m opensearch "$@"
