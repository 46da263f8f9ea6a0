#!/usr/bin/env bash
# Starts a throw-away OpenSearch 2.19 node for the test suite and prints its SEARCH_URL.
# The node is embedded in a tiny Java program (ops/opensearch/) built by Maven from Maven
# Central on the machine's Java 17; the build is cached in ops/opensearch/target and ~/.m2.
#   ops/opensearch.sh start   -> builds if needed, starts, waits for green, prints the URL
#   ops/opensearch.sh stop
#   ops/opensearch.sh build   -> only builds (ops/stack.sh, before starting three nodes at once)
# A node starts with an empty data folder, unless OPENSEARCH_KEEP_DATA=1 (ops/stack.sh up).
# Any failure exits non-zero with the node's log on stderr: the test run must not go on without it.
set -euo pipefail
cd "$(dirname "$0")/opensearch"

PORT=${OPENSEARCH_TEST_PORT:-9250}
HOME_DIR=${OPENSEARCH_TEST_DIR:-/tmp/portal-opensearch-$PORT}
HEAP=${OPENSEARCH_TEST_HEAP:-512m}
PID_FILE="$HOME_DIR/node.pid"
LOG_FILE="$HOME_DIR/node.log"
JAR=target/portal-opensearch-node-1.0.jar
URL="http://127.0.0.1:$PORT"

install_if_missing() {
    if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
        echo "Installing Java 17 and Maven from Debian packages…" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq openjdk-17-jdk-headless maven >&2
    fi
}

build() {
    install_if_missing
    if [ -f "$JAR" ] && [ "$JAR" -nt pom.xml ] && [ -z "$(find src -newer "$JAR" -print -quit)" ]; then
        return
    fi
    echo "Building the OpenSearch test node with Maven…" >&2
    mvn -q -B package -DskipTests >&2
}

running() {
    [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

start() {
    build
    if running && curl -fsS "$URL" >/dev/null 2>&1; then
        echo "$URL"
        return
    fi
    [ -n "${OPENSEARCH_KEEP_DATA:-}" ] || rm -rf "$HOME_DIR"
    mkdir -p "$HOME_DIR"
    # setsid: the node outlives this script and gets its own process group for `stop`.
    setsid java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseSerialGC -Djava.awt.headless=true \
        -cp "$JAR:target/lib/*" vn.gov.haugiang.search.EmbeddedNode "$HOME_DIR" "$PORT" \
        >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 120); do
        if ! running; then
            echo "OpenSearch exited during startup; its log:" >&2
            tail -n 40 "$LOG_FILE" >&2
            exit 1
        fi
        if curl -fsS "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
            echo "$URL"
            return
        fi
        sleep 1
    done
    echo "OpenSearch did not answer on $URL within 120 s; its log:" >&2
    tail -n 40 "$LOG_FILE" >&2
    stop
    exit 1
}

stop() {
    if running; then
        local pid
        pid=$(cat "$PID_FILE")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    build) build ;;
    *) echo "usage: $0 start|stop|build" >&2; exit 2 ;;
esac
