# datamap serve and per-source schedules (config schedule.sources): in a
# time zone, with discover every minute for all sources but crm (whose
# discover is off) and tags every minute for crm only; a source configured
# but not in the catalog is a warning, not a crash; a slot fires again at
# the next minute. A bad zone or expression stops serve at start with
# file:line. About 65 seconds.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"

mkdir -p "$WORK/crm/customers" "$WORK/hr/staff"
printf 'id,email\n1,john.doe@example.com\n2,jane@example.org\n3,bob@test.net\n' >"$WORK/crm/customers/c.csv"
printf 'name,city\nAlice Smith,Leeds\nBob Jones,York\nCarl Weber,Bath\n' >"$WORK/hr/staff/s.csv"
CAT="$WORK/c.db"
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add crm "$WORK/crm" >/dev/null
"$DATAMAP" --catalog "$CAT" source add hr "$WORK/hr" >/dev/null
"$DATAMAP" --catalog "$CAT" -q discover crm >/dev/null   # crm has assets for its tags fan-out

# ---- config errors stop serve at start ------------------------------------------
cat >"$WORK/datamap.yaml" <<'YAML'
schedule:
  timezone: Europe/Berln
YAML
expect_status 2 "$DATAMAP" --catalog "$CAT" --config "$WORK/datamap.yaml" serve --listen 127.0.0.1:1 || true
grep -q "datamap.yaml:2: schedule.timezone: unknown time zone 'Europe/Berln'" "$WORK/err" &&
  ok "unknown zone: refused with file:line" || fail "unknown zone: $(cat "$WORK/err")"
cat >"$WORK/datamap.yaml" <<'YAML'
schedule:
  sources:
    crm:
      tags: "0 0 31 2 * *"
YAML
expect_status 2 "$DATAMAP" --catalog "$CAT" --config "$WORK/datamap.yaml" serve --listen 127.0.0.1:1 || true
grep -q "datamap.yaml:4: schedule.sources.crm.tags: cron '0 0 31 2 \* \*': more than 5 fields" "$WORK/err" &&
  ok "bad per-source expression: refused with file:line" || fail "bad expression: $(cat "$WORK/err")"

# ---- per-source slots ------------------------------------------------------------------
cat >"$WORK/datamap.yaml" <<'YAML'
schedule:
  timezone: Europe/Berlin
  discover: "* * * * *"
  crawl: "off"
  classify: "off"
  tags: "off"
  sources:
    crm:
      discover: "off"
      tags: "* * * * *"
    ghost:
      discover: "* * * * *"
YAML
SERVE_GLOBAL=-v start_serve "$CAT" --workers 2
T0=$(date +%s)
jobs() { curl -s "$URL/api/v1/jobs?limit=1000"; }
# count KIND TARGET-PREFIX: jobs of that kind whose target starts so
count() { jobs | py "len([j for j in d['items'] if j['kind'] == '$1' and j['target'].startswith('$2')])"; }

# never ran: due at once
wait_for 10 'any(j["kind"] == "schedule_tags" and j["target"] == "crm" and j["state"] == "done" for j in d["items"])' \
  "/api/v1/jobs?limit=1000" && ok "schedule_tags crm queued and run at start" ||
  fail "no schedule_tags crm: $(jobs)"
wait_for 10 'any(j["kind"] == "schedule_discover" and j["target"] == "all" and j["state"] == "done" for j in d["items"])' \
  "/api/v1/jobs?limit=1000" && ok "schedule_discover all queued and run at start" || fail "no schedule_discover all: $(jobs)"
wait_for 10 'any(j["kind"] == "tags" and j["target"] == "crm/customers" for j in d["items"])' "/api/v1/jobs?limit=1000" &&
  ok "crm's tags slot fans out to crm's assets" || fail "no tags job for crm/customers: $(jobs)"
wait_for 10 'any(j["kind"] == "discover" and j["target"] == "hr" for j in d["items"])' "/api/v1/jobs?limit=1000" &&
  ok "the stage-wide discover slot reaches hr" || fail "no discover hr: $(jobs)"
[ "$(count discover crm)" = 0 ] && ok "the stage-wide discover fan-out skips crm (its own discover is off)" ||
  fail "crm was discovered: $(jobs)"
[ "$(count schedule_tags all)" = 0 ] && [ "$(count schedule_discover crm)" = 0 ] &&
  ok "no slot for an off stage" || fail "off stages queued: $(jobs)"
[ "$(count schedule_discover ghost)" = 0 ] && [ "$(count discover ghost)" = 0 ] &&
  ok "a configured source missing from the catalog queues nothing" || fail "ghost jobs: $(jobs)"
grep -q "schedule.sources.ghost (.*datamap.yaml:11): no such source in the catalog" "$WORK/serve.log" &&
  ok "and is a warning in the log" || fail "no warning for ghost: $(grep -i ghost "$WORK/serve.log")"
kill -0 "$SERVE_PID" && ok "still running" || fail "serve died"

# the next minute: each slot fires again, once
# slack for a loaded machine: the next slot after that is 60 s away, so "once" still holds
left=$((T0 / 60 * 60 + 60 - $(date +%s) + 40))
wait_for "$left" 'len([j for j in d["items"] if j["kind"] == "schedule_tags" and j["target"] == "crm"]) == 2 and
  len([j for j in d["items"] if j["kind"] == "schedule_discover" and j["target"] == "all"]) == 2' "/api/v1/jobs?limit=1000" &&
  ok "both slots fired again at the next minute ($(($(date +%s) - T0)) s)" ||
  fail "no second firing: $(count schedule_tags crm) schedule_tags crm, $(count schedule_discover all) schedule_discover all"
sleep 1
[ "$(count schedule_tags crm)" = 2 ] && ok "once per minute" || fail "$(count schedule_tags crm) schedule_tags crm jobs"
grep -q "scheduler: tags crm at '\* \* \* \* \*' (Europe/Berlin)" "$WORK/serve.log" &&
  ok "the slots are logged with the zone" || fail "slot log: $(grep scheduler "$WORK/serve.log" | head -5)"
stop_serve
[ "$FAILS" = 0 ] || { echo "---- serve.log (end)"; tail -40 "$WORK/serve.log"; } >&2
finish
