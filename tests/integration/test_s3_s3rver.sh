#!/usr/bin/env bash
# S3 against s3rver (no bucket tagging, no lifecycle/encryption: the
# fallbacks): tags from the .datamap-tags.yaml sidecar, paging past 1,000
# keys, a large object sampled by ranged GETs (bytes read asserted), one bad
# bucket not stopping the others.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
require_server s3rver "$S3RVER"
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER DATAMAP_CATALOG=$WORK/cat.db
S3_EP=$S3RVER
GOOD=dm-s3r-good-$UNIQ BAD=dm-s3r-bad-$UNIQ LOCB=dm-s3r-loc-$UNIQ
D=$WORK/data; mkdir -p "$D"
cleanup() { for b in "$GOOD" "$BAD" "$LOCB"; do s3-rm "$b"; done; rm -rf "$WORK"; }
s3-rm() { AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3-rm-bucket "/$1" >/dev/null 2>&1 || true; }
trap cleanup EXIT

s3 PUT "/$GOOD" >/dev/null && s3 PUT "/$BAD" >/dev/null || fail "create buckets"
printf 'gdpr-scan: "true"\nPurpose of Processing: Billing\nData Subjects: Customers\n' > "$D/tags.yaml"
s3 PUT "/$GOOD/.datamap-tags.yaml" -f "$D/tags.yaml" >/dev/null
AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3-put-many "/$GOOD" "logs/part-" 1050 >/dev/null || fail "put 1050 objects"
# a 32 MB CSV: block sampling reads only a few ranges of it
$PY - "$D/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id,email,amount\n")
    f.write("".join("%d,user%d@example.com,%d.%02d\n" % (i, i, i % 9973, i % 100) for i in range(860000)))
PY
BIG=$(stat -c %s "$D/big.csv")
s3 PUT "/$GOOD/big.csv" -f "$D/big.csv" >/dev/null || fail "put big.csv"
printf 'name,ssn\nAnn Smith,536-90-4399\nBob Jones,078-05-1120\n' | gzip > "$D/p.csv.gz"
s3 PUT "/$GOOD/people.csv.gz" -f "$D/p.csv.gz" >/dev/null
# the bad bucket: tags that are not a map, and a binary object
printf -- '- just\n- a list\n' > "$D/bad.yaml"
s3 PUT "/$BAD/.datamap-tags.yaml" -f "$D/bad.yaml" >/dev/null
head -c 4096 /dev/urandom > "$D/blob.csv"
s3 PUT "/$BAD/blob.csv" -f "$D/blob.csv" >/dev/null

expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add s3r "s3://$GOOD" --option endpoint=$S3RVER --require-tag gdpr-scan=true
expect_status 0 "$DATAMAP" -v run --rows 1000 || true
cp "$WORK/err" "$WORK/run.err"
expect_status 0 "$DATAMAP" catalog --format json && cp "$WORK/out" "$WORK/cat.json"
$PY - "$WORK/cat.json" "$GOOD" <<'PY' && ok "sidecar tags, 1,050 keys paged into one table, gzip object" || fail "catalog: $(head -c 1500 "$WORK/cat.json")"
import json, sys
d = json.load(open(sys.argv[1]))
a = d["assets"][0]
assert a["name"] == sys.argv[2], a["name"]
assert a["tags"] == {"gdpr-scan": "true", "Purpose of Processing": "Billing", "Data Subjects": "Customers"}, a["tags"]
t = {x["name"]: x for x in a["tables"]}
assert set(t) == {"logs", "big", "people"}, sorted(t)
assert t["logs"]["rows_sampled"] == 1050, t["logs"]["rows_sampled"]   # one row from each object
emails = [e for c in t["logs"]["columns"] if c["name"] == "email" for e in c["entities"]]
assert emails and emails[0]["type"] == "EMAIL", t["logs"]["columns"]
assert t["people"]["compression"] == "gzip"
assert any(e["type"] == "USA_SSN" for c in t["people"]["columns"] for e in c["entities"]), t["people"]
assert t["big"]["rows_sampled"] == 1000, t["big"]["rows_sampled"]
assert any(e["type"] == "EMAIL" for c in t["big"]["columns"] for e in c["entities"])
PY
n=$(sqlite3 "$WORK/cat.db" "select bytes from tables where name='logs'")
[ "$n" -gt 30000 ] && ok "all 1,050 objects listed (table bytes $n)" || fail "logs bytes: $n"
origin=$(sqlite3 "$WORK/cat.db" "select distinct origin from tags where origin != 'source'")
[ "$origin" = sidecar ] && ok "tags recorded as coming from the sidecar" || fail "origin: $origin"
read_bytes=$(sed -n "s|.*s3://$GOOD/big.csv: read \([0-9]*\) of \([0-9]*\) bytes.*|\1|p" "$WORK/run.err")
[ -n "$read_bytes" ] && [ "$read_bytes" -lt $((BIG / 20)) ] &&
  ok "32 MB object sampled by ranges: $read_bytes of $BIG bytes read" || fail "big.csv bytes read: '$read_bytes' of $BIG; $(grep big.csv "$WORK/run.err")"
