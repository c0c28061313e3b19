# Event intake end to end against real stores: a CloudTrail CreateBucket
# event (EventBridge shape) for a new bucket in Ceph RGW, and a CreateTable
# event for a new DynamoDB table in dynalite, each onboard that store at once
# (discover, crawl, classify, tags) with every schedule off; seen through
# the API with its personal-data columns and tags.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/aws_lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"
require_server "Ceph RGW" "$RGW"
require_server dynalite "$DYNALITE"
export AWS_ACCESS_KEY_ID=testkey AWS_SECRET_ACCESS_KEY=testsecret
S3_EP=$RGW DDB_EP=$DYNALITE
BUCKET=dm-ev-$UNIQ TABLE=dm-ev-$UNIQ
cleanup_aws() {
  AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3-rm-bucket "/$BUCKET" >/dev/null 2>&1 || true
  ddb DeleteTable "{\"TableName\":\"$TABLE\"}" >/dev/null 2>&1 || true
}
trap 'cleanup_aws; serve_cleanup' EXIT

schedules_off
CAT="$WORK/c.db"
"$DATAMAP" --catalog "$CAT" source add lake s3:// --option endpoint=$RGW --require-tag "gdpr-scan=$UNIQ" >/dev/null
"$DATAMAP" --catalog "$CAT" source add ddb dynamodb:// --option endpoint=$DYNALITE --require-tag "gdpr-scan=$UNIQ" >/dev/null
start_serve "$CAT" --workers 2 --no-watch

# ---- CreateBucket ------------------------------------------------------------------
printf 'id,email,phone\n1,ann@example.com,+14155552671\n2,bob@example.org,+14155552672\n3,cy@example.net,+14155552673\n' >"$WORK/c.csv"
s3 PUT "/$BUCKET" >/dev/null || fail "create bucket"
s3 PUT "/$BUCKET/customers/part-1.csv" -f "$WORK/c.csv" >/dev/null || fail "put object"
s3 PUT "/$BUCKET" -q tagging= -d "<Tagging><TagSet><Tag><Key>gdpr-scan</Key><Value>$UNIQ</Value></Tag><Tag><Key>Data Subjects</Key><Value>Customers</Value></Tag></TagSet></Tagging>" >/dev/null ||
  fail "tag bucket"
EV=$(printf '{"version":"0","id":"6a7e8feb","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","account":"123456789012","time":"2026-11-27T10:00:00Z","region":"us-east-1","detail":{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"CreateBucket","awsRegion":"us-east-1","requestParameters":{"bucketName":"%s","Host":"s3.amazonaws.com"}}}' "$BUCKET")
code=$(curl -s -o "$WORK/e" -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$EV" "$URL/api/v1/events")
[ "$code" = 202 ] && [ "$(py '[(q["kind"], q["target"]) for q in d["queued"]]' <"$WORK/e")" = "[('run', 'lake')]" ] &&
  ok "CreateBucket event: 202, run queued for the s3:// source" || fail "CreateBucket: $code $(cat "$WORK/e")"
if wait_for 60 'd["total"] == 1 and d["items"][0]["state"] == "classified"' "/api/v1/assets?source=lake&q=$BUCKET"; then
  ok "the new bucket is discovered, crawled and classified"
else
  fail "bucket not onboarded: $(curl -s "$URL/api/v1/assets?source=lake"); $(curl -s "$URL/api/v1/jobs" | head -c 600)"
fi
[ "$(curl -s "$URL/api/v1/findings?source=lake" | py 'sorted({f["column"] + ":" + f["entity"] for f in d["items"] if f["asset"] == "'"$BUCKET"'"})')" = \
  "['email:EMAIL', 'phone:PHONE_NUMBER']" ] && ok "its columns: email EMAIL, phone PHONE_NUMBER" ||
  fail "bucket findings: $(curl -s "$URL/api/v1/findings?source=lake" | head -c 800)"
[ "$(curl -s "$URL/api/v1/tags?source=lake&key=Data%20Subjects" | py '[t["value"] for t in d["items"] if t["asset"] == "'"$BUCKET"'"]')" = "['Customers']" ] &&
  ok "its bucket tags captured" || fail "bucket tags: $(curl -s "$URL/api/v1/tags?source=lake")"

# ---- CreateTable (DynamoDB) --------------------------------------------------------
ddb CreateTable "{\"TableName\":\"$TABLE\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}" >/dev/null ||
  fail "create table"
for _ in $(seq 50); do   # dynalite: CREATING for a moment
  [ "$(ddb DescribeTable "{\"TableName\":\"$TABLE\"}" | py 'd["Table"]["TableStatus"]')" = ACTIVE ] && break; sleep 0.1
done
$PY - "$WORK/items.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(30):
        f.write(json.dumps({"id": {"S": "u%d" % i}, "email": {"S": "user%d@example.com" % i},
                            "ssn": {"S": ["536-90-4399", "078-05-1120", "219-09-9999"][i % 3]}}) + "\n")
PY
AWS_ENDPOINT_URL_DYNAMODB=$DDB_EP $AWSREQ ddb-put-items "$TABLE" "$WORK/items.jsonl" >/dev/null || fail "put items"
ddb TagResource "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/$TABLE\",\"Tags\":[{\"Key\":\"gdpr-scan\",\"Value\":\"$UNIQ\"}]}" >/dev/null ||
  fail "tag table"
EV=$(printf '{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.dynamodb","detail":{"eventSource":"dynamodb.amazonaws.com","eventName":"CreateTable","requestParameters":{"tableName":"%s"}}}' "$TABLE")
code=$(curl -s -o "$WORK/e" -w '%{http_code}' -X POST -d "$EV" "$URL/api/v1/events")
[ "$code" = 202 ] && [ "$(py '[q["target"] for q in d["queued"]]' <"$WORK/e")" = "['ddb']" ] &&
  ok "CreateTable event: 202, run queued for the dynamodb:// source" || fail "CreateTable: $code $(cat "$WORK/e")"
if wait_for 60 'd["total"] == 1 and d["items"][0]["state"] == "classified"' "/api/v1/assets?source=ddb&q=$TABLE"; then
  ok "the new table is discovered, crawled and classified"
else
  fail "table not onboarded: $(curl -s "$URL/api/v1/assets?source=ddb"); $(curl -s "$URL/api/v1/jobs" | head -c 600)"
fi
[ "$(curl -s "$URL/api/v1/findings?source=ddb&entity=USA_SSN" | py '[f["column"] for f in d["items"] if f["asset"] == "'"$TABLE"'"]')" = "['ssn']" ] &&
  ok "its ssn attribute is USA_SSN" || fail "table findings: $(curl -s "$URL/api/v1/findings?source=ddb" | head -c 800)"
stop_serve
grep -q 'testsecret' "$WORK/serve.log" "$CAT" && fail "a secret in the log or the catalog"
finish
