#!/usr/bin/env bash
# include= and exclude= on every store kind (issue 13 item 6): local
# folders, S3 buckets and prefixes (s3rver), DynamoDB tables (dynalite; the
# reference keeps a DynamoDB exception list). Patterns match an asset's
# name and a table's "asset/table" path; the SQL drivers keep schema.table.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
require_server s3rver "$S3RVER"
require_server dynalite "$DYNALITE"
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER
S3_EP=$S3RVER DDB_EP=$DYNALITE
KEEP=dm-flt-keep-$UNIQ DROP=dm-flt-drop-$UNIQ T1=dm-flt-users-$UNIQ T2=dm-flt-tmp-$UNIQ
cleanup() {
  for b in "$KEEP" "$DROP"; do AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3-rm-bucket "/$b" >/dev/null 2>&1 || true; done
  for t in "$T1" "$T2"; do ddb DeleteTable "{\"TableName\":\"$t\"}" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
names() {  # FILE -> "asset:table,table asset:..." sorted
  $PY -c "
import json,sys; d=json.load(open(sys.argv[1]))
print(' '.join(sorted(a['name']+':'+','.join(sorted(t['name'] for t in a['tables'])) for a in d['assets'])))" "$1"
}

# local folders
D=$WORK/estate; mkdir -p "$D/crm" "$D/hr" "$D/tmp"
printf 'id,email\n1,ann@example.com\n' > "$D/crm/customers.csv"
printf 'id,email\n1,bob@example.com\n' > "$D/crm/orders.csv"
printf 'id,email\n1,cat@example.com\n' > "$D/hr/staff.csv"
printf 'id,email\n1,dan@example.com\n' > "$D/hr/payroll.csv"
printf 'id,email\n1,eve@example.com\n' > "$D/tmp/scratch.csv"
expect_status 0 "$DATAMAP" scan "$D" --format json --option 'exclude=tmp,*/payroll' && cp "$WORK/out" "$WORK/f1.json"
[ "$(names "$WORK/f1.json")" = "crm:customers,orders hr:staff" ] && ok "folder: exclude an asset and a table" ||
  fail "folder exclude: $(names "$WORK/f1.json")"
expect_status 0 "$DATAMAP" scan "$D" --format json --option 'include=crm/orders, hr' && cp "$WORK/out" "$WORK/f2.json"
[ "$(names "$WORK/f2.json")" = "crm:orders hr:payroll,staff" ] && ok "folder: include a table and an asset" ||
  fail "folder include: $(names "$WORK/f2.json")"

# S3: buckets and prefixes
s3 PUT "/$KEEP" >/dev/null && s3 PUT "/$DROP" >/dev/null || fail "create buckets"
s3 PUT "/$KEEP/customers/part-1.csv" -f "$D/crm/customers.csv" >/dev/null
s3 PUT "/$KEEP/scratch/part-1.csv" -f "$D/tmp/scratch.csv" >/dev/null
s3 PUT "/$DROP/users.csv" -f "$D/hr/staff.csv" >/dev/null
expect_status 0 "$DATAMAP" scan s3:// --option endpoint=$S3RVER --option "include=dm-flt-*-$UNIQ" \
  --option "exclude=$DROP,*/scratch" --format json && cp "$WORK/out" "$WORK/s.json"
[ "$(names "$WORK/s.json")" = "$KEEP:customers" ] && ok "s3: a bucket and a prefix excluded" ||
  fail "s3 filters: $(names "$WORK/s.json")"

# DynamoDB: an exception list of tables
export AWS_ACCESS_KEY_ID=dmtest AWS_SECRET_ACCESS_KEY=dmtestsecret
mk() { ddb CreateTable "{\"TableName\":\"$1\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}" >/dev/null; }
mk "$T1" && mk "$T2" || fail "create tables"
ddb PutItem "{\"TableName\":\"$T1\",\"Item\":{\"id\":{\"S\":\"1\"},\"email\":{\"S\":\"ann@example.com\"}}}" >/dev/null
ddb PutItem "{\"TableName\":\"$T2\",\"Item\":{\"id\":{\"S\":\"1\"},\"email\":{\"S\":\"bob@example.com\"}}}" >/dev/null
expect_status 0 "$DATAMAP" scan dynamodb:// --option endpoint=$DYNALITE --option "include=dm-flt-*-$UNIQ" \
  --option 'exclude=*-tmp-*' --format json && cp "$WORK/out" "$WORK/d.json"
[ "$(names "$WORK/d.json")" = "$T1:$T1" ] && ok "dynamodb: a table on the exception list is skipped" ||
  fail "dynamodb filters: $(names "$WORK/d.json")"
finish
