# Fleet mode on one PostgreSQL catalog (issue 12): two `datamap worker`
# processes and a `serve` share the job queue of a catalog on the test server
# (127.0.0.1:25432). A discover job per source fans out into crawl, classify
# and tags jobs per asset; the worker running the slow asset's classify job is
# killed with SIGKILL mid-job, its lease expires and another worker takes the
# job again. At the end every job is done once, nothing failed or was lost,
# the API answers from the PostgreSQL catalog, and the findings equal those of
# a single-process `datamap run` into a SQLite catalog over the same estate,
# and the jobs table never showed more than server.source_concurrency (2)
# jobs running against one source.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 25432 -U postgres)
if ! "${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
  echo "FAIL: PostgreSQL is not reachable on 127.0.0.1:25432; start it with scripts/test-services start postgres" >&2
  exit 1
fi
ID=dm_fleet_$$_$RANDOM
CATDB=${ID}_cat
SRCDB=${ID}_src
PIDS=()
fleet_cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  serve_cleanup
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $CATDB WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS $SRCDB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap fleet_cleanup EXIT
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $CATDB" -c "CREATE DATABASE $SRCDB" >/dev/null
# a view that takes about 6 s to read: its classify job is in flight long enough to kill
"${PSQL[@]}" -d "$SRCDB" >/dev/null <<'SQL'
CREATE TABLE members(id int PRIMARY KEY, email text, full_name text);
INSERT INTO members SELECT i, 'member' || i || '@example.com', (ARRAY['Alice Martin','Bruno Dubois'])[1 + i % 2]
FROM generate_series(1, 200) i;
CREATE VIEW slow AS SELECT 'slow' || i || '@example.org' AS contact, pg_sleep(0.03)::text AS z
FROM generate_series(1, 200) i;
SQL
CAT="postgresql://postgres@127.0.0.1:25432/$CATDB"
PGSRC="postgresql://postgres@127.0.0.1:25432/$SRCDB"

# the estate: 12 folders of CSV files, and the database
NFOLDERS=12
for i in $(seq 1 $NFOLDERS); do
  mkdir -p "$WORK/data/team$i"
  { echo 'id,email,phone,note'
    for r in $(seq 1 40); do echo "$r,user$r.t$i@example.com,+44 20 7946 $((1000 + r)),ticket $r"; done
  } >"$WORK/data/team$i/contacts.csv"
  printf 'sku,qty\nA%d,3\nB%d,4\n' "$i" "$i" >"$WORK/data/team$i/stock.csv"
done
schedules_off
# no more than two jobs at once against one store, over the whole fleet
printf 'server:\n  source_concurrency: 2\n' >>"$WORK/datamap.yaml"

D=("$DATAMAP" --config "$WORK/datamap.yaml")
"${D[@]}" --catalog "$CAT" init >/dev/null && ok "init on PostgreSQL" || fail "init on PostgreSQL"
"${D[@]}" --catalog "$CAT" source add local "$WORK/data" >/dev/null
"${D[@]}" --catalog "$CAT" source add db "$PGSRC" --option views=true >/dev/null

# two worker processes of two threads each, leases of 3 s
for w in 1 2; do
  "${D[@]}" --catalog "$CAT" -v worker --workers 2 --lease 3 >>"$WORK/worker$w.log" 2>&1 &
  PIDS+=($!)
done
WPIDS=("${PIDS[@]}")
sleep 0.5
# what the scheduler would queue: a discover job per source
"${PSQL[@]}" -d "$CATDB" -c "INSERT INTO jobs (kind, target, state, run_after, created_at, updated_at)
  SELECT 'discover', name, 'queued', '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z'
  FROM sources" -c "NOTIFY datamap_jobs" >/dev/null

q() { "${PSQL[@]}" -d "$CATDB" -Atc "$1"; }
# watch the jobs table: the most jobs running (live lease) against one source
( while :; do
    q "SELECT COALESCE(max(n), 0) FROM (SELECT count(*) AS n FROM jobs WHERE state = 'running'
       AND lease_until >= to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
       AND kind NOT LIKE 'schedule%' GROUP BY split_part(target, '/', 1)) c" >>"$WORK/running.txt" 2>/dev/null || true
    sleep 0.05
  done ) &
WATCH_PID=$!
PIDS+=("$WATCH_PID")
# kill the worker that runs the slow classify job, mid-job
owner=
for _ in $(seq 300); do
  owner=$(q "SELECT lease_owner FROM jobs WHERE kind = 'classify' AND target = 'db/$SRCDB' AND state = 'running'")
  [ -n "$owner" ] && break
  sleep 0.1
done
victim=$(echo "$owner" | awk -F: '{print $2}')
if [ -n "$victim" ] && printf '%s\n' "${WPIDS[@]}" | grep -qx "$victim"; then
  sleep 1
  kill -9 "$victim"
  ok "worker $victim killed while running classify db/$SRCDB"
else
  fail "the slow classify job never ran under a worker process (owner '$owner')"
fi

