#!/usr/bin/env bash
# A failed asset says so (issue 15 item 9): a folder whose only file is a
# truncated gzip stream keeps its state but carries the error (catalog
# --format json "error"/"failed_at", API assets and assets/{id}, ?state=failed);
# once the file is whole the next run clears it. The API's asset list
# carries each asset's personal-data column count (columns, not findings;
# a dismissed finding does not count) and categories.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"

D=$WORK/data
mkdir -p "$D/broken" "$D/crm"
{ echo email; for i in $(seq 3000); do echo "user$i@example.com"; done; } | gzip >"$WORK/whole.gz"
head -c 400 "$WORK/whole.gz" >"$D/broken/t.csv.gz"
{
  echo 'email,full_name,phone,size'
  echo 'alice.martin@example.com,Alice Martin,+44 20 7946 0958,38'
  echo 'bob.jones@example.org,Bob Jones,+44 20 7946 0959,44'
  echo 'carol.white@example.net,Carol White,+44 20 7946 0960,39'
} >"$D/crm/people.csv"
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$D" >/dev/null
expect_status 1 "$DATAMAP" --catalog "$CAT" run || true

js() { "$DATAMAP" --catalog "$CAT" catalog --format json | python3 -c "import json,sys; d=json.load(sys.stdin); \
a=[x for x in d['assets'] if x['name']=='$1'][0]; print($2)"; }
got=$(js broken "a['state'], a.get('error'), bool(a.get('failed_at'))")
[ "$got" = "discovered t.csv.gz: truncated gzip stream True" ] \
  && ok "catalog json: broken carries its error and when" || fail "catalog json broken: $got"
[ "$(js crm "a.get('error')")" = None ] && ok "catalog json: crm has no error" || fail "crm: $(js crm "a.get('error')")"

schedules_off
start_serve "$CAT"
curl -s "$URL/api/v1/assets" >"$WORK/assets.json"
got=$(py "[(a['name'], a.get('error'), a['personal_columns']) for a in d['items']]" <"$WORK/assets.json")
[ "$got" = "[('broken', 't.csv.gz: truncated gzip stream', 0), ('crm', None, 3)]" ] \
  && ok "API assets: error and personal-data column counts" || fail "API assets: $got"
got=$(py "sorted(c['category'] for a in d['items'] if a['name']=='crm' for c in a['categories'])" <"$WORK/assets.json")
case "$got" in
  *user.contact.email*user.contact.phone*user.name*) ok "API assets: crm's categories $got";;
  *) fail "API assets categories: $got";;
esac
got=$(curl -s "$URL/api/v1/assets?state=failed" | py "[a['name'] for a in d['items']], d['total']")
[ "$got" = "['broken'] 1" ] && ok "API ?state=failed: broken only" || fail "?state=failed: $got"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/assets?state=bogus")" = 400 ] && ok "?state=bogus: 400" \
  || fail "?state=bogus not 400"
ID=$(py "[a['id'] for a in d['items'] if a['name']=='broken'][0]" <"$WORK/assets.json")
[ "$(curl -s "$URL/api/v1/assets/$ID" | py "d.get('error')")" = "t.csv.gz: truncated gzip stream" ] \
  && ok "API asset: its error" || fail "API asset error"
# a column whose findings are all dismissed no longer counts; one with a
# finding left still does
CRM=$(py "[a['id'] for a in d['items'] if a['name']=='crm'][0]" <"$WORK/assets.json")
ents=$(curl -s "$URL/api/v1/assets/$CRM" | py "' '.join(e['type'] for t in d['tables'] for c in t['columns'] if c['name']=='phone' for e in c['entities'])")
for e in $ents; do
  curl -s -X POST -H 'Content-Type: application/json' "$URL/api/v1/findings/review" \
    -d "{\"asset\":\"local/crm\",\"table\":\"people\",\"column\":\"phone\",\"entity\":\"$e\",\"decision\":\"dismiss\",\"reason\":\"switchboard\",\"by\":\"t\"}" \
    >"$WORK/review.json"
  got=$(curl -s "$URL/api/v1/assets/$CRM" | py "d['personal_columns']")
  want=3; [ "$e" = "${ents##* }" ] && want=2
  [ "$got" = "$want" ] && ok "phone's $e dismissed: $got personal-data column(s)" \
    || fail "after dismissing $e: $got, expected $want ($(head -c 200 "$WORK/review.json"))"
done
[ -n "$ents" ] || fail "no findings on phone"
stop_serve

# whole again: the next run clears the error
cp "$WORK/whole.gz" "$D/broken/t.csv.gz"
expect_status 0 "$DATAMAP" --catalog "$CAT" run || true
got=$(js broken "a['state'], a.get('error'), a.get('failed_at')")
[ "$got" = "classified None None" ] && ok "fixed: classified, error cleared" || fail "after the fix: $got"
finish
