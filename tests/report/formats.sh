#!/bin/sh
# What every format writes the same way: ids of up to 31 characters, the
# sessions without a welcome-day label, French numbers in the French
# reports (text, HTML), one decimal everywhere, the module's order for
# chapters, questions and objectives, and one flag per item finding.
. tests/lib.sh
R=$REPORT
T=$TMP

# Two kiosks (one file each) and two labels that share their first 15
# characters (the store keeps 31), 10 of the 30 sessions with no label.
# The figures are published with noise (statistics v2): the checks below
# compare formats with one another, not with exact values.
"$GEN" -o "$T/f1.db" 2>/dev/null <<'SPEC'
n=10 day=2024-05-02 kiosk=site-schiltigheim-centre-est-01 label=accueil-du-12-mars-2024-ville-a stage=result end=finished score=40 ans=q-public:share:0:1
SPEC
"$GEN" -o "$T/f2.db" 2>/dev/null <<'SPEC'
n=10 day=2024-05-02 kiosk=site-schiltigheim-nord stage=result end=finished score=46 ans=q-public:share:1:0
n=10 day=2024-05-02 kiosk=site-schiltigheim-nord label=accueil-du-12-mars-2024-ville-b stage=result end=finished score=48 ans=q-public:share:0:1
SPEC
LONG=site-schiltigheim-centre-est-01
[ ${#LONG} -eq 31 ] || fail "fixture" "$LONG is not 31 characters"

"$R" "$T/f1.db" "$T/f2.db" -o "$T/f.txt"
"$R" "$T/f1.db" "$T/f2.db" --format csv -o "$T/f.csv"
"$R" "$T/f1.db" "$T/f2.db" --format csv --sep ';' -o "$T/fr.csv"
"$R" "$T/f1.db" "$T/f2.db" --format json -o "$T/f.json"
"$R" "$T/f1.db" "$T/f2.db" --format html -o "$T/f.html"
for f in f.txt f.csv f.json f.html; do
	has "31-character kiosk id whole ($f)" "$T/$f" "$LONG"
	has "second kiosk whole ($f)" "$T/$f" "site-schiltigheim-nord"
done
for f in f.txt f.csv f.html; do
	has "31-character label whole ($f)" "$T/$f" "accueil-du-12-mars-2024-ville-a"
done

# Text columns line up, whatever the length of the ids: in each table the
# figures end where their header ends (widths in characters, not bytes).
if python3 - "$T/f.txt" >"$T/align.out" 2>&1 <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = []
for title in ("PAR BORNE", "PAR JOURNÉE", "PAR JOUR", "QUESTIONS DU QUIZ", "CHAPITRES", "OBJECTIFS"):
    i = next(i for i, l in enumerate(lines) if l.startswith(title))
    head = lines[i + 1]
    col = next(w for w in ("Sessions", "Réponses", "Ouvert par", "Questions") if w in head)
    end = head.index(col) + len(col)  # characters: Python strings are code points
    for r in lines[i + 2:]:
        if not r.strip():
            break
        if r.startswith("      "):  # a question's text under its row
            continue
        # The first count, right-aligned: its last digit under the header's end.
        if not ((r[end - 1:end].isdigit() or r[:end].endswith("masqué")) and r[end:end + 1] == " "):
            bad.append(f"{title}: {r!r} (column ends at {end})")
if bad:
    print("\n".join(bad))
    sys.exit(1)
PY
then pass "text: columns aligned under their headers"; else fail "text: columns aligned under their headers" "$(cat "$T/align.out")"; fi

# No label: an empty cell in CSV, null in JSON, « (sans étiquette) » for
# people; never the stored "-" (written "'-" it shows as such in a
# spreadsheet).
if python3 - "$T/fr.csv" >"$T/csv.out" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
labels = [r for r in rows if r and r[0] == "label"]
keys = sorted(r[1] for r in labels)
assert keys == ["", "accueil-du-12-mars-2024-ville-a", "accueil-du-12-mars-2024-ville-b"], keys
assert not any("'-" in c or c == "-" for r in rows for c in r), [r for r in rows if "'-" in ";".join(r)]
PY
then pass "csv: no label is an empty cell"; else fail "csv: no label is an empty cell" "$(cat "$T/csv.out")"; fi
if grep -q "'-" "$T/f.csv" "$T/fr.csv"; then fail "csv: no '- anywhere" "$(grep -n "'-" "$T/f.csv")"; else pass "csv: no '- anywhere"; fi
line_has "text: no label named" "$T/f.txt" "(sans étiquette)" "≈ "
has "html: no label named" "$T/f.html" "<td><i>(sans étiquette)</i></td>"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(l["key"] or "" for l in d["labels"]) == ["", "accueil-du-12-mars-2024-ville-a", "accueil-du-12-mars-2024-ville-b"], d["labels"]
' "$T/f.json" 2>"$T/json.err"; then pass "json: no label is null"; else fail "json: no label is null" "$(cat "$T/json.err")"; fi

# French numbers in the French reports: decimal commas, one decimal as in
# CSV and JSON (an average of 44.75 is 44,8 in text, not 45): the text and
# HTML print the CSV's published average, with a comma.
avg=$(awk -F, '$1 == "total" {print $7}' "$T/f.csv")
favg=$(echo "$avg" | tr . ,)
case "$avg" in [0-9]*.[0-9]) pass "csv: the average with one decimal ($avg)" ;; *) fail "csv: the average with one decimal" "'$avg'" ;; esac
has "text: the same average, a comma" "$T/f.txt" "Score moyen au quiz ............. ≈ $favg / 100"
line_has "csv ';': a decimal comma" "$T/fr.csv" "total;total" ";$favg;"
has "html: the same average, a comma" "$T/f.html" "<b>≈ $favg / 100</b>"
right=$(awk -F, '$2 == "q-public" {print $5}' "$T/f.csv" | tr . ,)
line_has "text: percentages with a comma" "$T/f.txt" "  q-public " "≈ $right %"
has "html: table cells with commas" "$T/f.html" "<td>≈ $right %</td>"
if grep -qE "Temps total passé \.+ ≈ [0-9]+,[0-9] h" "$T/f.txt"; then pass "text: hours with a comma"; else fail "text: hours with a comma" "$(grep 'Temps total' "$T/f.txt")"; fi
if grep -nE '[0-9]\.[0-9]+ (%|h|/ 100)' "$T/f.txt" >"$T/dots"; then fail "text: no decimal point" "$(head -3 "$T/dots")"; else pass "text: no decimal point"; fi
# In HTML, outside the SVG coordinates and the style sheet.
sed -e 's/<svg[^>]*>//g; s/<rect[^>]*>//g; s/<text[^>]*>//g; s/<line[^>]*>//g; /<style>/,/<\/style>/d' "$T/f.html" >"$T/visible.html"
if grep -nE '[0-9]\.[0-9]' "$T/visible.html" >"$T/dots"; then fail "html: no decimal point" "$(head -3 "$T/dots")"; else pass "html: no decimal point"; fi

