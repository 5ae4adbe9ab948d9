#!/usr/bin/env bash
# Run a command with PostgreSQL and Redis available.
#
# DATABASE_URL / REDIS_URL already set: used as they are. Otherwise a throwaway
# instance is started from the installed server binaries (installing the
# Debian packages when missing) on a free port, and removed afterwards.
set -euo pipefail

workdir=""
pg_started=""
redis_pid=""

cleanup() {
    if [ -n "$pg_started" ]; then
        as_postgres "$PGBIN/pg_ctl" -D "$workdir/pg" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
    if [ -n "$workdir" ]; then rm -rf "$workdir"; fi
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_postgres() {
    # initdb and pg_ctl refuse to run as root.
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_workdir() {
    if [ -z "$workdir" ]; then
        workdir=$(mktemp -d /tmp/factcheck-services.XXXXXX)
        chmod 755 "$workdir"
    fi
}

if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
    bash "$(dirname "$0")/ensure-system.sh" test  # the server packages, when missing
fi

if [ -z "${DATABASE_URL:-}" ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    ensure_workdir
    mkdir -p "$workdir/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$workdir/pg"
    port=$(free_port)
    as_postgres "$PGBIN/initdb" -D "$workdir/pg" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    as_postgres "$PGBIN/pg_ctl" -D "$workdir/pg" -l "$workdir/pg/server.log" -w \
        -o "-p $port -k $workdir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
    pg_started=1
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/factcheck"
    echo "with-services: throwaway PostgreSQL on 127.0.0.1:$port" >&2
fi

if [ -z "${REDIS_URL:-}" ]; then
    ensure_workdir
    port=$(free_port)
    redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
        --dir "$workdir" --pidfile "$workdir/redis.pid" --logfile "$workdir/redis.log"
    for _ in $(seq 50); do [ -s "$workdir/redis.pid" ] && break; sleep 0.1; done
    redis_pid=$(cat "$workdir/redis.pid")
    export REDIS_URL="redis://127.0.0.1:$port/0"
    echo "with-services: throwaway Redis on 127.0.0.1:$port" >&2
fi

"$@"
