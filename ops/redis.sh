#!/usr/bin/env bash
# Starts a throw-away Redis for the test suite (Debian's redis-server package) and
# prints its CACHE_URL. Bound to 127.0.0.1, no persistence, run as the `redis` user
# when started as root so the server never holds root rights.
#   ops/redis.sh start   -> installs if needed, starts, prints the URL on stdout
#   ops/redis.sh stop
set -euo pipefail

PORT=${REDIS_TEST_PORT:-63790}
DATA_DIR=${REDIS_TEST_DIR:-/tmp/portal-redis-$PORT}

install_if_missing() {
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "Installing Redis from Debian packages…" >&2
        export DEBIAN_FRONTEND=noninteractive
        # Another apt run may hold the lock for a while (a shared machine): wait for it.
        apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq redis-server >&2
    fi
}

as_redis() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u redis -- "$@"
    else
        "$@"
    fi
}

start() {
    install_if_missing
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = 0 ] && chown redis: "$DATA_DIR"
    if ! redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
        as_redis redis-server --bind 127.0.0.1 --port "$PORT" --dir "$DATA_DIR" \
            --save "" --appendonly no --daemonize yes --protected-mode yes \
            --pidfile "$DATA_DIR/redis.pid" --logfile "$DATA_DIR/redis.log" >&2
        for _ in $(seq 1 50); do
            redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
            sleep 0.2
        done
        redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null
    fi
    echo "redis://127.0.0.1:$PORT/0"
}

stop() {
    if command -v redis-cli >/dev/null 2>&1; then
        redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
