#!/usr/bin/env bash
# S3 against Ceph's RADOS Gateway (checks SigV4 signatures, has bucket
# tagging): the opt-in tag filter, tables by prefix (partitions, gzip, keys
# with spaces, '+' and unicode, mixed schemas), findings and tags in the JSON,
# facts for the report, incremental runs by ETag, a wrong secret key.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
require_server "Ceph RGW" "$RGW"
export AWS_ACCESS_KEY_ID=testkey AWS_SECRET_ACCESS_KEY=testsecret DATAMAP_CATALOG=$WORK/cat.db
S3_EP=$RGW
TAGGED=dm-rgw-tag-$UNIQ PLAIN=dm-rgw-plain-$UNIQ
cleanup() {
  for b in "$TAGGED" "$PLAIN"; do AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3-rm-bucket "/$b" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

D=$WORK/data; mkdir -p "$D"
printf 'id,email,phone\n1,ann@example.com,+14155552671\n2,bob@example.org,+14155552672\n' > "$D/c1.csv"
printf 'id,email,phone\n3,cat@example.net,+14155552673\n4,dan@example.com,+14155552674\n' > "$D/c2.csv"
printf 'ts,ip\n2024-01-01,192.168.1.10\n2024-01-02,10.0.0.7\n' | gzip > "$D/e1.csv.gz"
printf 'ts,ip\n2024-02-01,172.16.0.3\n2024-02-02,10.1.2.3\n' | gzip > "$D/e2.csv.gz"
printf '{"name":"Ann Smith","ssn":"536-90-4399"}\n{"name":"Bob Jones","ssn":"078-05-1120"}\n' > "$D/people.jsonl"
printf 'a,b\n1,2\n' > "$D/m1.csv"; printf 'x,y,z\n1,2,3\n' > "$D/m2.csv"
s3 PUT "/$TAGGED" >/dev/null && s3 PUT "/$PLAIN" >/dev/null || fail "create buckets"
s3 PUT "/$TAGGED/customers/part-0001.csv" -f "$D/c1.csv" >/dev/null
s3 PUT "/$TAGGED/customers/part-0002.csv" -f "$D/c2.csv" >/dev/null
s3 PUT "/$TAGGED/events/year=2024/month=01/data.csv.gz" -f "$D/e1.csv.gz" >/dev/null
s3 PUT "/$TAGGED/events/year=2024/month=02/data.csv.gz" -f "$D/e2.csv.gz" >/dev/null
s3 PUT "/$TAGGED/people.jsonl" -f "$D/people.jsonl" >/dev/null
s3 PUT "/$TAGGED/odd keys+x/é c.csv" -f "$D/c1.csv" >/dev/null
s3 PUT "/$TAGGED/mixed/m1.csv" -f "$D/m1.csv" >/dev/null
s3 PUT "/$TAGGED/mixed/m2.csv" -f "$D/m2.csv" >/dev/null
s3 PUT "/$TAGGED/_SUCCESS" -d "" >/dev/null
s3 PUT "/$PLAIN/users.csv" -f "$D/c1.csv" >/dev/null
s3 PUT "/$TAGGED" -q tagging= -d "<Tagging><TagSet><Tag><Key>gdpr-scan</Key><Value>true</Value></Tag><Tag><Key>Data Subjects</Key><Value>Customers &amp; staff</Value></Tag></TagSet></Tagging>" >/dev/null || fail "put bucket tagging"
s3 PUT "/$TAGGED" -q lifecycle= -H 'Content-MD5: auto' -d "<LifecycleConfiguration><Rule><ID>purge</ID><Filter><Prefix>events/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule></LifecycleConfiguration>" >/dev/null || fail "put lifecycle"

expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add rgw s3:// --option endpoint=$RGW --require-tag gdpr-scan=true && ok "source add with --require-tag"
grep -q testsecret "$WORK/cat.db" && fail "secret stored in the catalog"
expect_status 0 "$DATAMAP" source test rgw && ok "source test" || true
expect_status 0 "$DATAMAP" -v run || true
cp "$WORK/err" "$WORK/run1.err"
expect_status 0 "$DATAMAP" catalog --format json && cp "$WORK/out" "$WORK/cat.json"
$PY - "$WORK/cat.json" "$TAGGED" "$PLAIN" <<'PY' && ok "tagged bucket crawled and classified, untagged one skipped" || fail "catalog JSON: $(head -c 1500 "$WORK/cat.json")"
import json, sys
d = json.load(open(sys.argv[1])); tagged, plain = sys.argv[2], sys.argv[3]
names = [a["name"] for a in d["assets"]]
assert tagged in names, names
assert plain not in names, names
a = next(a for a in d["assets"] if a["name"] == tagged)
assert a["kind"] == "bucket" and a["location"] == "s3://" + tagged, a
assert a["tags"] == {"gdpr-scan": "true", "Data Subjects": "Customers & staff"}, a["tags"]
t = {x["name"]: x for x in a["tables"]}
assert set(t) == {"customers", "events", "people", "odd keys+x", "mixed_m1", "mixed_m2"}, sorted(t)
def ents(tab, col):
    c = next(c for c in t[tab]["columns"] if c["name"] == col)
    return {e["type"] for e in c["entities"]}
assert t["customers"]["rows_sampled"] == 4, t["customers"]
assert "EMAIL" in ents("customers", "email"), ents("customers", "email")
assert "PHONE_NUMBER" in ents("customers", "phone") or "USA_PHONE_NUMBER" in ents("customers", "phone"), ents("customers", "phone")
assert t["events"]["compression"] == "gzip" and t["events"]["rows_sampled"] == 4, t["events"]
cols = [c["name"] for c in t["events"]["columns"]]
assert cols[:2] == ["ts", "ip"] and "year" in cols and "month" in cols, cols
assert "IP_ADDRESS" in ents("events", "ip"), ents("events", "ip")
assert t["people"]["format"] == "jsonl" and "USA_SSN" in ents("people", "ssn"), t["people"]
assert t["odd keys+x"]["location"] == "s3://%s/odd keys+x/" % tagged, t["odd keys+x"]["location"]
assert "EMAIL" in ents("odd keys+x", "email")
assert d["errors"] == [], d["errors"]
PY
part=$(sqlite3 "$WORK/cat.db" "select group_concat(c.name) from columns c join tables t on t.id=c.table_id where t.name='events' and c.is_partition=1")
[ "$part" = "year,month" ] || [ "$part" = "month,year" ] && ok "Hive partitions are partition columns" || fail "partition columns: $part"
facts=$(sqlite3 "$WORK/cat.db" "select facts_json from assets where name='$TAGGED'")
$PY -c "
import json,sys; f=json.loads(sys.argv[1])
assert f['region']=='us-east-1', f
assert f['encryption']=='unknown', f          # Pacific misroutes ?encryption
assert f['lifecycle_expiration'][0]['expiration_days']==30 and f['lifecycle_expiration'][0]['prefix']=='events/', f
" "$facts" && ok "facts: region, encryption unknown, lifecycle expiration" || fail "facts: $facts"
origin=$(sqlite3 "$WORK/cat.db" "select distinct origin from tags t join assets a on a.id=t.asset_id where a.name='$TAGGED'")
[ "$origin" = store ] && ok "tags recorded as coming from the store" || fail "tag origin: $origin"

# incremental: nothing changed, then one object changes (new ETag)
expect_status 0 "$DATAMAP" crawl "$TAGGED"
grep -q "0 crawled, 0 classified, 6 unchanged" "$WORK/out" && ok "unchanged tables skipped (ETag fingerprint)" || fail "second run: $(cat "$WORK/out")"
printf 'id,email,phone\n5,eve@example.com,+14155552675\n' > "$D/c3.csv"
s3 PUT "/$TAGGED/customers/part-0002.csv" -f "$D/c3.csv" >/dev/null
expect_status 0 "$DATAMAP" crawl "$TAGGED"
grep -q "1 crawled, 0 classified, 5 unchanged" "$WORK/out" && ok "changed object re-crawled" || fail "third run: $(cat "$WORK/out")"

# a wrong secret key: refused by the gateway, reported with the endpoint, never the key
BAD=wrongSecret0123456789zz
AWS_SECRET_ACCESS_KEY=$BAD expect_status 1 "$DATAMAP" source test rgw || true
grep -q "127.0.0.1:28180" "$WORK/err" && grep -q "SignatureDoesNotMatch" "$WORK/err" &&
  ok "wrong secret key: clear error naming the endpoint" || fail "wrong secret: $(cat "$WORK/err")"
AWS_SECRET_ACCESS_KEY=$BAD expect_status 1 "$DATAMAP" run --force || true
grep -q "$BAD" "$WORK/out" "$WORK/err" "$WORK/cat.db" && fail "the secret key leaked" || ok "the secret key appears nowhere"
grep -q "SignatureDoesNotMatch" "$WORK/err" && ok "run with a wrong key fails (exit 1)" || fail "run with wrong key: $(cat "$WORK/err")"

# a bucket named in the URL, without the filter
AWS_ENDPOINT_URL_S3=$RGW expect_status 0 "$DATAMAP" scan "s3://$PLAIN" --format json &&
  $PY -c "
import json,sys; d=json.load(open(sys.argv[1])); a=d['assets'][0]
assert a['name']==sys.argv[2] and a['tables'][0]['name']=='users', a
assert any(e['type']=='EMAIL' for c in a['tables'][0]['columns'] for e in c['entities'])
" "$WORK/out" "$PLAIN" && ok "scan s3://bucket with AWS_ENDPOINT_URL_S3" || fail "scan: $(head -c 600 "$WORK/out") $(head -c 600 "$WORK/err")"
finish
