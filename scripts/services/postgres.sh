#!/usr/bin/env bash
# PostgreSQL 15 for the tests: 127.0.0.1 port 25432, superuser "postgres"
# (trust from 127.0.0.1 and the socket), every other role by password
# (scram-sha-256), so tests can check a wrong password.
#   postgres.sh start|stop      state under $DM_SERVICES_DIR/postgres
# The data folder must be reachable by the postgres user (initdb refuses to
# run as root): when $DM_SERVICES_DIR is not, it lives in /tmp and
# $DM_SERVICES_DIR/postgres/datadir names it.
set -euo pipefail
PORT=25432
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
BASE=${DM_SERVICES_DIR:?DM_SERVICES_DIR not set}/postgres
mkdir -p "$BASE"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
running() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p $PORT -t 1 >/dev/null 2>&1; }

case "${1:-}" in
start)
  running && exit 0
  D=$(cat "$BASE/datadir" 2>/dev/null || true)
  if [ -z "$D" ] || [ ! -f "$D/data/PG_VERSION" ]; then
    D=$BASE/pg
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$BASE"; then D=$(mktemp -d /tmp/dm-postgres.XXXXXX); fi
    mkdir -p "$D"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$D"
    as_pg "$PGBIN/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1
    cat > "$D/data/pg_hba.conf" <<HBA
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    echo "$D" > "$BASE/datadir"
  fi
  SOCKDIR=$D   # the socket path must fit in 107 bytes
  if [ ${#D} -gt 80 ]; then
    SOCKDIR=/tmp/dm-postgres-sock.$PORT; mkdir -p "$SOCKDIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$SOCKDIR"
  fi
  as_pg "$PGBIN/pg_ctl" -D "$D/data" -l "$D/pg.log" -w -t 60 \
    -o "-p $PORT -k $SOCKDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  running || { echo "postgres did not start, see $D/pg.log" >&2; exit 1; }
  ;;
stop)
  D=$(cat "$BASE/datadir" 2>/dev/null || true)
  [ -n "$D" ] && [ -f "$D/data/postmaster.pid" ] || exit 0
  pid=$(head -1 "$D/data/postmaster.pid")
  as_pg "$PGBIN/pg_ctl" -D "$D/data" -m fast -w -t 60 stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$pid" 2>/dev/null
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
