#!/usr/bin/env bash
# PostgreSQL source against the real server of scripts/services/postgres.sh
# (127.0.0.1:25432): scan in the JSON shape with declared types, comments as
# tags, hostile identifiers crawled and sampled with every table unchanged,
# views and include/exclude, discovery of databases, a permission error on
# one table, a wrong password and an unreachable server, write-back of
# column comments, a statement timeout, and a connection killed mid-sample.
# Every database and role has a unique name: runs in parallel are fine.
. "$(dirname "$0")/lib.sh"
PORT=25432
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PORT -U postgres)
if ! "${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
  echo "FAIL: PostgreSQL is not reachable on 127.0.0.1:$PORT; start it with scripts/test-services start postgres" >&2
  exit 1
fi
ID=dm_pg_$$_$RANDOM
DBA=${ID}_a
DBB=${ID}_b
ROLE=${ID}_r
PW="pw-$RANDOM-secret"
cleanup() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DBA WITH (FORCE)" -c "DROP DATABASE IF EXISTS $DBB WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DBA" -c "CREATE DATABASE $DBB" \
  -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PW'" >/dev/null
"${PSQL[@]}" -d "$DBA" >/dev/null <<SQL
CREATE TABLE customers(id serial PRIMARY KEY, full_name text NOT NULL, email varchar(200), iban text,
  signup date, seen timestamptz, score numeric(8,2), active boolean, labels text[]);
INSERT INTO customers(full_name, email, iban, signup, seen, score, active, labels)
SELECT (ARRAY['Alice Martin','Bruno Dubois','Chloe Schmidt','David Rossi','Emma Garcia'])[1 + i % 5],
       'client' || i || '@example.com',
       (ARRAY['DE89370400440532013000','GB82WEST12345698765432','FR1420041010050500013M02606',
              'NL91ABNA0417164300','BE68539007547034'])[1 + i % 5],
       DATE '2021-01-01' + i % 300, TIMESTAMPTZ '2024-05-01 10:00:00+00', i / 7.0, i % 2 = 0, ARRAY['a','b']
FROM generate_series(1, 30000) i;
-- emails only in the second half of the table: a head read sees none
CREATE TABLE events(id bigint PRIMARY KEY, contact text);
INSERT INTO events SELECT i, CASE WHEN i > 20000 THEN 'person' || i || '@example.net' ELSE 'ref-' || i END
FROM generate_series(1, 40000) i;
ANALYZE;
-- never analyzed (reltuples -1): sampled over the whole table all the same
CREATE TABLE stale(id int, contact text) WITH (autovacuum_enabled = false);
INSERT INTO stale SELECT i, CASE WHEN i > 20000 THEN 'p' || i || '@example.net' ELSE 'ref-' || i END
FROM generate_series(1, 40000) i;
CREATE TABLE "x""; DROP TABLE customers; --"("we""ird col" text, "Émail" text);
INSERT INTO "x""; DROP TABLE customers; --" SELECT 'v' || i, 'u' || i || '@example.org' FROM generate_series(1, 40) i;
CREATE TABLE "Table With Spaces"("Mixed Case" text, "it's" int);
INSERT INTO "Table With Spaces" SELECT 'mc' || i || '@example.com', i FROM generate_series(1, 30) i;
CREATE TABLE "ünïcödé_表"("名前" text);
INSERT INTO "ünïcödé_表" SELECT 'uni' || i || '@example.com' FROM generate_series(1, 20) i;
CREATE SCHEMA "Sales";
CREATE TABLE "Sales".orders(id int PRIMARY KEY, buyer_email text);
INSERT INTO "Sales".orders SELECT i, 'buyer' || i || '@example.com' FROM generate_series(1, 25) i;
CREATE TABLE secret(id int, email text);
INSERT INTO secret SELECT i, 's' || i || '@example.com' FROM generate_series(1, 10) i;
CREATE VIEW v_contacts AS SELECT email FROM customers;
CREATE VIEW slow AS SELECT 'slow' || i || '@example.com' AS email, pg_sleep(0.05)::text AS z FROM generate_series(1, 400) i;
CREATE TABLE zz_after(email text);
INSERT INTO zz_after SELECT 'after' || i || '@example.com' FROM generate_series(1, 30) i;
COMMENT ON DATABASE $DBA IS 'Purpose of Processing=Billing; Data Subjects=Customers';
COMMENT ON TABLE customers IS 'APP_NAME=crm; Data Subjects=not this one';
COMMENT ON COLUMN customers.email IS 'Contact address';
COMMENT ON COLUMN customers.score IS 'Sensitive Data Element | [''OLD'']';
GRANT USAGE ON SCHEMA public TO $ROLE;
GRANT SELECT ON customers, events, zz_after TO $ROLE;
SQL
"${PSQL[@]}" -d "$DBB" -c "CREATE TABLE notes(body text)" -c "INSERT INTO notes VALUES ('n1@example.com')" >/dev/null

