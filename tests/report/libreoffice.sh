#!/bin/sh
# The French CSV (--sep ';') as a French LibreOffice reads it: headless
# LibreOffice Calc imports it with the fr-FR locale (the import a user gets
# by opening the file) and saves it as flat ODS, whose cells we read back.
# The sessions without a label are an empty cell (written "'-" they showed
# as « '- »), the decimal commas are numbers, the 31-character ids whole.
. tests/lib.sh
R=$REPORT
T=$TMP

if ! command -v soffice >/dev/null; then
	fail "libreoffice" "not installed (Debian package libreoffice-calc-nogui)"
	exit 0
fi
"$GEN" -o "$T/f.db" 2>/dev/null <<'SPEC'
n=10 day=2024-05-02 kiosk=site-schiltigheim-centre-est-01 stage=result end=finished score=46 ans=q-public:share:1:0
n=10 day=2024-05-02 kiosk=site-schiltigheim-centre-est-01 label=accueil-du-12-mars-2024-ville-a stage=result end=finished score=48 ans=q-public:share:0:1
SPEC
"$R" "$T/f.db" --format csv --sep ';' -o "$T/r.csv"
# Import options (LibreOffice's CSV filter tokens): ';', '"', UTF-8, from
# line 1, default column types, language 1036 (fr-FR), quoted fields not
# forced to text, special numbers detected.
HOME=$T/home timeout 180 soffice --headless --norestore \
	--infilter='CSV:59,34,76,1,,1036,false,true' --convert-to fods --outdir "$T" "$T/r.csv" \
	>"$T/lo.log" 2>&1
if [ ! -s "$T/r.fods" ]; then
	fail "LibreOffice opens the CSV" "$(tail -3 "$T/lo.log")"
	exit 0
fi
pass "LibreOffice opens the CSV"
if python3 - "$T/r.fods" >"$T/cells.out" 2>&1 <<'PY'
import sys
import xml.etree.ElementTree as ET
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
X = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
rows = []
for row in ET.parse(sys.argv[1]).iter(f"{{{T}}}table-row"):
    cells = []
    for c in row.findall(f"{{{T}}}table-cell"):
        n = min(int(c.get(f"{{{T}}}number-columns-repeated", "1")), 20)
        text = "".join(p.text or "" for p in c.iter(f"{{{X}}}p"))
        cells += [(text, c.get(f"{{{O}}}value-type"), c.get(f"{{{O}}}value"))] * n
    rows.append(cells)
labels = [r for r in rows if r and r[0][0] == "label"]
keys = sorted(r[1][0] for r in labels)
assert keys == ["", "accueil-du-12-mars-2024-ville-a"], f"label keys as shown: {keys}"
empty = [r for r in labels if r[1][0] == ""][0]
assert empty[1][1] is None, f"the no-label cell holds {empty[1]}"
total = [r for r in rows if r and r[0][0] == "total"][0]
# sessions, completion %, quiz taken, pass %, average, minutes: numbers.
for cell in total[2:8]:
    assert cell[1] == "float", f"not a number: {cell} in {total}"
assert "." in total[6][2] or total[6][2].isdigit(), total[6]
kiosk = [r for r in rows if r and r[0][0] == "kiosk"][0]
assert kiosk[1][0] == "site-schiltigheim-centre-est-01", kiosk[1]
print(f"label cells {keys}, total {[c[2] for c in total[2:8]]}")
PY
then pass "LibreOffice fr-FR: no label an empty cell, commas read as numbers ($(cat "$T/cells.out"))"
else fail "LibreOffice fr-FR: no label an empty cell, commas read as numbers" "$(cat "$T/cells.out")"; fi
