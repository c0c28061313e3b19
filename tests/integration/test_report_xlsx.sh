#!/usr/bin/env bash
# `report -o ropa.xlsx` (issue 15 item 14): an Excel workbook, one sheet per
# section, the processing activities sheet with the UK ICO template's
# columns. Read back with Python's zipfile + XML (no spreadsheet library):
# sheet names, headers, one activity row (purpose, data subjects, category,
# lawful basis from the sidecar; the special category condition), the
# personal-data sheet with masked evidence only, gaps; -o REPORT.XLSX in
# upper case, --format xlsx to stdout (a file, not a terminal), and
# GET /api/v1/report?format=xlsx.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"

D=$WORK/data
mkdir -p "$D/crm" "$D/misc"
{
  echo 'email,full_name,diagnosis,note'
  echo 'alice.martin@example.com,Alice Martin,type 2 diabetes,=HYPERLINK("http://x")'
  echo 'bob.jones@example.org,Bob Jones,asthma,ok'
  echo 'carol.white@example.net,Carol White,hypertension,ok'
  echo 'dave.smith@example.com,Dave Smith,migraine,ok'
} >"$D/crm/people.csv"
cat >"$D/crm/.datamap-tags.yaml" <<'EOF'
Processing Activity: Customer billing
Purpose of Processing: Invoicing customers
Data Subjects: Customers
Legal Basis: Contract
Retention: 7 years
EOF
printf 'id,size\n1,10\n2,20\n' >"$D/misc/sizes.csv"
cat >"$WORK/datamap.yaml" <<'EOF'
controller:
  name: Example Ltd
  dpo: dpo@example.com
EOF
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$D" >/dev/null
expect_status 0 "$DATAMAP" --catalog "$CAT" --config "$WORK/datamap.yaml" run || { finish; }

cat >"$WORK/read.py" <<'EOF'
# Print a workbook as lines: "SHEET<TAB>row<TAB>cell|cell|..." (1-based rows).
import re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
shared = []
if 'xl/sharedStrings.xml' in names:
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
def col_index(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
for s in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', NS):
    name = s.get('name')
    print('SHEET\t' + name)
    target = rels[s.get('{%s}id' % NS['r'])]
    root = ET.fromstring(z.read('xl/' + target.lstrip('/').replace('xl/', '')))
    for row in root.iter('{%s}row' % NS['m']):
        cells = {}
        for c in row.findall('m:c', NS):
            if c.find('m:f', NS) is not None:
                v = 'FORMULA'
            elif c.get('t') == 's':
                v = shared[int(c.find('m:v', NS).text)]
            elif c.get('t') == 'inlineStr':
                v = ''.join(t.text or '' for t in c.iter('{%s}t' % NS['m']))
            else:
                e = c.find('m:v', NS)
                v = e.text if e is not None else ''
            cells[col_index(c.get('r'))] = v
        width = max(cells) + 1 if cells else 0
        print('%s\t%s\t%s' % (name, row.get('r'), '|'.join(cells.get(i, '') for i in range(width))))
EOF

expect_status 0 "$DATAMAP" --catalog "$CAT" --config "$WORK/datamap.yaml" report -o "$WORK/ropa.xlsx" || true
[ "$(head -c 2 "$WORK/ropa.xlsx")" = PK ] && ok "-o ropa.xlsx: a zip (xlsx) file" \
  || { fail "-o ropa.xlsx is not a zip: $(head -c 40 "$WORK/ropa.xlsx" | od -c | head -2)"; finish; }
python3 "$WORK/read.py" "$WORK/ropa.xlsx" >"$WORK/book.txt" || { fail "workbook unreadable"; finish; }

sheets=$(grep '^SHEET' "$WORK/book.txt" | cut -f2 | paste -sd,)
[ "$sheets" = "Controller,Processing activities,Special category data,Personal data,Stores,Gaps,Dismissed findings" ] \
  && ok "one sheet per section: $sheets" || fail "sheets: $sheets"

hdr=$(grep -P '^Processing activities\t1\t' "$WORK/book.txt" | cut -f3)
for col in "Business function" "Purpose of processing" "Name and contact details of joint controller" \
  "Categories of individuals" "Categories of personal data" "Categories of recipients" \
  "Link to contract with processor" \
  "Names of third countries or international organisations that personal data are transferred to" \
  "Safeguards for exceptional transfers of personal data to third countries or international organisations" \
  "Retention schedule" "General description of technical and organisational security measures" \
  "Article 6 lawful basis for processing personal data" "Article 9 basis for processing special category data" \
  "Rights available to individuals" "Source of personal data"; do
  case "|$hdr|" in *"|$col|"*) ;; *) fail "processing activities header lacks '$col'";; esac
done
[ "$(echo "$hdr" | cut -d'|' -f1-2)" = "Business function|Purpose of processing" ] \
  && ok "processing activities: the ICO template's columns, in its order" || fail "header starts: $(echo "$hdr" | cut -d'|' -f1-3)"