checksums() {
  "${PSQL[@]}" -d "$DBA" -At <<'SQL'
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) FROM %I.%I t',
              schemaname || '.' || tablename, '|', '', schemaname, tablename)
FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1 \gexec
SQL
}
checksums > "$WORK/before"
grep -q 'public.customers|30000|' "$WORK/before" || fail "checksums: $(cat "$WORK/before")"

# ---- scan: JSON shape, types, findings, tags, hostile names -------------------------
URL="postgres://postgres@127.0.0.1:$PORT/$DBA"
start=$(date +%s%N)
expect_status 0 "$DATAMAP" scan "$URL" --format json || true
ms=$(( ($(date +%s%N) - start) / 1000000 ))
cp "$WORK/out" "$WORK/scan.json"
python3 - "$WORK/scan.json" "$DBA" "$PORT" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1])); db, port = sys.argv[2], sys.argv[3]
errs = []
def check(cond, msg):
    if not cond: errs.append(msg)
check(doc["errors"] == [], f"errors {doc['errors']}")
a = doc["assets"][0]
check(len(doc["assets"]) == 1 and a["name"] == db and a["kind"] == "database", "one database asset")
check(a["location"] == f"postgres://127.0.0.1:{port}/{db}", f"location {a['location']}")
check(a["tags"] == {"Purpose of Processing": "Billing", "Data Subjects": "Customers", "APP_NAME": "crm"}, f"tags {a['tags']}")
tables = {t["name"]: t for t in a["tables"]}
hostile = ['public.x"; DROP TABLE customers; --', "public.Table With Spaces", "public.ünïcödé_表"]
want = sorted(["public.customers", "public.events", "public.secret", "public.stale", "public.zz_after", "Sales.orders"]
             + hostile)
check(sorted(tables) == want, f"tables {sorted(tables)} (views only on request)")
def cols(t): return {c["name"]: c for c in tables[t]["columns"]}
def ents(t, c): return [e["type"] for e in cols(t)[c]["entities"]]
c = cols("public.customers")
types = {n: c[n]["type"] for n in c}
check(types == {"id": "bigint", "full_name": "string", "email": "string", "iban": "string", "signup": "date",
                "seen": "timestamp", "score": "double", "active": "boolean", "labels": "array"}, f"types {types}")
check(c["id"]["nullable"] is False and c["email"]["nullable"] is True, "nullability from NOT NULL")
check(c["id"].get("primary_key") is True and "primary_key" not in c["email"], "primary key from the catalog")
check(ents("public.customers", "email") == ["EMAIL"], f"email {ents('public.customers', 'email')}")
check("PERSON_NAME" in ents("public.customers", "full_name"), f"full_name {ents('public.customers', 'full_name')}")
check(any(e.startswith("IBAN") for e in ents("public.customers", "iban")), f"iban {ents('public.customers', 'iban')}")
check(tables["public.customers"]["rows_sampled"] == 10000, f"sampled {tables['public.customers']['rows_sampled']}")
check(tables["public.customers"]["format"] == "postgres", "format")
e = cols("public.events")["contact"]["entities"]
check(e and e[0]["type"] == "EMAIL" and 0.25 <= e[0]["ratio"] <= 0.45,
      f"TABLESAMPLE spreads over the table (emails in the last half: ratio ~0.33 of the sample): {e}")
