#!/usr/bin/env bash
# DynamoDB against dynalite: tables with and without the opt-in tag (tags
# only through TagResource), nested items flattened (maps, lists, sets,
# NULL, BOOL), a segmented Scan paged past 1,000 items, findings and tags in
# the JSON, facts from DescribeTable, incremental runs.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
require_server dynalite "$DYNALITE"
export AWS_ACCESS_KEY_ID=dmtest AWS_SECRET_ACCESS_KEY=dmtestsecret DATAMAP_CATALOG=$WORK/cat.db
DDB_EP=$DYNALITE
USERS=dm-ddb-users-$UNIQ ORDERS=dm-ddb-orders-$UNIQ
cleanup() {
  for t in "$USERS" "$ORDERS"; do ddb DeleteTable "{\"TableName\":\"$t\"}" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
mk() { ddb CreateTable "{\"TableName\":\"$1\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}" >/dev/null; }
mk "$USERS" && mk "$ORDERS" || fail "create tables"
$PY - "$WORK/users.jsonl" "$WORK/orders.jsonl" <<'PY'
import json, sys
ssns = ["536-90-4399", "078-05-1120", "219-09-9999", "457-55-5462"]
with open(sys.argv[1], "w") as f:
    for i in range(4200):
        it = {"id": {"S": "u%05d" % i}, "email": {"S": "user%d@example.com" % i},
              "age": {"N": str(20 + i % 60)}, "active": {"BOOL": i % 2 == 0},
              "profile": {"M": {"ssn": {"S": ssns[i % 4]}, "address": {"M": {"city": {"S": "Paris"}}}}},
              "phones": {"SS": ["+1415555%04d" % (2671 + i % 1000)]},
              "history": {"L": [{"S": "login"}, {"N": "3"}, {"M": {"k": {"S": "v"}}}]},
              "avatar": {"B": "aGVsbG8="}}
        if i % 3 == 0:
            it["nickname"] = {"NULL": True}
        f.write(json.dumps(it) + "\n")
with open(sys.argv[2], "w") as f:
    for i in range(10):
        f.write(json.dumps({"id": {"S": "o%d" % i}, "card": {"S": "4111111111111111"}}) + "\n")
PY
AWS_ENDPOINT_URL_DYNAMODB=$DDB_EP $AWSREQ ddb-put-items "$USERS" "$WORK/users.jsonl" >/dev/null || fail "put users"
AWS_ENDPOINT_URL_DYNAMODB=$DDB_EP $AWSREQ ddb-put-items "$ORDERS" "$WORK/orders.jsonl" >/dev/null || fail "put orders"
ddb TagResource "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/$USERS\",\"Tags\":[{\"Key\":\"gdpr-scan\",\"Value\":\"true\"},{\"Key\":\"Data Subjects\",\"Value\":\"Users\"}]}" >/dev/null || fail "tag users"

expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add ddb dynamodb:// --option endpoint=$DYNALITE --require-tag gdpr-scan=true
expect_status 0 "$DATAMAP" -v run --rows all || true
cp "$WORK/err" "$WORK/run.err"
expect_status 0 "$DATAMAP" catalog --format json && cp "$WORK/out" "$WORK/cat.json"
$PY - "$WORK/cat.json" "$USERS" "$ORDERS" <<'PY' && ok "tagged table only; nested items flattened; findings and tags" || fail "catalog: $(head -c 2000 "$WORK/cat.json")"
import json, sys
d = json.load(open(sys.argv[1])); users, orders = sys.argv[2], sys.argv[3]
names = [a["name"] for a in d["assets"]]
assert users in names and orders not in names, names
a = next(a for a in d["assets"] if a["name"] == users)
assert a["kind"] == "dynamodb_table" and a["location"] == "dynamodb://" + users, a
assert a["tags"] == {"gdpr-scan": "true", "Data Subjects": "Users"}, a["tags"]
assert len(a["tables"]) == 1
t = a["tables"][0]
assert t["name"] == users and t["format"] == "dynamodb" and t["rows_sampled"] == 4200, (t["name"], t["rows_sampled"])
c = {x["name"]: x for x in t["columns"]}
want = {"id", "email", "age", "active", "profile.ssn", "profile.address.city", "phones", "history", "avatar", "nickname"}
assert set(c) == want, sorted(c)
ents = lambda n: {e["type"] for e in c[n]["entities"]}
assert "EMAIL" in ents("email"), ents("email")
assert "USA_SSN" in ents("profile.ssn"), ents("profile.ssn")
assert "PHONE_NUMBER" in ents("phones") or "USA_PHONE_NUMBER" in ents("phones"), ents("phones")
assert c["age"]["type"] in ("bigint", "int", "integer"), c["age"]
assert c["active"]["type"] == "boolean", c["active"]
assert c["phones"]["type"] == "array" and c["history"]["type"] == "array", (c["phones"], c["history"])
assert c["nickname"]["nullable"] and not c["email"]["nullable"]
assert d["errors"] == [], d["errors"]
PY
grep -q "dynamodb://$USERS: 4200 item(s) in [0-9]* Scan page(s) over 4 segment(s)" "$WORK/run.err" &&
  pages=$(sed -n "s|.*dynamodb://$USERS: 4200 item(s) in \([0-9]*\) Scan page.*|\1|p" "$WORK/run.err") &&
  [ "$pages" -gt 4 ] && ok "segmented Scan paged with ExclusiveStartKey ($pages pages, 4 segments)" || fail "scan: $(grep -i scan "$WORK/run.err")"
grep "dynamodb://$USERS: 4200 item" "$WORK/run.err" | grep -q "email 100%.*nickname 33%" &&
  ok "share of items carrying each attribute" || fail "shares: $(grep "4200 item" "$WORK/run.err")"
facts=$(sqlite3 "$WORK/cat.db" "select facts_json from assets where name='$USERS'")
$PY -c "
import json,sys; f=json.loads(sys.argv[1])
assert f['arn'].endswith(':table/'+sys.argv[2]) and f['keys']==[{'name':'id','type':'HASH'}] and f['region']=='us-east-1', f
" "$facts" "$USERS" && ok "facts: ARN, keys, region" || fail "facts: $facts"

# a sample: --rows 100 spread over the segments
AWS_ENDPOINT_URL_DYNAMODB=$DYNALITE expect_status 0 "$DATAMAP" -v scan "dynamodb://$USERS" --rows 100 --format json
grep -q "dynamodb://$USERS: 100 item(s) in 4 Scan page(s) over 4 segment(s)" "$WORK/err" &&
  ok "--rows 100: one page in each of 4 segments" || fail "sample: $(grep -i scan "$WORK/err")"

# incremental: unchanged, then a changed item
expect_status 0 "$DATAMAP" crawl "$USERS"
grep -q "0 crawled, 0 classified, 1 unchanged" "$WORK/out" && ok "unchanged table skipped" || fail "second crawl: $(cat "$WORK/out")"
# (dynalite keeps ItemCount at 0: change an item the fingerprint's probe Scan reads)
first=$(ddb Scan "{\"TableName\":\"$USERS\",\"Limit\":1}" | $PY -c 'import json,sys; print(json.load(sys.stdin)["Items"][0]["id"]["S"])')
ddb PutItem "{\"TableName\":\"$USERS\",\"Item\":{\"id\":{\"S\":\"$first\"},\"email\":{\"S\":\"changed@example.com\"}}}" >/dev/null
expect_status 0 "$DATAMAP" crawl "$USERS"
grep -q "1 crawled" "$WORK/out" && ok "changed table crawled again" || fail "third crawl: $(cat "$WORK/out")"
finish
