#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it: every service the tests need is
# started here and stopped on exit. The suite runs twice: on the embedded defaults
# (SQLite, database search) and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=.venv/bin/pytest

cleanup() {
    ops/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

POSTGRES_URL=$(ops/postgres.sh start)
# Chromium, Java and the pinned axe-core and Nu HTML Checker for the browser tests.
ops/browser-tools.sh

echo "== Test suite on SQLite =="
"$PYTEST" "$@"

echo "== Test suite on PostgreSQL =="
# The browser tests run once, in the SQLite pass: their demo server always uses its own
# scratch SQLite database, so a second run would repeat the same thing.
DATABASE_URL="$POSTGRES_URL" "$PYTEST" -m "not browser" "$@"
