#!/usr/bin/env bash
# `datamap discover --watch` on PostgreSQL (127.0.0.1:25432): the event
# trigger + LISTEN bring a new table into the catalog, classified, within
# seconds although the polling interval is long; SIGTERM stops it cleanly.
. "$(dirname "$0")/lib.sh"
PORT=25432
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PORT -U postgres)
if ! "${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
  echo "FAIL: PostgreSQL is not reachable on 127.0.0.1:$PORT; start it with scripts/test-services start postgres" >&2
  exit 1
fi
DB=dm_pgw_$$_$RANDOM
watcher=
cleanup() {
  [ -n "$watcher" ] && kill "$watcher" 2>/dev/null && wait "$watcher" 2>/dev/null
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" >/dev/null
"${PSQL[@]}" -d "$DB" -c "CREATE TABLE first(email text)" -c "INSERT INTO first VALUES ('a@example.com')" >/dev/null
CAT=$WORK/cat.db
expect_status 0 "$DATAMAP" --catalog "$CAT" source add w "postgres://postgres@127.0.0.1:$PORT/$DB" || true
"$DATAMAP" --catalog "$CAT" discover --watch --interval 600 2>"$WORK/watch.log" &
watcher=$!
tables() { "$DATAMAP" --catalog "$CAT" catalog --format json 2>/dev/null | python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(" ".join(sorted(t["name"] + ":" + ",".join(e["type"] for c in t["columns"] for e in c["entities"]) for a in doc["assets"] for t in a["tables"])))' 2>/dev/null || true; }
for _ in $(seq 1 100); do [ "$(tables)" = "public.first:EMAIL" ] && break; sleep 0.1; done
[ "$(tables)" = "public.first:EMAIL" ] || fail "first round: $(tables); log: $(cat "$WORK/watch.log")"
# the table is created with its rows in one transaction, so the DDL notice finds them
start=$(date +%s%N)
"${PSQL[@]}" -d "$DB" -c "BEGIN; CREATE TABLE later(contact text); INSERT INTO later SELECT 'p' || i || '@example.org' FROM generate_series(1, 50) i; COMMIT;" >/dev/null
for _ in $(seq 1 150); do [ "$(tables)" = "public.first:EMAIL public.later:EMAIL" ] && break; sleep 0.1; done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$(tables)" = "public.first:EMAIL public.later:EMAIL" ]; then ok "a new table is crawled and classified $ms ms after CREATE TABLE (interval 600 s)"
else fail "new table not seen: $(tables); log: $(cat "$WORK/watch.log")"; fi
"${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM pg_event_trigger WHERE evtname = 'datamap_ddl'" | grep -qx 1 || fail "no event trigger"
kill -TERM "$watcher"
st=0; wait "$watcher" || st=$?
watcher=
[ "$st" = 0 ] && ok "SIGTERM stops the watcher with status 0" || fail "watcher exit status $st"

# ---- datamap serve: its watcher LISTENs too (schedules off, no run request) ----
. "$(dirname "$0")/serve_lib.sh"
DB2=${DB}_nw
trap 'serve_cleanup; cleanup; "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB2 WITH (FORCE)" >/dev/null 2>&1' EXIT
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB2" >/dev/null
"$DATAMAP" --catalog "$CAT" source add nw "postgres://postgres@127.0.0.1:$PORT/$DB2" --option watch=false >/dev/null
schedules_off
SERVE_GLOBAL=-v start_serve "$CAT" --workers 1
for _ in $(seq 100); do grep -q 'watching w for changes' "$WORK/serve.log" && break; sleep 0.1; done
for _ in $(seq 50); do grep -q 'watch nw: .*watching is off' "$WORK/serve.log" && break; sleep 0.1; done
grep -q 'watch nw: .*watching is off' "$WORK/serve.log" &&
  [ "$("${PSQL[@]}" -d "$DB2" -Atc "SELECT count(*) FROM pg_event_trigger")" = 0 ] &&
  ok "--option watch=false: not watched, no event trigger installed" ||
  fail "watch=false: $(grep nw "$WORK/serve.log"); triggers: $("${PSQL[@]}" -d "$DB2" -Atc "SELECT count(*) FROM pg_event_trigger")"
start=$(date +%s%N)
"${PSQL[@]}" -d "$DB" -c "BEGIN; CREATE TABLE third(mail text); INSERT INTO third SELECT 'q' || i || '@example.net' FROM generate_series(1, 50) i; COMMIT;" >/dev/null
if wait_for 20 'any(f["table"] == "public.third" and f["entity"] == "EMAIL" for f in d["items"])' "/api/v1/findings?source=w"; then
  ok "serve: a new table is classified $(( ($(date +%s%N) - start) / 1000000 )) ms after CREATE TABLE, seen through the API"
else
  fail "serve did not pick up the new table: $(curl -s "$URL/api/v1/findings?source=w"); log: $(tail -5 "$WORK/serve.log")"
fi
stop_serve
finish
