#!/usr/bin/env bash
# Text encodings (issue 11 item 9): a Windows-1252, an ISO-8859-15 and a
# UTF-16 CSV with accented names are read whole (every row, no error),
# names and e-mails are found, and each table says which encoding was read;
# --encoding forces one and an unknown name is a usage error listing them.
. "$(dirname "$0")/lib.sh"
D=$WORK/data/enc
mkdir -p "$D"
python3 - "$D" <<'PY'
import sys
d = sys.argv[1]
given = ["Jürgen", "Françoise", "José", "Zoë", "Åsa", "Björn", "Renée", "Sören"]
family = ["Müller", "Lefèvre", "Muñoz", "Weiß", "Öberg", "Šimková", "Œhlenschläger", "Nuñez"]
def rows(sep, extra):
    out = [sep.join(["id", "prénom", "nom", "e-mail", extra[0]])]
    for i in range(300):
        out.append(sep.join([str(i + 1), given[i % 8], family[i % 8], "k%d.x@example.org" % i, extra[1](i)]))
    return "\n".join(out) + "\n"
# Windows-1252: typographic quotes (0x93 0x94) and Š (0x8a) only 1252 has
open(d + "/kunden_cp1252.csv", "wb").write(rows(";", ("bemerkung", lambda i: "“ok”")).encode("cp1252"))
# ISO-8859-15: prices in euros (0xA4) and œ
open(d + "/clients_latin9.csv", "wb").write(rows(";", ("montant", lambda i: "%d,50 €" % i)).encode("iso8859_15"))
# UTF-16 with a BOM, and a character outside the BMP (a surrogate pair)
open(d + "/clientes_utf16.csv", "wb").write(rows(",", ("nota", lambda i: "ok 😀")).encode("utf-16"))
PY
expect_status 0 "$DATAMAP" scan "$D" --format json && python3 - "$WORK/out" <<'PY' && ok "three encodings read whole and told" || fail "encodings: $(head -c 600 "$WORK/err")"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["errors"] == [], doc["errors"]
tables = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
want = {"kunden_cp1252": "windows-1252", "clients_latin9": "iso-8859-15", "clientes_utf16": "utf-16le"}
for name, enc in want.items():
    t = tables[name]
    assert t["encoding"] == enc, (name, t.get("encoding"))
    assert t["rows_sampled"] == 300, (name, t["rows_sampled"])
    cols = {c["name"]: [e["type"] for e in c["entities"]] for c in t["columns"]}
    assert "prénom" in cols and "nom" in cols, (name, list(cols))   # headers decoded
    assert "EMAIL" in cols["e-mail"], (name, cols)
    assert "PERSON_NAME" in cols["nom"], (name, cols)
print("ok", {n: tables[n]["encoding"] for n in want})
PY
# forced: the cp1252 file read as UTF-16 would be nonsense; read as 1252 it is the same
expect_status 0 "$DATAMAP" scan "$D/kunden_cp1252.csv" --encoding cp1252 --format json &&
  grep -q '"encoding": *"windows-1252"' "$WORK/out" && ok "--encoding cp1252" || fail "--encoding cp1252"
expect_status 0 "$DATAMAP" scan "$D/clients_latin9.csv" --option encoding=latin1 --format json &&
  grep -q '"encoding": *"iso-8859-1"' "$WORK/out" && ok "option encoding=latin1" || fail "option encoding=latin1"
expect_status 2 "$DATAMAP" scan "$D" --encoding ebcdic &&
  grep -q "ebcdic" "$WORK/err" && grep -q "windows-1252" "$WORK/err" && ok "unknown --encoding is a usage error" ||
  fail "unknown --encoding: $(cat "$WORK/err")"
finish