e = cols("public.stale")["contact"]["entities"]
check(e and e[0]["type"] == "EMAIL" and 0.25 <= e[0]["ratio"] <= 0.55, f"a never-analyzed table is sampled over its length: {e}")
check(ents('public.x"; DROP TABLE customers; --', "Émail") == ["EMAIL"], "hostile table sampled")
check(tables['public.x"; DROP TABLE customers; --']["rows_sampled"] == 40, "hostile rows")
check(ents("public.Table With Spaces", "Mixed Case") == ["EMAIL"], "spaces/mixed case")
check(ents("public.ünïcödé_表", "名前") == ["EMAIL"], "unicode")
check(ents("Sales.orders", "buyer_email") == ["EMAIL"], "mixed-case schema")
check(tables["public.customers"]["location"] == f"postgres://127.0.0.1:{port}/{db}/public.customers", "table location")
for x in errs: print("FAIL:", x, file=sys.stderr)
sys.exit(1 if errs else 0)
PY
ok "scan of 9 tables (40k+30k rows) in $ms ms"
checksums > "$WORK/after"
if cmp -s "$WORK/before" "$WORK/after"; then ok "every table unchanged after the scan"; else fail "data changed: $(diff "$WORK/before" "$WORK/after")"; fi
"${PSQL[@]}" -d "$DBA" -Atc "SELECT count(*) FROM customers" | grep -qx 30000 || fail "customers lost rows"

# ---- registered source: views, include/exclude, write-back ------------------------
CAT=$WORK/cat.db
expect_status 0 "$DATAMAP" --catalog "$CAT" source add pg "$URL" --option views=true \
  --option 'include=public.*' --option 'exclude=public.x*,public.slow,public.secret,public.stale' || true
expect_status 0 "$DATAMAP" --catalog "$CAT" run || true
expect_status 0 "$DATAMAP" --catalog "$CAT" catalog --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
names = sorted(t["name"] for a in doc["assets"] for t in a["tables"])
want = sorted(["public.customers", "public.events", "public.zz_after", "public.Table With Spaces", "public.ünïcödé_表",
               "public.v_contacts"])
assert names == want, names
print("ok: include/exclude and views=true select the tables")
PY
expect_status 0 "$DATAMAP" --catalog "$CAT" classify --write-comments --force || true
"${PSQL[@]}" -d "$DBA" -At > "$WORK/comments" <<'SQL'
SELECT a.attname || '=' || coalesce(replace(col_description(a.attrelid, a.attnum), E'\n', '\n'), '<none>')
FROM pg_attribute a WHERE a.attrelid = 'customers'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SQL
grep -qx "email=Contact address\\\\nSensitive Data Element | \['EMAIL'\]" "$WORK/comments" \
  && ok "write-back keeps the existing comment text" || fail "email comment: $(grep email "$WORK/comments")"
grep -qx "full_name=Sensitive Data Element | \['PERSON_NAME'\]" "$WORK/comments" || fail "full_name comment: $(cat "$WORK/comments")"
grep -qx "score=<none>" "$WORK/comments" && ok "a stale datamap marker is removed" || fail "score comment: $(grep score "$WORK/comments")"
grep -q "Sensitive Data Element | \['EMAIL'\]" <("${PSQL[@]}" -d "$DBA" -Atc \
  "SELECT col_description('\"Table With Spaces\"'::regclass, 1)") || fail "comment on a hostile table"
expect_status 0 "$DATAMAP" --catalog "$CAT" classify --write-comments --force || true
"${PSQL[@]}" -d "$DBA" -Atc "SELECT col_description('customers'::regclass, 3)" | grep -c "Sensitive Data" | grep -qx 1 \
  || fail "a second write-back duplicated the marker"

# ---- discovery: every database the role may connect to (narrowed to this test's) --------
expect_status 0 "$DATAMAP" --catalog "$WORK/d.db" source add all "postgres://postgres@127.0.0.1:$PORT" \
  --option "databases=${ID}_*" || true
