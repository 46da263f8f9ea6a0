#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it: every service the tests need is
# started here and stopped on exit. The suite runs on the embedded defaults (SQLite,
# database search, with the browser tests) and, at the same time, on PostgreSQL; then the
# search tests marked `opensearch` (the behaviour table among them) run against a real
# OpenSearch node. The two database passes run side by side on the machine's two cores,
# each with its own Redis and SMTP server, so that neither sees the other's cache or mail.
# A service that cannot start stops the run with its log: nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=.venv/bin/pytest
LOGS=$(mktemp -d -t portal-test-logs-XXXX)
# The PostgreSQL pass's own Redis and SMTP server, beside the SQLite pass's default ports.
PG_PASS_REDIS_PORT=63791
PG_PASS_SMTP_PORT=10260

cleanup() {
    ops/postgres.sh stop >/dev/null 2>&1 || true
    ops/opensearch.sh stop >/dev/null 2>&1 || true
    ops/redis.sh stop >/dev/null 2>&1 || true
    REDIS_TEST_PORT=$PG_PASS_REDIS_PORT ops/redis.sh stop >/dev/null 2>&1 || true
    ops/smtp.sh stop >/dev/null 2>&1 || true
    SMTP_TEST_PORT=$PG_PASS_SMTP_PORT ops/smtp.sh stop >/dev/null 2>&1 || true
    # A pass still running when the other failed is stopped with the run.
    jobs -p | xargs -r kill 2>/dev/null || true
}
trap cleanup EXIT

# The database runs use the database search backend, whatever the caller's environment says.
unset SEARCH_URL
POSTGRES_URL=$(ops/postgres.sh start)
OPENSEARCH_URL=$(ops/opensearch.sh start)
# A real Redis for the page-cache tests (tests/portal), which read REDIS_URL.
REDIS_URL=$(ops/redis.sh start)
PG_PASS_REDIS_URL=$(REDIS_TEST_PORT=$PG_PASS_REDIS_PORT ops/redis.sh start)
# A real SMTP server (aiosmtpd) keeping what it receives in a Maildir, for the e-mail tests.
SMTP_SINK_URL=$(ops/smtp.sh start)
PG_PASS_SMTP_SINK_URL=$(SMTP_TEST_PORT=$PG_PASS_SMTP_PORT ops/smtp.sh start)
# Chromium, Java and the pinned axe-core and Nu HTML Checker for the browser tests.
ops/browser-tools.sh
# nginx for tests/portal/test_nginx.py, which runs ops/nginx/portal.conf in front of gunicorn.
ops/nginx.sh install >/dev/null
# Varnish for tests/portal/test_varnish.py, which runs ops/varnish/portal.vcl and purges it.
ops/varnish.sh install >/dev/null

sqlite_pass() {
    echo "== Test suite on SQLite =="
    REDIS_URL="$REDIS_URL" SMTP_SINK_URL="$SMTP_SINK_URL" "$PYTEST" "$@"
}

postgres_and_opensearch_passes() {
    echo "== Test suite on PostgreSQL =="
    # The browser tests run once, in the SQLite pass: their demo server always uses its own
    # scratch SQLite database, so a second run would repeat the same thing.
    REDIS_URL="$PG_PASS_REDIS_URL" SMTP_SINK_URL="$PG_PASS_SMTP_SINK_URL" DATABASE_URL="$POSTGRES_URL" \
        "$PYTEST" -m "not browser" "$@"
    echo "== Search tests on OpenSearch =="
    # Only the engine tests: the rest of the suite does not depend on the search engine.
    REDIS_URL="$PG_PASS_REDIS_URL" SMTP_SINK_URL="$PG_PASS_SMTP_SINK_URL" SEARCH_URL="$OPENSEARCH_URL" \
        "$PYTEST" -m opensearch "$@"
}

# The SQLite pass streams to the console; the other is shown whole when it ends, so that
# the two never interleave.
postgres_and_opensearch_passes "$@" >"$LOGS/postgres.log" 2>&1 &
other=$!
status=0
sqlite_pass "$@" || status=$?
other_status=0
wait "$other" || other_status=$?
cat "$LOGS/postgres.log"
if [ "$status" -ne 0 ] || [ "$other_status" -ne 0 ]; then
    echo "Failed: SQLite pass exit $status, PostgreSQL/OpenSearch passes exit $other_status" >&2
    exit 1
fi
