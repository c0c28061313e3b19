#!/usr/bin/env bash
# Parquet (issue 13 item 1): a folder of Parquet files from three writers
# (DuckDB, parquetjs, parquet-wasm; tests/data/parquet, written by
# tests/tools/parquet_fixtures.js) is read and its personal data found,
# nested columns as dotted names, Hive partitions as partition columns;
# a file cut short and one with an overwritten footer are error entries
# naming the file, and the others are still read. On Ceph RGW the footer and
# only the row groups the sample needs are fetched by ranged GETs: the bytes
# and requests are counted from the S3 driver's log.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
F=$DM_TESTS/data/parquet
D=$WORK/data/lake
mkdir -p "$D"
cp -r "$F/lake/customers" "$D/"
for f in duckdb_zstd parquetjs_gzip_v2 wasm_lz4raw_v2_bss wasm_snappy_v2_nodict big_groups; do cp "$F/$f.parquet" "$D/"; done
size=$(stat -c %s "$F/duckdb_snappy.parquet")
head -c $((size / 2)) "$F/duckdb_snappy.parquet" > "$D/cut_short.parquet"
$PY - "$F/duckdb_snappy.parquet" "$D/bad_footer.parquet" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
n = int.from_bytes(b[-8:-4], "little")
b[len(b) - 8 - n + 2: len(b) - 8 - n + 40] = b"\xff" * 38      # the schema list overwritten
open(sys.argv[2], "wb").write(bytes(b))
PY

"$DATAMAP" scan "$WORK/data" --format json >"$WORK/out" 2>"$WORK/err" || true
$PY - "$WORK/out" "$D" <<'PY' && ok "Parquet folder: every writer read, personal data found, partitions, nested names" || fail "scan: $(head -c 2000 "$WORK/out"); $(head -c 600 "$WORK/err")"
import json, sys
doc = json.load(open(sys.argv[1])); d = sys.argv[2]
t = {x["name"]: x for a in doc["assets"] for x in a["tables"]}
def ents(tab, col):
    c = next((c for c in t[tab]["columns"] if c["name"] == col), None)
    assert c is not None, (tab, col, [c["name"] for c in t[tab]["columns"]])
    return {e["type"] for e in c["entities"]}
for name in ["duckdb_zstd", "parquetjs_gzip_v2", "wasm_lz4raw_v2_bss", "wasm_snappy_v2_nodict"]:
    x = t[name]
    assert x["format"] == "parquet", (name, x["format"])
    assert x["rows_sampled"] == 60, (name, x["rows_sampled"])
    assert "EMAIL" in ents(name, "email"), (name, ents(name, "email"))
    assert "PERSON_NAME" in ents(name, "last_name"), (name, ents(name, "last_name"))
    assert ents(name, "address.street") & {"ADDRESS", "STREET_ADDRESS"}, (name, ents(name, "address.street"))
    cols = {c["name"]: c["type"] for c in x["columns"]}
    # logical types reach the catalog's types
    assert cols["date_of_birth"] == "date" and cols["signup_at"] == "timestamp", (name, cols)
    assert cols["id"] == "bigint" and cols["active"] == "boolean" and cols["tags"] == "array", (name, cols)
assert "DATE_OF_BIRTH" in ents("duckdb_zstd", "date_of_birth")
assert "CREDIT_CARD" in ents("duckdb_zstd", "credit_card")
assert "EMAIL" in ents("duckdb_zstd", "attrs.value")            # a MAP's values
c = t["customers"]
assert c["rows_sampled"] == 60 and c["format"] == "parquet", c
assert [x["name"] for x in c["columns"]][-1] == "country", [x["name"] for x in c["columns"]]
assert "EMAIL" in ents("customers", "email")
assert "big_groups" in t and "EMAIL" in ents("big_groups", "email")
errs = {e["target"].rsplit("/", 1)[-1]: e["message"] for e in doc["errors"]}
assert all(e["target"].startswith("file://" + d) for e in doc["errors"]), doc["errors"]
assert set(errs) == {"cut_short.parquet", "bad_footer.parquet"}, doc["errors"]
assert "truncated" in errs["cut_short.parquet"], errs
assert "corrupt Parquet footer" in errs["bad_footer.parquet"], errs
PY
part=$("$DATAMAP" scan "$WORK/data" --format json 2>/dev/null | $PY -c "
import json,sys; d=json.load(sys.stdin)
t=[x for a in d['assets'] for x in a['tables'] if x['name']=='customers'][0]
print(','.join(c['name'] for c in t['columns'] if c.get('partition')))" || true)
[ "$part" = country ] && ok "Hive partition column country" || fail "partition columns: '$part'"

# ---- on Ceph RGW: ranged reads counted ----
require_server "Ceph RGW" "$RGW"
export AWS_ACCESS_KEY_ID=testkey AWS_SECRET_ACCESS_KEY=testsecret DATAMAP_CATALOG=$WORK/cat.db
S3_EP=$RGW
B=dm-rgw-pq-$UNIQ
cleanup() { AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3-rm-bucket "/$B" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
s3 PUT "/$B" >/dev/null || fail "create bucket"
s3 PUT "/$B/big_groups.parquet" -f "$F/big_groups.parquet" >/dev/null
for p in "$D"/customers/country=*; do
  s3 PUT "/$B/customers/${p##*/}/part_0.parquet" -f "$p/part_0.parquet" >/dev/null
done
s3 PUT "/$B/cut_short.parquet" -f "$D/cut_short.parquet" >/dev/null
BIG=$(stat -c %s "$F/big_groups.parquet")
expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add rgw "s3://$B" --option endpoint=$RGW
"$DATAMAP" -v run rgw --rows 500 >"$WORK/out" 2>"$WORK/run.err" || true
line=$(grep "s3://$B/big_groups.parquet: read" "$WORK/run.err" || true)
read_bytes=$(sed -n "s|.*s3://$B/big_groups.parquet: read \([0-9]*\) of \([0-9]*\) bytes in \([0-9]*\) request.*|\1|p" <<<"$line")
reqs=$(sed -n "s|.*s3://$B/big_groups.parquet: read \([0-9]*\) of \([0-9]*\) bytes in \([0-9]*\) request.*|\3|p" <<<"$line")
# the first 64 KiB (sniffing), the last 64 KiB (the footer), one row group of five: 3 GETs
[ -n "$read_bytes" ] && [ "$read_bytes" -lt $((BIG * 6 / 10)) ] && [ "$reqs" -le 4 ] &&
  ok "S3 Parquet sampled by ranges: $read_bytes of $BIG bytes in $reqs requests (one row group of five)" ||
  fail "big_groups: '$line'; $(grep -i parquet "$WORK/run.err" | head -5)"
expect_status 0 "$DATAMAP" catalog --format json
$PY - "$WORK/out" <<'PY' && ok "S3 Parquet: personal data found, partitions, the cut file an error" || fail "catalog: $(head -c 1500 "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))
t = {x["name"]: x for a in d["assets"] for x in a["tables"]}
for name in ["big_groups", "customers"]:
    assert t[name]["format"] == "parquet", t[name]
    assert any(e["type"] == "EMAIL" for c in t[name]["columns"] for e in c["entities"]), t[name]
assert t["big_groups"]["rows_sampled"] == 500, t["big_groups"]["rows_sampled"]
assert t["customers"]["rows_sampled"] == 60, t["customers"]["rows_sampled"]
PY
grep -q "cut_short.parquet.*truncated" "$WORK/run.err" && ok "S3: the cut file named with 'truncated'" ||
  fail "cut file on S3: $(grep -i cut_short "$WORK/run.err" | head -3)"
finish
