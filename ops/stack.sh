#!/usr/bin/env bash
# The production shape on one machine, from real parts, everything on 127.0.0.1:
#
#   Varnish :18900 (ops/varnish/portal.vcl) -> nginx :18901 (ops/nginx/portal.conf, rendered by
#   ops/nginx/render.py) -> two gunicorn app servers :18910 and :18911 (same code, SECRET_KEY and
#   media folder) -> PostgreSQL :18920, Redis :18921, a three-node OpenSearch 2.19 cluster
#   (HTTP 9406-9408, transport 9506-9508; the portal's index with one replica).
#
#   ops/stack.sh up       -> starts what is not running, loads the demo once, prints the URLs
#   ops/stack.sh down     -> stops everything it started
#   ops/stack.sh status   -> one line per part
#   ops/stack.sh env      -> the application's environment, for `set -a; . <(ops/stack.sh env)`
#   ops/stack.sh part start|stop app N | opensearch [N] | redis | postgres
#                         -> one part alone (bench/resilience.py restarts what it broke)
#
# Every port and the state folder (STACK_DIR) come from the environment. Each service is run by
# its own user when started as root, as the test scripts do (PostgreSQL, Redis, nginx's and
# Varnish's workers). bench/resilience.py drives faults against this stack.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT_DIR=$(pwd)

VARNISH_PORT=${STACK_VARNISH_PORT:-18900}
NGINX_PORT=${STACK_NGINX_PORT:-18901}
NGINX_REDIRECT_PORT=${STACK_NGINX_REDIRECT_PORT:-18902}
APP_PORTS=(${STACK_APP_PORTS:-18910 18911})
PG_PORT=${STACK_PG_PORT:-18920}
REDIS_PORT=${STACK_REDIS_PORT:-18921}
OS_HTTP_PORTS=(${STACK_OPENSEARCH_PORTS:-9406 9407 9408})
OS_TRANSPORT_PORTS=(${STACK_OPENSEARCH_TRANSPORT_PORTS:-9506 9507 9508})
STACK_DIR=${STACK_DIR:-/tmp/portal-stack-$VARNISH_PORT}
APP_WORKERS=${STACK_APP_WORKERS:-2}
PYTHON=$PROJECT_DIR/.venv/bin/python
GUNICORN=$PROJECT_DIR/.venv/bin/gunicorn

log() { echo "[stack] $*" >&2; }

pg() { PG_TEST_PORT=$PG_PORT PG_TEST_DIR=$STACK_DIR/postgres ops/postgres.sh "$@"; }
redis() { REDIS_TEST_PORT=$REDIS_PORT REDIS_TEST_DIR=$STACK_DIR/redis ops/redis.sh "$@"; }
opensearch_node() {
    local i=$1
    shift
    local seeds=() names=()
    for j in 0 1 2; do
        seeds+=("127.0.0.1:${OS_TRANSPORT_PORTS[$j]}")
        names+=("portal-$((j + 1))")
    done
    OPENSEARCH_TEST_PORT=${OS_HTTP_PORTS[$i]} OPENSEARCH_TEST_DIR=$STACK_DIR/opensearch-$((i + 1)) \
        OPENSEARCH_CLUSTER_NAME=portal-stack OPENSEARCH_NODE_NAME=portal-$((i + 1)) \
        OPENSEARCH_TRANSPORT_PORT=${OS_TRANSPORT_PORTS[$i]} OPENSEARCH_KEEP_DATA=${KEEP_SEARCH_DATA:-} \
        OPENSEARCH_SEED_HOSTS=$(IFS=,; echo "${seeds[*]}") OPENSEARCH_INITIAL_MANAGERS=$(IFS=,; echo "${names[*]}") \
        ops/opensearch.sh "$@"
}

search_url() {
    local urls=()
    for port in "${OS_HTTP_PORTS[@]}"; do urls+=("http://127.0.0.1:$port"); done
    echo "$(IFS=,; echo "${urls[*]}")?index=stack&replicas=1"
}

secret_key() {
    mkdir -p "$STACK_DIR"
    [ -s "$STACK_DIR/secret_key" ] || "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))' >"$STACK_DIR/secret_key"
    cat "$STACK_DIR/secret_key"
}

app_env() {
    cat <<EOF
DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY=$(secret_key)
ALLOWED_HOSTS=localhost,.localhost,127.0.0.1
DATABASE_URL=postgres://portal:portal-test@127.0.0.1:$PG_PORT/portal
CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
SEARCH_URL=$(search_url)
FRONTEND_CACHE_URL=http://127.0.0.1:$VARNISH_PORT
MEDIA_ROOT=$STACK_DIR/media
STATIC_ROOT=$STACK_DIR/static
SECURE_SSL_REDIRECT=false
GUNICORN_WORKERS=$APP_WORKERS
PORT=$VARNISH_PORT
LOG_LEVEL=WARNING
EOF
}

