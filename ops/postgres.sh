#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the test suite (Debian's package, run as the
# `postgres` user because PostgreSQL refuses to run as root) and prints its DATABASE_URL.
#   ops/postgres.sh start   -> installs if needed, starts, prints the URL on stdout
#   ops/postgres.sh stop
set -euo pipefail

PORT=${PG_TEST_PORT:-54329}
DATA_DIR=${PG_TEST_DIR:-/tmp/portal-postgres-$PORT}
USER_NAME=portal
PASSWORD=portal-test

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && echo "$dir"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_if_missing() {
    if [ -z "$(pg_bin)" ]; then
        echo "Installing PostgreSQL from Debian packages…" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql postgresql-contrib >&2
    fi
}

start() {
    install_if_missing
    local bin
    bin=$(pg_bin)
    if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
        mkdir -p "$DATA_DIR"
        [ "$(id -u)" = 0 ] && chown postgres: "$DATA_DIR"
        as_postgres "$bin/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -w -t 60 -l "$DATA_DIR/server.log" \
            -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2
    fi
    # A superuser, because migrations create the unaccent extension and tests create databases.
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtAc \
        "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
           CREATE ROLE $USER_NAME LOGIN SUPERUSER PASSWORD '$PASSWORD'; END IF; END \$\$;" >&2
    if ! as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAc \
        "SELECT 1 FROM pg_database WHERE datname = '$USER_NAME'" | grep -q 1; then
        as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres -O "$USER_NAME" "$USER_NAME" >&2
    fi
    echo "postgres://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$USER_NAME"
}

stop() {
    local bin
    bin=$(pg_bin) || exit 0
    if [ -f "$DATA_DIR/PG_VERSION" ]; then
        as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -m fast stop >&2 || true
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