# the row of Customer billing x the health category and the contact one
python3 - "$WORK/book.txt" >"$WORK/rows.txt" <<'EOF'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.startswith('Processing activities\t')]
head = rows[0][2].split('|')
for r in rows[1:]:
    cells = r[2].split('|')
    d = {h: (cells[i] if i < len(cells) else '') for i, h in enumerate(head)}
    print('\t'.join([d['Processing activity'], d['Categories of personal data'], d['Purpose of processing'],
                     d['Categories of individuals'], d['Article 6 lawful basis for processing personal data'],
                     d['Retention schedule'], d['Special category data'], d['Role (controller or processor)'],
                     d['Source of personal data']]))
EOF
if grep -P '^Customer billing\t[^\t]*[Ee]mail[^\t]*\tInvoicing customers\tCustomers\tContract\t7 years\tno\tController\tlocal/crm ' \
    "$WORK/rows.txt" >/dev/null; then
  ok "activity row: Customer billing x email: purpose, individuals, lawful basis, retention, role, source"
else
  fail "no Customer billing email row: $(head -c 900 "$WORK/rows.txt")"
fi
grep -P '^Customer billing\t[^\t]*\t.*\tyes\t' "$WORK/rows.txt" >/dev/null \
  && ok "activity rows: a special category (health) row" || fail "no special category row: $(cut -f1,2,7 "$WORK/rows.txt")"
grep -P '^Special category data\t2\tCustomer billing\|' "$WORK/book.txt" | grep -q 'not recorded' \
  && ok "special category sheet: health, Art. 9 condition not recorded" \
  || fail "special category sheet: $(grep -P '^Special category data\t' "$WORK/book.txt" | head -3)"
grep -P '^Controller\t2\t' "$WORK/book.txt" | grep -q 'Example Ltd' && ok "controller sheet: the config's name" \
  || fail "controller sheet: $(grep -P '^Controller\t' "$WORK/book.txt" | head -3)"
grep -P '^Personal data\t\d+\tlocal/crm\|people\|email\|EMAIL\|' "$WORK/book.txt" >/dev/null \
  && ok "personal data sheet: crm people.email EMAIL" || fail "personal data sheet: $(grep -P '^Personal data\t' "$WORK/book.txt" | head -3)"
if grep -P '^Personal data\t' "$WORK/book.txt" | grep -qE 'alice\.martin@|bob\.jones@|Alice Martin'; then
  fail "a raw personal value in the workbook"
else ok "personal data sheet: masked evidence only"; fi
grep -q 'FORMULA' "$WORK/book.txt" && fail "a cell was written as a formula" || ok "no formula cells"
grep -P '^Stores\t\d+\tlocal/misc\|' "$WORK/book.txt" >/dev/null && ok "stores sheet: local/misc listed" \
  || fail "stores sheet: $(grep -P '^Stores\t' "$WORK/book.txt")"
grep -P '^Gaps\t\d+\tno_special_basis\|local/crm' "$WORK/book.txt" >/dev/null && ok "gaps sheet: no_special_basis for crm" \
  || fail "gaps sheet: $(grep -P '^Gaps\t' "$WORK/book.txt" | head -5)"

# the extension in any case; --format xlsx to a pipe; never to a terminal
expect_status 0 "$DATAMAP" --catalog "$CAT" report -o "$WORK/ROPA.XLSX" && [ "$(head -c 2 "$WORK/ROPA.XLSX")" = PK ] \
  && ok "-o ROPA.XLSX: xlsx too"
"$DATAMAP" --catalog "$CAT" report --format xlsx >"$WORK/stdout.xlsx" 2>/dev/null
python3 "$WORK/read.py" "$WORK/stdout.xlsx" >"$WORK/stdout.txt" 2>&1 || true
grep -q '^SHEET	Gaps' "$WORK/stdout.txt" && ok "--format xlsx to stdout (a file)" \
  || fail "--format xlsx to stdout"
if command -v script >/dev/null; then
  script -qec "$DATAMAP --catalog $CAT report --format xlsx; echo rc=\$?" /dev/null >"$WORK/tty.txt" 2>&1 || true
  grep -q 'rc=2' "$WORK/tty.txt" && grep -q -- '-o FILE.xlsx' "$WORK/tty.txt" \
    && ok "--format xlsx to a terminal: usage error, no binary on the screen" || fail "xlsx to a terminal: $(head -c 300 "$WORK/tty.txt")"
fi

# ---- the API ---------------------------------------------------------------------------------
cp "$WORK/datamap.yaml" "$WORK/datamap.yaml.keep"
{ cat "$WORK/datamap.yaml.keep"; printf 'schedule:\n  discover: "off"\n  crawl: "off"\n  classify: "off"\n  tags: "off"\n'; } \
  >"$WORK/datamap.yaml"
start_serve "$CAT"
ctype=$(curl -s -o "$WORK/api.xlsx" -w '%{content_type}' "$URL/api/v1/report?format=xlsx")
[ "$ctype" = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ] && ok "API: xlsx content type" \
  || fail "API content type: $ctype"
python3 "$WORK/read.py" "$WORK/api.xlsx" >"$WORK/api.txt" 2>&1 || true
grep -qP '^Processing activities\t2\t' "$WORK/api.txt" && ok "API: the workbook reads back" \
  || fail "API workbook unreadable"
stop_serve
finish