# Chapters, questions and objectives in the module's order with --content
# (the bundled module's order, read from its module.yaml; without the
# module the report sorts ids by length).
MOD="$ROOT/assets/modules/tu-me-suis"
"$GEN" -o "$T/m.db" 2>/dev/null <<'SPEC'
n=6 day=2024-05-02 module=tu-me-suis stage=result end=finished score=50 ch=pourquoi:1:100,comptes:1:100,expression:1:100,veille:1:100,linkedin-x:1:100,securite:1:100 ans=q-goal-first:goals:1:1,f-linkedin-two:accounts:2:1,q-two-factor:security:0:0
SPEC
"$R" "$T/m.db" --content "$MOD" -o "$T/m.txt"
order() { awk -v t="$2" '$0 ~ "^"t {on=1; getline; next} on && /^$/ {exit} on && /^  [a-z]/ {printf "%s ", $1}' "$1"; }
# The ids of one list of module.yaml (chapters, questions, objectives) that
# the data set uses, in the module's order: what the report must follow.
want() { # section used-ids...
	sec=$1
	shift
	awk -v s="$sec" -v used=" $* " '/^[a-z_]+:/ {on = ($0 ~ "^"s":")} on && /^  - id: / && index(used, " "$3" ") {printf "%s ", $3}' "$MOD/module.yaml"
}
CH=$(want chapters pourquoi comptes expression veille linkedin-x securite)
QS=$(want questions q-goal-first f-linkedin-two q-two-factor)
OB=$(want objectives goals accounts security)
got=$(order "$T/m.txt" CHAPITRES)
[ "$got" = "$CH" ] && pass "text: chapters in the module's order" || fail "text: chapters in the module's order" "$got"
got=$(order "$T/m.txt" "QUESTIONS DU QUIZ")
[ "$got" = "$QS" ] && pass "text: questions in the module's order" || fail "text: questions in the module's order" "$got"
got=$(order "$T/m.txt" "OBJECTIFS")
[ "$got" = "$OB" ] && pass "text: objectives in the module's order" || fail "text: objectives in the module's order" "$got"
"$R" "$T/m.db" --content "$MOD" --format html -o "$T/m.html"
got=$(sed -n "/<h2>Chapitres/,/<\/table>/p" "$T/m.html" | grep -o "<tr><td>[a-z-]*" | sed 's/<tr><td>//' | tr '\n' ' ')
[ "$got" = "$CH" ] && pass "html: chapters in the module's order" || fail "html: chapters in the module's order" "$got"
"$R" "$T/m.db" --content "$MOD" --format json -o "$T/m.json"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [c["chapter"] for c in d["chapters"]] == sys.argv[2].split(), d["chapters"]
' "$T/m.json" "$CH" 2>"$T/json.err"; then pass "json: chapters in the module's order"; else fail "json: chapters in the module's order" "$(cat "$T/json.err")"; fi

# One flag per finding: a negative discrimination is not also "not
# discriminating". q4 is right exactly for those who got q1 wrong: its
# discrimination is -1 (and so is q1's) before noise, below 0 after.
"$GEN" -o "$T/i.db" 2>/dev/null <<'SPEC'
n=20 stage=result end=finished score=50 ans=q1:o1:0:1,q4:o2:1:0
n=20 stage=result end=finished score=50 ans=q1:o1:1:0,q4:o2:0:1
SPEC
"$R" "$T/i.db" --format csv -o "$T/i.csv"
if python3 - "$T/i.csv" >"$T/flags.out" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
start = rows.index(["items"])
items = [dict(zip(rows[start + 1], r)) for r in rows[start + 2:] if r]
for it in items:
    assert float(it["discrimination"]) < 0 and it["flags"] == "negative-discrimination", it
PY
then pass "csv: negative discrimination flagged once"; else fail "csv: negative discrimination flagged once" "$(cat "$T/flags.out")"; fi
"$R" "$T/i.db" --format json -o "$T/i.json"
grep '"rank": ' "$T/i.json" | grep -F '"question": "q4"' >"$T/q4.json"
has "json: negative discrimination flagged once" "$T/q4.json" '"flags": ["negative-discrimination"]'
"$R" "$T/i.db" -o "$T/i.txt"
has "text: its verdict" "$T/i.txt" "→ à réécrire : discrimination négative (clé à vérifier)"