with_app_env() {
    env $(app_env | xargs) "$@"
}

manage() {
    with_app_env "$PYTHON" manage.py "$@"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_http() {
    local url=$1 what=$2 logfile=${3:-}
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    log "$what did not answer on $url"
    [ -n "$logfile" ] && tail -n 30 "$logfile" >&2
    return 1
}

start_app() {
    local i=$1 port=${APP_PORTS[$1]} name
    name=app-$((i + 1))
    if alive "$STACK_DIR/$name.pid"; then return; fi
    # setsid: each app server has its own process group, so resilience runs can kill one alone.
    with_app_env PORT="$port" setsid "$GUNICORN" -c ops/gunicorn.conf.py --pid "$STACK_DIR/$name.pid" portal.wsgi \
        >"$STACK_DIR/$name.log" 2>&1 </dev/null &
}

start_nginx() {
    local nginx
    nginx=$(ops/nginx.sh install)
    local conf
    local upstreams=()
    for port in "${APP_PORTS[@]}"; do upstreams+=(--upstream "127.0.0.1:$port"); done
    conf=$("$PYTHON" ops/nginx/render.py "$STACK_DIR/nginx" --listen "$NGINX_PORT" \
        --redirect-listen "$NGINX_REDIRECT_PORT" "${upstreams[@]}" --static "$STACK_DIR/static" --media "$STACK_DIR/media")
    chmod 755 "$STACK_DIR" "$STACK_DIR/nginx"
    "$nginx" -t -q -p "$STACK_DIR/nginx" -c "$conf" -e "$STACK_DIR/nginx/error.log"
    if ! alive "$STACK_DIR/nginx/nginx.pid"; then
        "$nginx" -p "$STACK_DIR/nginx" -c "$conf" -e "$STACK_DIR/nginx/error.log"
    fi
}

start_varnish() {
    local varnishd
    varnishd=$(ops/varnish.sh install)
    mkdir -p "$STACK_DIR/varnish"
    sed "s/\.port = \"8080\";/.port = \"$NGINX_PORT\";/" ops/varnish/portal.vcl >"$STACK_DIR/varnish/portal.vcl"
    chmod 755 "$STACK_DIR/varnish"
    if ! alive "$STACK_DIR/varnish/varnishd.pid"; then
        "$varnishd" -n "$STACK_DIR/varnish/n" -a "127.0.0.1:$VARNISH_PORT" -f "$STACK_DIR/varnish/portal.vcl" \
            -s malloc,256m -P "$STACK_DIR/varnish/varnishd.pid" -T "127.0.0.1:0"
    fi
}

up() {
    local started=$SECONDS
    mkdir -p "$STACK_DIR/media" "$STACK_DIR/static"
    chmod 755 "$STACK_DIR"
    log "PostgreSQL, Redis and three OpenSearch nodes"
    # Built once here: three nodes building at once overwrite each other's jars.
    ops/opensearch.sh build
    pg start >/dev/null &
    local postgres=$!
    redis start >/dev/null
    wait "$postgres"
    # The nodes boot together (a lone node waits for a quorum of cluster managers), keeping the
    # data of the previous `up`, while the database is migrated, static files are collected and,
    # the first time, the demo is loaded.
    KEEP_SEARCH_DATA=1 start_opensearch 0 1 2 &
    local nodes=$!
    manage collectstatic --noinput -v0 &
    local static=$!
    log "database, static files"
    manage migrate --noinput -v0
    if [ ! -f "$STACK_DIR/demo-loaded" ]; then
        log "demo content"
        # Varnish is not up yet: nothing to purge. Indexed for the database backend only (no
        # SEARCH_URL), so the demo does not wait for the cluster; OpenSearch is indexed once, below.
        with_app_env FRONTEND_CACHE_URL= SEARCH_URL= "$PYTHON" manage.py load_demo >/dev/null
        rm -f "$STACK_DIR/search-indexed"
        touch "$STACK_DIR/demo-loaded"
    fi
    wait "$static"
    wait "$nodes"
    curl -fsS "http://127.0.0.1:${OS_HTTP_PORTS[0]}/_cluster/health?wait_for_nodes=3&wait_for_status=green&timeout=60s" >/dev/null
    log "two app servers, search index, nginx, Varnish"
    for i in "${!APP_PORTS[@]}"; do start_app "$i"; done
    # Indexed in bulk while the app servers boot, unless the nodes kept a complete index (a node
    # restarted alone by a resilience run starts empty and copies it back from the others).
    if [ ! -f "$STACK_DIR/search-indexed" ] ||
        [ -z "$(curl -fsS "http://127.0.0.1:${OS_HTTP_PORTS[0]}/_cat/indices/stack_*?h=index" 2>/dev/null)" ]; then
        manage update_index --backend default >/dev/null
        touch "$STACK_DIR/search-indexed"
    fi
    for i in "${!APP_PORTS[@]}"; do
        wait_http "http://127.0.0.1:${APP_PORTS[$i]}/healthz" "app server $((i + 1))" "$STACK_DIR/app-$((i + 1)).log"
    done
    start_nginx
    start_varnish
    wait_http "http://127.0.0.1:$VARNISH_PORT/healthz" "Varnish"
    log "up in $((SECONDS - started)) s"
    status
}

stop_pidfile() {
    local file=$1
    if alive "$file"; then
        local pid
        pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

down() {
    stop_pidfile "$STACK_DIR/varnish/varnishd.pid"
    if alive "$STACK_DIR/nginx/nginx.pid"; then
        "$(ops/nginx.sh install)" -p "$STACK_DIR/nginx" -c "$STACK_DIR/nginx/nginx.conf" -s quit || true
        for _ in $(seq 1 40); do alive "$STACK_DIR/nginx/nginx.pid" || break; sleep 0.25; done
    fi
    for i in "${!APP_PORTS[@]}"; do stop_pidfile "$STACK_DIR/app-$((i + 1)).pid"; done
    for i in 0 1 2; do opensearch_node "$i" stop || true; done
    redis stop || true
    pg stop || true
    log "down"
}

state() {
    if curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; then echo up; else echo down; fi
}

status() {
    printf '%-22s %-5s %s\n' "Varnish" "$(state "http://127.0.0.1:$VARNISH_PORT/healthz")" "http://127.0.0.1:$VARNISH_PORT/"
    printf '%-22s %-5s %s\n' "nginx" "$(state "http://127.0.0.1:$NGINX_PORT/healthz")" "http://127.0.0.1:$NGINX_PORT/"
    for i in "${!APP_PORTS[@]}"; do
        printf '%-22s %-5s %s\n' "app server $((i + 1))" "$(state "http://127.0.0.1:${APP_PORTS[$i]}/healthz")" \
            "http://127.0.0.1:${APP_PORTS[$i]}/"
    done
    for i in 0 1 2; do
        printf '%-22s %-5s %s\n' "OpenSearch node $((i + 1))" "$(state "http://127.0.0.1:${OS_HTTP_PORTS[$i]}/")" \
            "http://127.0.0.1:${OS_HTTP_PORTS[$i]}/"
    done
    local health
    health=$(curl -fsS --max-time 2 "http://127.0.0.1:${OS_HTTP_PORTS[0]}/_cluster/health" 2>/dev/null |
        "$PYTHON" -c 'import json,sys; h=json.load(sys.stdin); print(h["status"], h["number_of_nodes"], "nodes")' 2>/dev/null ||
        echo unknown)
    printf '%-22s %s\n' "OpenSearch cluster" "$health"
    if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then r=up; else r=down; fi
    printf '%-22s %-5s %s\n' "Redis" "$r" "redis://127.0.0.1:$REDIS_PORT/0"
    if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then p=up; else p=down; fi
    printf '%-22s %-5s %s\n' "PostgreSQL" "$p" "127.0.0.1:$PG_PORT"
}

start_opensearch() {
    local pids=()
    for i in "$@"; do
        opensearch_node "$i" start >/dev/null &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
}

part() {
    local action=$1 name=$2 number=${3:-}
    case "$action:$name" in
        start:app) start_app $((number - 1))
            wait_http "http://127.0.0.1:${APP_PORTS[$((number - 1))]}/healthz" "app server $number" "$STACK_DIR/app-$number.log" ;;
        stop:app) stop_pidfile "$STACK_DIR/app-$number.pid" ;;
        start:opensearch) if [ -n "$number" ]; then start_opensearch $((number - 1)); else start_opensearch 0 1 2; fi ;;
        stop:opensearch) for i in ${number:-1 2 3}; do opensearch_node $((i - 1)) stop; done ;;
        start:redis) redis start >/dev/null ;;
        stop:redis) redis stop ;;
        start:postgres) pg start >/dev/null ;;
        stop:postgres) pg stop ;;
        *) echo "usage: $0 part start|stop app N | opensearch [N] | redis | postgres" >&2; exit 2 ;;
    esac
}

case "${1:-}" in
    up) up ;;
    part) shift; part "$@" ;;
    down) down ;;
    status) status ;;
    env) app_env ;;
    *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
