# datamap serve watches local folders (inotify): with every schedule off and
# no "run now", a new folder, a new file and a sidecar tags file are
# discovered, crawled and classified within seconds, seen through the API,
# with jobs for the touched folder only (not a run over the 30 others);
# hidden and SQLite side files queue nothing; a removed folder vanishes; a
# source added while the service runs is watched too.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"

schedules_off
mkdir -p "$WORK/data" "$WORK/data2"
CAT="$WORK/c.db"
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$WORK/data" >/dev/null
for i in $(seq -w 1 30); do   # 30 quiet folders, cataloged before the service starts
  mkdir "$WORK/data/old$i"; printf 'id,note\n1,hello\n' >"$WORK/data/old$i/t.csv"
done
# an application's SQLite database in the folder: its -wal/-journal files change all the time
sqlite3 "$WORK/data/app.db" 'CREATE TABLE t(x)'
"$DATAMAP" --catalog "$CAT" run >/dev/null 2>&1
start_serve "$CAT" --workers 2
for _ in $(seq 50); do grep -q 'watching local for changes' "$WORK/serve.log" && break; sleep 0.1; done
grep -q 'watching local for changes' "$WORK/serve.log" && ok "local is watched" || fail "not watched: $(cat "$WORK/serve.log")"

jobs() { curl -s "$URL/api/v1/jobs?limit=1000" | py 'sorted(j["kind"] + " " + j["target"] for j in d["items"])'; }
njobs() { curl -s "$URL/api/v1/jobs?limit=1000" | py 'len(d["items"])'; }
[ "$(njobs)" = 0 ] && ok "nothing queued before a change" || fail "jobs before any change: $(jobs)"

# ---- a new folder --------------------------------------------------------------
mkdir "$WORK/data/hr"
printf 'name,mail,city\nAlice Smith,alice@example.com,Leeds\nBob Jones,bob@example.net,York\nCarl Weber,carl@example.org,Bath\n' \
  >"$WORK/data/hr/staff.csv"
# (by name: ?q= also matches the location, and the temporary folder's name is random)
wait_for 20 'any(a["name"] == "hr" and a["state"] == "classified" for a in d["items"])' "/api/v1/assets?source=local&limit=1000" &&
  ok "new folder hr classified without a run request" || fail "hr not classified: $(curl -s "$URL/api/v1/assets")"
HR=$(curl -s "$URL/api/v1/assets?source=local&limit=1000" | py '[a["id"] for a in d["items"] if a["name"] == "hr"][0]')
[ "$(curl -s "$URL/api/v1/findings?asset=$HR" | py 'sorted((f["column"], f["entity"]) for f in d["items"])')" = \
  "[('mail', 'EMAIL'), ('name', 'PERSON_NAME')]" ] &&
  ok "its columns: mail EMAIL, name PERSON_NAME, city none" || fail "findings: $(curl -s "$URL/api/v1/findings?asset=$HR")"
# (a slow write may make two changes: the same jobs again)
[ "$(curl -s "$URL/api/v1/jobs?limit=1000" | py 'sorted({j["kind"] + " " + j["target"] for j in d["items"]})')" = \
  "['classify local/hr', 'crawl local/hr', 'discover local', 'tags local/hr']" ] &&
  ok "the watcher queued a discover, and the new folder only was crawled" || fail "jobs: $(jobs)"

# ---- a new file in it, then its sidecar tags ---------------------------------------
printf 'id,iban\n1,GB82WEST12345698765432\n2,DE89370400440532013000\n3,FR1420041010050500013M02606\n' >"$WORK/data/hr/payroll.csv"
wait_for 20 'any(f["table"] == "payroll" and f["entity"].endswith("BANK_ACCOUNT") for f in d["items"])' "/api/v1/findings?asset=$HR" &&
  ok "new file payroll classified (bank accounts)" || fail "payroll: $(curl -s "$URL/api/v1/findings?asset=$HR")"
[ "$(curl -s "$URL/api/v1/jobs?limit=1000" | py 'all(j["target"] == "local/hr" for j in d["items"] if j["kind"] in ("crawl", "classify", "run"))')" = True ] &&
  ok "no other folder was crawled or classified" || fail "other jobs: $(jobs)"
[ "$(curl -s "$URL/api/v1/gaps?kind=no_purpose" | py '"local/hr" in [g["asset"] for g in d["items"]]')" = True ] &&
  ok "gap: hr has no purpose" || fail "no no_purpose gap for hr: $(curl -s "$URL/api/v1/gaps")"
printf 'Purpose of Processing: Payroll\nData Subjects: Employees\n' >"$WORK/data/hr/.datamap-tags.yaml"
wait_for 20 'd["total"] == 1 and d["items"][0]["value"] == "Payroll"' "/api/v1/tags?asset=$HR&key=Purpose%20of%20Processing" &&
  ok "sidecar tags captured" || fail "tags: $(curl -s "$URL/api/v1/tags?asset=$HR")"
wait_for 10 '"local/hr" not in [g["asset"] for g in d["items"]]' "/api/v1/gaps?kind=no_purpose" &&
  ok "the gap closes once the purpose is tagged (no stale cached report)" || fail "gap still open: $(curl -s "$URL/api/v1/gaps")"

# ---- noise queues nothing ----------------------------------------------------------
for _ in $(seq 50); do   # let the last run finish
  [ "$(curl -s "$URL/api/v1/jobs?state=running" | py 'len(d["items"]) + 0')" = 0 ] &&
    [ "$(curl -s "$URL/api/v1/jobs?state=queued" | py 'len(d["items"]) + 0')" = 0 ] && break
  sleep 0.1
done
before=$(njobs)
touch "$WORK/data/.hidden" "$WORK/data/hr/_tmp.csv" "$WORK/data/app.db-journal" "$WORK/data/app.db-wal"
echo x >>"$WORK/data/app.db-wal"
sleep 1.5
[ "$(njobs)" = "$before" ] && ok "hidden and SQLite side files queue nothing" || fail "noise queued jobs ($before -> $(njobs))"

# ---- a removed folder ------------------------------------------------------------
rm -rf "$WORK/data/hr"
wait_for 20 'not any(a["name"] == "hr" for a in d["items"])' "/api/v1/assets?source=local&limit=1000" &&
  ok "removed folder vanished" || fail "hr still listed"
wait_for 10 'not any(j["state"] in ("queued", "running") for j in d["items"])' "/api/v1/jobs?limit=1000" || true
[ "$(curl -s "$URL/api/v1/jobs?limit=1000" | py '[j["kind"] + " " + j["target"] for j in d["items"] if j["state"] != "done" or j["last_error"]]')" = "[]" ] &&
  ok "no job failed along the way (a removed folder is for discover, not a crawl)" || fail "jobs: $(curl -s "$URL/api/v1/jobs?limit=1000")"

# ---- a source added while serving --------------------------------------------------
"$DATAMAP" --catalog "$CAT" source add second "$WORK/data2" >/dev/null
for _ in $(seq 100); do grep -q 'watching second for changes' "$WORK/serve.log" && break; sleep 0.1; done
mkdir "$WORK/data2/crm"
printf 'id,email\n1,john.doe@example.com\n2,jane@example.org\n' >"$WORK/data2/crm/customers.csv"
wait_for 20 'd["total"] == 1 and d["items"][0]["state"] == "classified"' "/api/v1/assets?source=second" &&
  ok "a source added at run time is watched" || fail "second: $(curl -s "$URL/api/v1/assets?source=second")"
stop_serve
grep -q 'alice@example.com\|GB82WEST' "$WORK/serve.log" && fail "a raw value in the log"
finish