facts=$(sqlite3 "$WORK/cat.db" "select facts_json from assets where name='$GOOD'")
[ "$facts" = '{"encryption":"unknown","lifecycle_expiration":"unknown","region":"us-east-1"}' ] &&
  ok "facts unknown where the store does not implement them" || fail "facts: $facts"

# where a bucket lives: s3rver answers GetBucketLocation with nothing, which
# on an S3-compatible endpoint says nothing. With no region named anywhere the
# record says "not known" (a gap), never a guessed us-east-1; a region option
# is what the store's owner says.
LOC=$WORK/loc.db
printf 'id,email\n1,ann@example.com\n2,bob@example.org\n' > "$D/u.csv"
s3 PUT "/$LOCB" >/dev/null && s3 PUT "/$LOCB/users.csv" -f "$D/u.csv" >/dev/null || fail "put users.csv"
DATAMAP_CATALOG=$LOC expect_status 0 "$DATAMAP" source add loc "s3://$LOCB" --option endpoint=$S3RVER || true
DATAMAP_CATALOG=$LOC expect_status 0 env -u AWS_REGION "$DATAMAP" run || true
region=$(sqlite3 "$LOC" "select coalesce(region,'NULL') || ' ' || facts_json from assets where name='$LOCB'")
case "$region" in 'NULL {'*'"region":null'*) ok "no region named: none recorded, none guessed" ;; *) fail "region: $region" ;; esac
DATAMAP_CATALOG=$LOC expect_status 3 "$DATAMAP" report --check || true
grep -q "no_location.*$LOCB.*location is not known" "$WORK/out" && ok "report: a location gap for the bucket" || fail "no location gap: $(cat "$WORK/out")"
LOC2=$WORK/loc2.db
DATAMAP_CATALOG=$LOC2 expect_status 0 "$DATAMAP" source add loc "s3://$LOCB" --option endpoint=$S3RVER --option region=ap-south-1 || true
DATAMAP_CATALOG=$LOC2 expect_status 0 env -u AWS_REGION "$DATAMAP" run || true
region=$(sqlite3 "$LOC2" "select region from assets where name='$LOCB'")
[ "$region" = ap-south-1 ] && ok "a region option is the bucket's region" || fail "region with option: $region"
DATAMAP_CATALOG=$LOC2 expect_status 3 "$DATAMAP" report --check || true
grep -q "no_location" "$WORK/out" && fail "location gap despite the region: $(cat "$WORK/out")" || ok "no location gap with a region"
grep -q "no_transfer_safeguard.*ap-south-1" "$WORK/out" && ok "outside the EEA without a safeguard: a gap" || fail "no safeguard gap: $(cat "$WORK/out")"

# every bucket, no filter: the bad one fails, the good one is still done
expect_status 0 "$DATAMAP" source add all s3:// --option endpoint=$S3RVER
expect_status 1 "$DATAMAP" run all --rows 200 || true
grep -q "$BAD/.datamap-tags.yaml" "$WORK/err" && grep -q "s3://$BAD/blob.csv" "$WORK/err" &&
  ok "bad bucket: its tags and its object reported" || fail "bad bucket errors: $(head -c 1000 "$WORK/err")"
st=$(sqlite3 "$WORK/cat.db" "select a.state from assets a join sources s on s.id=a.source_id where s.name='all' and a.name='$GOOD'")
[ "$st" = classified ] && ok "the good bucket is classified despite the bad one" || fail "good bucket state: $st"
finish
