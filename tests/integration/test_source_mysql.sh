#!/usr/bin/env bash
# MySQL/MariaDB source against the real server of scripts/services/mariadb.sh
# (127.0.0.1:23306): scan in the JSON shape with declared types, schema and
# table comments as tags, hostile identifiers crawled and sampled with every
# table unchanged, a random sample over the whole table, views and
# include/exclude, discovery, the password from MYSQL_PWD or an option file
# (never shown), a wrong password, an unreachable server, a table the user
# may not read, a statement time limit and a connection killed mid-sample.
# Databases and users have unique names: parallel runs are fine.
. "$(dirname "$0")/lib.sh"
PORT=23306
MY=(mariadb --no-defaults -h 127.0.0.1 -P $PORT -uroot)
if ! "${MY[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
  echo "FAIL: MariaDB is not reachable on 127.0.0.1:$PORT; start it with scripts/test-services start mariadb" >&2
  exit 1
fi
ID=dm_my_$$_$RANDOM
DBA=${ID}_a
DBB=${ID}_b
USR=${ID}_u
PW="pw-$RANDOM-secret"
cleanup() {
  "${MY[@]}" -e "DROP DATABASE IF EXISTS $DBA; DROP DATABASE IF EXISTS $DBB; DROP USER IF EXISTS '$USR'@'127.0.0.1'" \
    >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${MY[@]}" >/dev/null <<SQL
CREATE DATABASE $DBA COMMENT 'Purpose of Processing=Billing; Data Subjects=Customers';
CREATE DATABASE $DBB;
CREATE USER '$USR'@'127.0.0.1' IDENTIFIED BY '$PW';
USE $DBA;
CREATE TABLE customers(id INT AUTO_INCREMENT PRIMARY KEY, full_name VARCHAR(100) NOT NULL, email VARCHAR(200),
  iban VARCHAR(40), signup DATE, seen DATETIME, score DECIMAL(8,2), active TINYINT(1), big BIGINT UNSIGNED)
  COMMENT 'APP_NAME=crm; Data Subjects=not this one';
INSERT INTO customers(full_name, email, iban, signup, seen, score, active, big)
SELECT ELT(1 + seq % 5, 'Alice Martin', 'Bruno Dubois', 'Chloe Schmidt', 'David Rossi', 'Emma Garcia'),
       CONCAT('client', seq, '@example.com'),
       ELT(1 + seq % 5, 'DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606',
           'NL91ABNA0417164300', 'BE68539007547034'),
       DATE '2021-01-01' + INTERVAL (seq % 300) DAY, TIMESTAMP '2024-05-01 10:00:00', seq / 7, seq % 2, seq
FROM seq_1_to_30000;
-- emails only in the second half: a head read sees none
CREATE TABLE events(id BIGINT PRIMARY KEY, contact TEXT);
INSERT INTO events SELECT seq, IF(seq > 20000, CONCAT('person', seq, '@example.net'), CONCAT('ref-', seq)) FROM seq_1_to_40000;
ANALYZE TABLE customers, events;
CREATE TABLE \`x\`\`; DROP TABLE customers; --\`(\`we"ird col\` TEXT, \`Émail\` TEXT);
INSERT INTO \`x\`\`; DROP TABLE customers; --\` SELECT CONCAT('v', seq), CONCAT('u', seq, '@example.org') FROM seq_1_to_40;
CREATE TABLE \`Table With Spaces\`(\`Mixed Case\` TEXT, \`it's "q"\` INT);
INSERT INTO \`Table With Spaces\` SELECT CONCAT('mc', seq, '@example.com'), seq FROM seq_1_to_30;
CREATE TABLE \`ünïcödé_表\`(\`名前\` TEXT);
INSERT INTO \`ünïcödé_表\` SELECT CONCAT('uni', seq, '@example.com') FROM seq_1_to_20;
CREATE TABLE secret(id INT, email TEXT);
INSERT INTO secret SELECT seq, CONCAT('s', seq, '@example.com') FROM seq_1_to_10;
CREATE SQL SECURITY INVOKER VIEW v_denied AS SELECT email FROM secret;
CREATE VIEW v_contacts AS SELECT email FROM customers;
CREATE VIEW slow AS SELECT CONCAT('slow', seq, '@example.com') AS email, SLEEP(0.05) AS z FROM seq_1_to_400;
CREATE TABLE zz_after(email TEXT);
INSERT INTO zz_after SELECT CONCAT('after', seq, '@example.com') FROM seq_1_to_30;
GRANT SELECT ON $DBA.customers TO '$USR'@'127.0.0.1';
GRANT SELECT ON $DBA.zz_after TO '$USR'@'127.0.0.1';
GRANT SELECT ON $DBA.v_denied TO '$USR'@'127.0.0.1';
USE $DBB;
CREATE TABLE notes(body TEXT);
INSERT INTO notes VALUES ('n1@example.com');
SQL

checksums() {
  "${MY[@]}" -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DBA' AND table_type = 'BASE TABLE' ORDER BY 1" |
  while IFS= read -r t; do
    q=${t//\`/\`\`}
    "${MY[@]}" -N -e "SELECT COUNT(*) FROM \`$DBA\`.\`$q\`; CHECKSUM TABLE \`$DBA\`.\`$q\` EXTENDED" | tr '\n' ' '
    echo
  done
}
checksums > "$WORK/before"
grep -q "^30000 $DBA.customers" "$WORK/before" || fail "checksums: $(cat "$WORK/before")"

# ---- scan -------------------------------------------------------------------------------
URL="mysql://root@127.0.0.1:$PORT/$DBA"
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
check(a["location"] == f"mysql://127.0.0.1:{port}/{db}", f"location {a['location']}")
check(a["tags"] == {"Purpose of Processing": "Billing", "Data Subjects": "Customers", "APP_NAME": "crm"}, f"tags {a['tags']}")
tables = {t["name"]: t for t in a["tables"]}
hostile = ['x`; DROP TABLE customers; --', "Table With Spaces", "ünïcödé_表"]
check(sorted(tables) == sorted(["customers", "events", "secret", "zz_after"] + hostile), f"tables {sorted(tables)}")
def cols(t): return {c["name"]: c for c in tables[t]["columns"]}
def ents(t, c): return [e["type"] for e in cols(t)[c]["entities"]]
c = cols("customers")
types = {n: c[n]["type"] for n in c}
check(types == {"id": "bigint", "full_name": "string", "email": "string", "iban": "string", "signup": "date",
                "seen": "timestamp", "score": "double", "active": "boolean", "big": "bigint"}, f"types {types}")
check(c["id"]["nullable"] is False and c["email"]["nullable"] is True, "nullability")
check(c["id"].get("primary_key") is True and "primary_key" not in c["email"], "primary key")
check(ents("customers", "email") == ["EMAIL"], "email")
check("PERSON_NAME" in ents("customers", "full_name"), f"full_name {ents('customers', 'full_name')}")
check(any(e.startswith("IBAN") for e in ents("customers", "iban")), f"iban {ents('customers', 'iban')}")
check(tables["customers"]["rows_sampled"] == 10000 and tables["customers"]["format"] == "mysql", "customers rows")
e = cols("events")["contact"]["entities"]
check(e and e[0]["type"] == "EMAIL" and 0.35 <= e[0]["ratio"] <= 0.65, f"random sample over the table: {e}")
check(ents(hostile[0], "Émail") == ["EMAIL"] and tables[hostile[0]]["rows_sampled"] == 40, "hostile table")
check(ents("Table With Spaces", "Mixed Case") == ["EMAIL"], "spaces")
check(sorted(cols("Table With Spaces")) == sorted(["Mixed Case", "it's \"q\""]), "quoted column names")
check(ents("ünïcödé_表", "名前") == ["EMAIL"], "unicode")
for x in errs: print("FAIL:", x, file=sys.stderr)
sys.exit(1 if errs else 0)
PY
ok "scan of 7 tables (40k+30k rows) in $ms ms"
checksums > "$WORK/after"
if cmp -s "$WORK/before" "$WORK/after"; then ok "every table unchanged after the scan"; else fail "data changed: $(diff "$WORK/before" "$WORK/after")"; fi

# ---- registered source: views, include/exclude -------------------------------------------
CAT=$WORK/cat.db
expect_status 0 "$DATAMAP" --catalog "$CAT" source add my "$URL" --option views=true \
  --option "include=$DBA.*" --option "exclude=$DBA.x*,$DBA.slow,$DBA.secret,$DBA.v_denied" || true
expect_status 0 "$DATAMAP" --catalog "$CAT" run || true
expect_status 0 "$DATAMAP" --catalog "$CAT" catalog --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
names = sorted(t["name"] for a in doc["assets"] for t in a["tables"])
want = sorted(["customers", "events", "zz_after", "Table With Spaces", "ünïcödé_表", "v_contacts"])
assert names == want, names
print("ok: include/exclude and views=true select the tables")
PY

# ---- discovery ---------------------------------------------------------------------------
expect_status 0 "$DATAMAP" --catalog "$WORK/d.db" source add all "mysql://root@127.0.0.1:$PORT" --option "databases=${ID}_*" || true
expect_status 0 "$DATAMAP" --catalog "$WORK/d.db" discover || true
grep -q "2 seen, 2 new" "$WORK/out" && ok "discover finds both databases" || fail "discover: $(cat "$WORK/out")"

# ---- credentials, permissions, errors ------------------------------------------------------
UURL="mysql://$USR@127.0.0.1:$PORT/$DBA"
expect_status 0 "$DATAMAP" --catalog "$WORK/u.db" source add u "$UURL" --option views=true || true
MYSQL_PWD=$PW expect_status 1 "$DATAMAP" --catalog "$WORK/u.db" run u || true
cat "$WORK/out" "$WORK/err" > "$WORK/all"
grep -q "v_denied: .*lack rights" "$WORK/err" && ok "a view the user may not read: an error naming it" || fail "denied: $(cat "$WORK/err")"
expect_status 0 "$DATAMAP" --catalog "$WORK/u.db" catalog --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
t = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
assert sorted(t) == ["customers", "v_denied", "zz_after"] or sorted(t) == ["customers", "zz_after"], sorted(t)
assert [e["type"] for c in t["customers"]["columns"] if c["name"] == "email" for e in c["entities"]] == ["EMAIL"]
print("ok: the user's readable tables are classified (MYSQL_PWD)")
PY
printf '[client]\npassword=%s\n' "$PW" > "$WORK/my.cnf"
chmod 600 "$WORK/my.cnf"
expect_status 0 "$DATAMAP" --catalog "$WORK/o.db" source add o "$UURL" --option "option_file=$WORK/my.cnf" --option include="$DBA.customers" || true
expect_status 0 "$DATAMAP" --catalog "$WORK/o.db" run || true
grep -q "1 crawled, 1 classified" "$WORK/out" && ok "password from an option file" || fail "option file: $(cat "$WORK/out" "$WORK/err")"
cat "$WORK/out" "$WORK/err" >> "$WORK/all"
MYSQL_PWD=wrong-password expect_status 1 "$DATAMAP" scan "$UURL" --format json || true
grep -q "Access denied for user" "$WORK/out" && ok "wrong password: a clear error" || fail "wrong password: $(cat "$WORK/out")"
cat "$WORK/out" "$WORK/err" >> "$WORK/all"
if grep -q -- "$PW" "$WORK/all" "$WORK/u.db" "$WORK/o.db"; then fail "the password leaked"; else ok "the password is in no output and no catalog"; fi
expect_status 1 "$DATAMAP" scan "mysql://root@127.0.0.1:1/$DBA" || true
grep -q "cannot connect to 127.0.0.1:1" "$WORK/err" && ok "unreachable server: a clear error" || fail "unreachable: $(cat "$WORK/err")"

# URL parameters: socket=, ssl-mode= (TLS asked for and absent: refused, never clear text), unknown ones
SOCK=$("${MY[@]}" -N -e 'SELECT @@socket')
expect_status 0 "$DATAMAP" scan "mysql://root@localhost/$DBA?socket=$SOCK" --format json || true
grep -q '"name": "customers"' "$WORK/out" && ok "socket= parameter" || fail "socket: $(cat "$WORK/err")"
expect_status 1 "$DATAMAP" scan "$URL?ssl-mode=REQUIRED" || true
grep -q "ssl-mode asks for TLS and the connection is not encrypted" "$WORK/err" && ok "ssl-mode=REQUIRED without TLS is refused" \
  || fail "ssl-mode: $(cat "$WORK/err")"
expect_status 1 "$DATAMAP" scan "$URL?sslmode=require" || true
grep -q "unknown parameter 'sslmode'" "$WORK/err" || fail "unknown parameter: $(cat "$WORK/err")"

# ---- statement time limit; a connection killed mid-sample -----------------------------------
expect_status 0 "$DATAMAP" --catalog "$WORK/k.db" source add k "$URL" --option views=true \
  --option "include=$DBA.slow,$DBA.zz_after" --option statement_timeout=500 || true
expect_status 1 "$DATAMAP" --catalog "$WORK/k.db" run || true
grep -q "slow: .*max_statement_time" "$WORK/err" && ok "statement time limit stops a slow read" || fail "timeout: $(cat "$WORK/err")"
expect_status 0 "$DATAMAP" --catalog "$WORK/k2.db" source add k "$URL" --option views=true \
  --option "include=$DBA.slow,$DBA.zz_after" || true
( sleep 2; "${MY[@]}" -N -e "SELECT id FROM information_schema.processlist WHERE info LIKE '%$DBA%slow%' AND info NOT LIKE '%processlist%'" |
  while read -r id; do "${MY[@]}" -e "KILL $id" && echo killed; done > "$WORK/killed" ) &
killer=$!
expect_status 1 "$DATAMAP" --catalog "$WORK/k2.db" run || true
wait $killer
grep -q killed "$WORK/killed" || fail "the killer found no datamap connection"
grep -Eq "slow: .*(Lost connection|server has gone away|killed|interrupted)" "$WORK/err" \
  && ok "a connection killed mid-sample: error naming the view" || fail "killed: $(cat "$WORK/err")"
expect_status 0 "$DATAMAP" --catalog "$WORK/k2.db" catalog --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
t = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
assert "zz_after" in t and [e["type"] for c in t["zz_after"]["columns"] for e in c["entities"]] == ["EMAIL"], t.keys()
print("ok: the next table is read on a new connection")
PY
checksums > "$WORK/after2"
cmp -s "$WORK/before" "$WORK/after2" || fail "data changed by the later runs: $(diff "$WORK/before" "$WORK/after2")"
finish