expect_status 0 "$DATAMAP" --catalog "$WORK/d.db" discover || true
grep -q "2 seen, 2 new" "$WORK/out" && ok "discover finds both databases" || fail "discover: $(cat "$WORK/out")"
expect_status 0 "$DATAMAP" --catalog "$WORK/d.db" source add one "$URL" --option all_databases=true --option "databases=${ID}_b" || true
expect_status 0 "$DATAMAP" --catalog "$WORK/d.db" discover one || true
grep -q "1 seen, 1 new" "$WORK/out" || fail "all_databases with a database filter: $(cat "$WORK/out")"

# ---- a role without permission on one table; a wrong password; no secret anywhere ------
export PGPASSWORD=$PW
expect_status 1 "$DATAMAP" scan "postgres://$ROLE@127.0.0.1:$PORT/$DBA" --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
errs = {e["target"]: e["message"] for e in doc["errors"]}
bad = [t for t in errs if t.endswith("/public.secret")]
assert bad and "permission denied" in errs[bad[0]], errs
t = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
assert [e["type"] for c in t["public.customers"]["columns"] if c["name"] == "email" for e in c["entities"]] == ["EMAIL"]
print("ok: permission denied on one table is an error naming it; the others are classified")
PY
cat "$WORK/out" "$WORK/err" > "$WORK/all"
expect_status 0 "$DATAMAP" --catalog "$WORK/p.db" source add restricted "postgres://$ROLE@127.0.0.1:$PORT/$DBA" --option include=public.customers || true
expect_status 0 "$DATAMAP" --catalog "$WORK/p.db" run || true
cat "$WORK/out" "$WORK/err" >> "$WORK/all"
PGPASSWORD=wrong-password expect_status 1 "$DATAMAP" scan "postgres://$ROLE@127.0.0.1:$PORT/$DBA" --format json || true
grep -q "password authentication failed" "$WORK/out" && ok "wrong password: a clear error" || fail "wrong password: $(cat "$WORK/out")"
cat "$WORK/out" "$WORK/err" >> "$WORK/all"
unset PGPASSWORD
if grep -q -- "$PW" "$WORK/all" || grep -aq -- "$PW" "$WORK/p.db"; then fail "the password leaked"; else ok "the password is in no output and not in the catalog"; fi
expect_status 1 "$DATAMAP" scan "postgres://postgres@127.0.0.1:1/$DBA" || true
grep -q "cannot connect to database $DBA: .*port 1 failed" "$WORK/err" && ok "unreachable server: a clear error" \
  || fail "unreachable: $(cat "$WORK/err")"

# ---- statement timeout, and a connection killed mid-sample ------------------------------
expect_status 0 "$DATAMAP" --catalog "$WORK/k.db" source add k "$URL" --option views=true \
  --option 'include=public.slow,public.zz_after' --option statement_timeout=500 || true
expect_status 1 "$DATAMAP" --catalog "$WORK/k.db" run || true
grep -q "public.slow: .*statement timeout" "$WORK/err" && ok "statement_timeout stops a slow read" || fail "timeout: $(cat "$WORK/err")"
expect_status 0 "$DATAMAP" --catalog "$WORK/k2.db" source add k "$URL" --option views=true \
  --option 'include=public.slow,public.zz_after' || true
( sleep 2; "${PSQL[@]}" -d postgres -Atc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
   WHERE datname = '$DBA' AND application_name = 'datamap' AND query LIKE '%slow%'" > "$WORK/killed" ) &
killer=$!
expect_status 1 "$DATAMAP" --catalog "$WORK/k2.db" run || true
wait $killer
grep -qx t "$WORK/killed" || fail "the killer found no datamap backend"
grep -Eq "public.slow: .*(terminat|server closed|connection)" "$WORK/err" && ok "a connection killed mid-sample: error naming the view" \
  || fail "killed: $(cat "$WORK/err")"
expect_status 0 "$DATAMAP" --catalog "$WORK/k2.db" catalog --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
t = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
assert "public.zz_after" in t and [e["type"] for c in t["public.zz_after"]["columns"] for e in c["entities"]] == ["EMAIL"], t.keys()
print("ok: the next table is read on a new connection")
PY
checksums > "$WORK/after2"
cmp -s "$WORK/before" "$WORK/after2" || fail "data changed by the later runs: $(diff "$WORK/before" "$WORK/after2")"
finish
