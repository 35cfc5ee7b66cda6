#!/bin/sh
# Published figures are perturbed (statistics v2, core/cellkey.h): the text
# and HTML reports mark every count, rate and average « ≈ » and say why;
# CSV and JSON carry the flag once (docs/report.schema.json). An average
# over fewer than K published sessions is still masked, in every format.
. tests/lib.sh
R=$REPORT
T=$TMP

sh tests/tools/demo_day.sh >"$T/demo.spec"
# Three in German: their language's average is masked; their label, under
# K in its batch, is pooled with the other small ones.
echo "n=3 day=2024-03-12 kiosk=accueil-1 lang=de label=petit-groupe module=tu-me-suis stage=result end=finished dur=420 score=50 ans=q-goal-first:goals:1:1" >>"$T/demo.spec"
"$GEN" -o "$T/d.db" <"$T/demo.spec" 2>/dev/null
"$R" "$T/d.db" -o "$T/d.txt"
"$R" "$T/d.db" --format html -o "$T/d.html"
"$R" "$T/d.db" --format json -o "$T/d.json"
"$R" "$T/d.db" --format csv --sep ';' -o "$T/d.csv"

has "text: the legend says why" "$T/d.txt" "les chiffres marqués ≈ sont publiés avec un écart de 2 au"
for l in "Sessions ....." "Taux d'achèvement" "Taux de réussite" "Score moyen au quiz" "Durée moyenne d'une session" "Temps total passé"; do
	line_has "text: « ≈ » on $l" "$T/d.txt" "  $l" " ≈ "
done
# Every figure of the table rows: « ≈ » as many times as there are figures.
if python3 - "$T/d.txt" >"$T/rows.out" 2>&1 <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = []
def section(title):
    s = text[text.index(title):]
    return s[:s.find("\n\n")].split("\n")[2:]
for title, figures in (("PAR JOUR", 5), ("PAR BORNE", 5), ("PARCOURS", 2), ("FIN DES SESSIONS", 2), ("CHAPITRES", 3)):
    for row in section(title):
        if row.count("≈ ") != figures:
            bad.append(row)
for row in section("PAR LANGUE"):
    if row.startswith("de "):
        # 3 sessions: counts and rates « ≈ », the two averages masked.
        if row.count("≈ ") != 3 or row.count("masqué") != 2:
            bad.append(row)
    elif row.count("≈ ") != 5:
        bad.append(row)
# A figure without its mark: digits after two spaces, not after « ≈ ».
for row in section("QUESTIONS DU QUIZ") + section("OBJECTIFS"):
    if row.startswith("      "):
        continue
    if row.count("≈ ") < 2:
        bad.append(row)
if bad:
    print("\n".join(bad))
    sys.exit(1)
PY
then pass "text: every figure of every table marked"; else fail "text: every figure of every table marked" "$(cat "$T/rows.out")"; fi
sed -n '/^ANALYSE DES QUESTIONS/,$p' "$T/d.txt" >"$T/items.txt"
line_has "text: an item's figures marked" "$T/items.txt" "  q-goal-first " "≈ " "B* ≈ "

has "html: the legend says why" "$T/d.html" "Les chiffres marqués <b>≈</b> sont publiés avec un écart de 2 au plus"
for c in "sessions" "ont vu leur résultat" "de réussite au quiz" "score moyen" "durée moyenne"; do
	if grep -qE "<div class='card'><b>≈ [^<]*</b><span>$c</span>" "$T/d.html"; then pass "html card « $c » marked"; else fail "html card « $c » marked" "$(grep -o "<div class='card'>.\{0,60\}$c" "$T/d.html")"; fi
done
# In the tables, every number cell starts with « ≈ », but the objectives'
# number of questions (a count of the module's, not of people) and the
# batches' days.
sed -n '/<h2>Par jour/,/<h2>Objectifs/p' "$T/d.html" | grep -oE "<td>[0-9][^<]*</td>" | grep -vE "<td>[0-9]{4}-[0-9]{2}-[0-9]{2}" >"$T/plain" || true
if [ -s "$T/plain" ]; then fail "html: no unmarked figure in the tables" "$(sort -u "$T/plain" | head -5 | tr '\n' ' ')"; else pass "html: no unmarked figure in the tables"; fi
line_has "html: the small language's averages masked" "$T/d.html" "<tr><td>de</td>" "<td>≈ " "<td class='h'>masqué</td><td class='h'>masqué</td>"

line_has "json: perturbed, at most 2" "$T/d.json" '"perturbed": true'
has "json: the maximum deviation" "$T/d.json" '"max_deviation": 2'
line_has "json: the small language's averages null, said" "$T/d.json" '"key": "de"' '"avg_suppressed": true' '"avg_score": null' '"avg_duration_min": null'
if python3 - "$T/d.csv" >"$T/csv.out" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
assert rows[0] == ["report"], rows[0]
head = dict(zip(rows[1], rows[2]))
assert head["perturbed"] == "yes" and head["max_deviation"] == "2", head
de = [r for r in rows if r[:2] == ["language", "de"]][0]
assert de[6:8] == ["masqué", "masqué"], de
PY
then pass "csv: the report section says perturbed; small averages masked"; else fail "csv: the report section says perturbed" "$(cat "$T/csv.out")"; fi

# The pooled labels have a name for people, "*" for programs.
has "text: pooled labels named" "$T/d.txt" "(autres étiquettes, regroupées)"
has "html: pooled labels named" "$T/d.html" "<td><i>(autres étiquettes, regroupées)</i></td>"
has "json: pooled labels keyed *" "$T/d.json" '"key": "*"'
if grep -q "petit-groupe" "$T/d.txt" "$T/d.json"; then fail "the small label is not shown" "$(grep -h petit-groupe "$T/d.txt" "$T/d.json" | head -2)"; else pass "the small label is not shown"; fi