# serve joins the fleet (one worker thread) and answers the API
start_serve "$CAT" --workers 1 --lease 3 --no-watch
PIDS+=("$SERVE_PID")
NASSETS=$((NFOLDERS + 1))
done_all=0
for _ in $(seq 600); do
  left=$(q "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')")
  [ "$left" = 0 ] && { done_all=1; break; }
  sleep 0.1
done
[ $done_all = 1 ] && ok "queue drained" || fail "jobs left: $(q "SELECT kind, target, state, attempts FROM jobs WHERE state <> 'done'")"

kill "$WATCH_PID" 2>/dev/null || true
most=$(sort -n "$WORK/running.txt" | tail -1)
[ -n "$most" ] && [ "$most" -le 2 ] && ok "per-source limit: at most $most jobs ran at once against one source ($(wc -l <"$WORK/running.txt") samples)" ||
  fail "per-source limit 2 exceeded: $most"
[ "$(q "SELECT count(*) FROM jobs WHERE state <> 'done'")" = 0 ] && ok "no job failed or dead" ||
  fail "jobs not done: $(q "SELECT kind, target, state, last_error FROM jobs WHERE state <> 'done'")"
for kind in crawl classify tags; do
  n=$(q "SELECT count(*) FROM jobs WHERE kind = '$kind'")
  d=$(q "SELECT count(DISTINCT target) FROM jobs WHERE kind = '$kind'")
  [ "$n" = $NASSETS ] && [ "$d" = $NASSETS ] && ok "$kind: one job per asset ($n)" || fail "$kind: $n jobs for $d targets"
done
[ "$(q "SELECT attempts FROM jobs WHERE kind = 'classify' AND target = 'db/$SRCDB'")" = 2 ] &&
  ok "the killed worker's job was taken again (attempt 2) and done" ||
  fail "slow job: $(q "SELECT state, attempts FROM jobs WHERE kind = 'classify' AND target = 'db/$SRCDB'")"
[ "$(q "SELECT count(*) FROM jobs WHERE attempts <> 1 AND NOT (kind = 'classify' AND target = 'db/$SRCDB')")" = 0 ] &&
  ok "every other job ran once" || fail "jobs run more than once: $(q "SELECT kind, target, attempts FROM jobs WHERE attempts <> 1")"
survivor=${WPIDS[0]}; [ "$survivor" = "$victim" ] && survivor=${WPIDS[1]}
grep -q '^.*job [0-9]*: ' "$WORK/worker1.log" && grep -q '^.*job [0-9]*: ' "$WORK/worker2.log" &&
  ok "both worker processes ran jobs" || fail "a worker ran nothing"
grep -q "job .*classify db/$SRCDB (attempt 2)" "$WORK"/worker*.log "$WORK/serve.log" &&
  ok "attempt 2 logged by the worker that took it over" || fail "no attempt 2 in the logs"

# the API on the PostgreSQL catalog
curl -s "$URL/api/v1/assets?limit=100" >"$WORK/assets.json"
[ "$(py 'd["total"]' <"$WORK/assets.json")" = $NASSETS ] &&
  [ "$(py 'all(a["state"] == "classified" for a in d["items"])' <"$WORK/assets.json")" = True ] &&
  ok "API: $NASSETS assets, all classified" || fail "API assets: $(head -c 600 "$WORK/assets.json")"
[ "$(curl -s "$URL/api/v1/findings?entity=EMAIL&limit=100" | py 'd["total"]')" -ge $NASSETS ] &&
  ok "API: EMAIL findings in every asset" || fail "API findings: $(curl -s "$URL/api/v1/findings?entity=EMAIL" | head -c 400)"

# the same estate by one process into SQLite: the same columns with the same entities
"${D[@]}" --catalog "$WORK/single.db" source add local "$WORK/data" >/dev/null
"${D[@]}" --catalog "$WORK/single.db" source add db "$PGSRC" --option views=true >/dev/null
"${D[@]}" --catalog "$WORK/single.db" run >/dev/null 2>&1 || fail "single-process run failed"
shape='sorted((a["source"], a["name"], t["name"], c["name"], tuple(sorted(e["type"] for e in c.get("entities", [])))) for a in d["assets"] for t in a.get("tables", []) for c in t.get("columns", []))'
"${D[@]}" --catalog "$WORK/single.db" catalog --format json >"$WORK/single.json"
"${D[@]}" --catalog "$CAT" catalog --format json >"$WORK/fleet.json"
a=$(py "$shape" <"$WORK/single.json")
b=$(py "$shape" <"$WORK/fleet.json")
[ -n "$a" ] && [ "$a" = "$b" ] && ok "fleet catalog equals the single-process one ($(py 'len(d["assets"])' <"$WORK/fleet.json") assets)" ||
  fail "catalogs differ: single $(echo "$a" | head -c 300) fleet $(echo "$b" | head -c 300)"

for p in "${WPIDS[@]}"; do
  [ "$p" = "$victim" ] && continue
  kill -TERM "$p" && wait "$p" && ok "worker $p: SIGTERM, exit 0" || fail "worker $p did not stop cleanly"
done
stop_serve
finish
