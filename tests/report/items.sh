#!/bin/sh
# Item analysis (report/items.c) on a small data set computed by hand, and
# the funnel of a simulated day checked against its ground truth.
. tests/lib.sh
R=$REPORT
T=$TMP

# 25 finished quizzes in five groups of five (G1..G5) and 5 abandoned ones
# (G6). 1 = right; choice letters in brackets.
#        q1   q2     q3     q4        total
#   G1   1    0 [B]  0 [B]  0 [B]     1
#   G2   1    0 [B]  0 [C]  1         2
#   G3   1    0 [C]  1      0 [B]     2
#   G4   1    1      1      0 [C]     3
#   G5   1    1      1      0 [C] x4, 0 [D] x1     3
#   G6   1    0 [D]  -      -         (not finished: 3 of them also q5, right)
"$GEN" -o "$T/i.db" 2>/dev/null <<'SPEC'
n=5 stage=result end=finished score=25 ans=q1:o1:0:1,q2:o1:1:0,q3:o2:1:0,q4:o2:1:0
n=5 stage=result end=finished score=50 ans=q1:o1:0:1,q2:o1:1:0,q3:o2:2:0,q4:o2:0:1
n=5 stage=result end=finished score=50 ans=q1:o1:0:1,q2:o1:2:0,q3:o2:0:1,q4:o2:1:0
n=5 stage=result end=finished score=75 ans=q1:o1:0:1,q2:o1:0:1,q3:o2:0:1,q4:o2:2:0
n=4 stage=result end=finished score=75 ans=q1:o1:0:1,q2:o1:0:1,q3:o2:0:1,q4:o2:2:0
n=1 stage=result end=finished score=75 ans=q1:o1:0:1,q2:o1:0:1,q3:o2:0:1,q4:o2:3:0
n=3 stage=quiz end=abandoned ans=q1:o1:0:1,q2:o1:3:0,q5:o3:0:1
n=2 stage=quiz end=abandoned ans=q1:o1:0:1,q2:o1:3:0
SPEC
"$R" "$T/i.db" --format json -o "$T/i.json" || fail "json written" "exit $?"

# Facility over every answer: q1 30/30 = 100 %, q2 10/30 = 33.3 %,
# q3 15/25 = 60 %, q4 5/25 = 20 %.
# Discrimination = item-rest correlation over the 25 finished quizzes,
#   r = (Sxr/n - mx*mr) / sqrt(mx(1-mx) * (Srr/n - mr^2)), n = 25
# (x = 1 when the item is right, rest = the other right answers):
#   q2: x=1 in G4,G5 → Sx=10; rests G1..G5 = 1,2,2,2,2 → Sr=45 Sxr=20 Srr=85
#       mx=.4 mr=1.8 cov=.8-.72=.08 vx=.24 vr=3.4-3.24=.16 → .08/sqrt(.0384) = 0.41
#   q3: x=1 in G3..G5 → Sx=15; rests 1,2,1,2,2 → Sr=40 Sxr=25 Srr=70
#       mx=.6 mr=1.6 cov=1-.96=.04 vx=.24 vr=2.8-2.56=.24 → .04/.24 = 0.17
#   q4: x=1 in G2 → Sx=5; rests 1,1,2,3,3 → Sr=50 Sxr=5 Srr=120
#       mx=.2 mr=2 cov=.2-.4=-.2 vx=.16 vr=4.8-4=.8 → -.2/sqrt(.128) = -0.56
#   q1: everyone right: no variance, no correlation (null, not hidden).
# Flags: q4 too hard (< 30 %) and negative; q3 not discriminating (< 0.20);
# q1 too easy (> 90 %); q2 fine. Order: q4, q3, q1, q2, then q5 (3 answers:
# hidden, K = 5).
# Choices of q4: A (right) 5, B 10, C 9, D 1 of 25: D is under K and C, the
# smallest other wrong choice, goes with it (secondary suppression).
line_has "q4 first: too hard, negative" "$T/i.json" '"rank": 1,' '"question": "q4"' \
	'"facility_pct": 20.0' '"discrimination": -0.56' \
	'"flags": ["too-hard", "negative-discrimination"]' \
	'{"choice": "A", "right": true, "share_pct": 20.0' '{"choice": "B", "right": false, "share_pct": 40.0' \
	'{"choice": "C", "right": false, "share_pct": null, "suppressed": true}' \
	'{"choice": "D", "right": false, "share_pct": null, "suppressed": true}'
line_has "q3 second: not discriminating" "$T/i.json" '"rank": 2,' '"question": "q3"' \
	'"facility_pct": 60.0' '"discrimination": 0.17' '"flags": ["not-discriminating"]' \
	'{"choice": "B", "right": false, "share_pct": 20.0' '{"choice": "C", "right": false, "share_pct": 20.0'
line_has "q1 third: too easy, no correlation" "$T/i.json" '"rank": 3,' '"question": "q1"' \
	'"answered": 30' '"facility_pct": 100.0' '"discrimination": null, "discrimination_suppressed": false' \
	'"flags": ["too-easy"]'
line_has "q2 fourth: fine" "$T/i.json" '"rank": 4,' '"question": "q2"' '"answered": 30' \
	'"facility_pct": 33.3' '"discrimination": 0.41' '"flags": []' \
	'{"choice": "D", "right": false, "share_pct": 16.7'
line_has "q5 hidden, last" "$T/i.json" '"rank": 5,' '"question": "q5"' '"suppressed": true' \
	'"answered": null' '"discrimination": null, "discrimination_suppressed": true' '"choices": []'
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [i["question"] for i in d["items"]] == ["q4","q3","q1","q2","q5"]' "$T/i.json" 2>"$T/py.err"; then
	pass "json parses, items in order"
else
	fail "json parses, items in order" "$(cat "$T/py.err")"
fi

# The discrimination needs K right and K wrong among the finished quizzes:
# with 10 wrong and 15 right it shows at K=10, not at K=11 (and neither
# does anything with fewer than 11 answers).
"$R" "$T/i.db" --format json --min-group 10 -o "$T/k10.json"
line_has "q3 discrimination shown at K=10" "$T/k10.json" '"question": "q3", "objective": "o2", "suppressed": false, "answered": 25, "facility_pct"' '"discrimination": 0.17'
"$R" "$T/i.db" --format json --min-group 11 -o "$T/k11.json"
# At K=11 its 60 % right would also tell that 10 (< K) were wrong: the
# facility goes with the question's % right, so the whole row is hidden.
line_has "q3 discrimination hidden at K=11" "$T/k11.json" '"question": "q3", "objective": "o2", "suppressed": true' \
	'"discrimination": null, "discrimination_suppressed": true' '"flags": []'

"$R" "$T/i.db" -o "$T/all.txt"
sed -n '/^ANALYSE DES QUESTIONS/,$p' "$T/all.txt" >"$T/i.txt"
line_has "text: q4 row" "$T/i.txt" "  q4        " "25" "20,0 %" "-0,56" "A* 20,0 % · B 40,0 % · C masqué · D masqué"
has "text: q4 verdict" "$T/i.txt" "→ à réécrire : trop difficile, discrimination négative"
line_has "text: q1 row" "$T/i.txt" "  q1          " "100,0 %" "—"
if awk '/ANALYSE DES QUESTIONS/{on=1} on && /^  q[0-9]/{printf "%s ", $1}' "$T/i.txt" | grep -q '^q4 q3 q1 q2 q5 $'; then
	pass "text: questions to rewrite first"
else
	fail "text: questions to rewrite first" "$(awk '/ANALYSE DES QUESTIONS/{on=1} on && /^  q[0-9]/{printf "%s ", $1}' "$T/i.txt")"
fi

"$R" "$T/i.db" --format csv -o "$T/i.csv"
if python3 - "$T/i.csv" >"$T/csv.out" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
start = rows.index(["items"])
head, body = rows[start + 1], rows[start + 2:start + 7]
items = [dict(zip(head, r)) for r in body]
assert [i["question"] for i in items] == ["q4", "q3", "q1", "q2", "q5"], items
q4 = items[0]
assert (q4["facility_pct"], q4["discrimination"], q4["choice_B_pct"], q4["choice_D_pct"]) == ("20.0", "-0.56", "40.0", "masqué"), q4
assert q4["verdict"] == "à réécrire : trop difficile, discrimination négative", q4
assert items[4]["answered"] == "masqué"
PY
then pass "csv items parse and match"; else fail "csv items parse and match" "$(cat "$T/csv.out")"; fi

"$R" "$T/i.db" --format html -o "$T/i.html"
has "html: item analysis section" "$T/i.html" "<h2 id='items'>Analyse des questions</h2>"
line_has "html: q4 row flagged" "$T/i.html" "<tr class='bad'><td>1</td>" "q4" "20,0 %" "-0,56" "trop difficile"

# The funnel counts what people did. A simulated day of 38: 20 opened a
# chapter and saw their result, 10 went from the chapter list straight to
# the quiz and saw their result, 8 stopped at the chapter list.
"$GEN" -o "$T/day.db" 2>/dev/null <<'SPEC'
n=20 day=2024-03-12 stage=result end=finished score=80 passed=1 ch=c1:1:100 ans=q1:o1:0:1
n=10 day=2024-03-12 stage=result end=finished score=0 ans=q1:o1:1:0
n=8 day=2024-03-12 stage=home end=abandoned
SPEC
"$R" "$T/day.db" --format json -o "$T/day.json"
line_has "funnel: chose a language 38" "$T/day.json" '"stage": "home"' '"sessions": 38'
line_has "funnel: opened a chapter 20, not 30" "$T/day.json" '"stage": "chapter"' '"sessions": 20' '"share_pct": 52.6'
line_has "funnel: started the quiz 30" "$T/day.json" '"stage": "quiz"' '"sessions": 30' '"share_pct": 78.9'
line_has "funnel: saw the result 30" "$T/day.json" '"stage": "result"' '"sessions": 30'
"$R" "$T/day.db" -o "$T/day.txt"
line_has "text funnel: opened at least one chapter" "$T/day.txt" "a ouvert au moins un chapitre" "20" "52,6 %"
# The issue's day: 38 people, home straight to the quiz, no chapter.
"$GEN" -o "$T/straight.db" 2>/dev/null <<'SPEC'
n=38 day=2024-03-12 stage=result end=finished score=100 passed=1 ans=q1:o1:0:1
SPEC
"$R" "$T/straight.db" -o "$T/straight.txt"
line_has "38 straight to the quiz: no chapter opened" "$T/straight.txt" "a ouvert au moins un chapitre" " 0 " "0,0 %"
line_has "38 straight to the quiz: 38 started it" "$T/straight.txt" "a commencé le quiz" "38" "100,0 %"
# A chapter count whose complement is small is hidden: 35 of 38 opened one.
"$GEN" -o "$T/most.db" 2>/dev/null <<'SPEC'
n=35 day=2024-03-12 stage=result end=finished score=100 passed=1 ch=c1:1:100 ans=q1:o1:0:1
n=3 day=2024-03-12 stage=result end=finished score=100 passed=1 ans=q1:o1:0:1
SPEC
"$R" "$T/most.db" --format json -o "$T/most.json"
line_has "funnel: 35 of 38 opened a chapter is hidden (3 did not)" "$T/most.json" '"stage": "chapter"' '"suppressed": true' '"sessions": null'

# Per kiosk, with the same suppression: k3 has 2 sessions, hidden, and so
# is the smallest other kiosk.
"$GEN" -o "$T/k.db" 2>/dev/null <<'SPEC'
n=12 kiosk=accueil-1 stage=result end=finished score=80 passed=1
n=7 kiosk=accueil-2 stage=result end=finished score=60
n=2 kiosk=accueil-3 stage=home end=abandoned
SPEC
"$R" "$T/k.db" --format json -o "$T/k.json"
line_has "kiosk accueil-1 shown" "$T/k.json" '"key": "accueil-1"' '"sessions": 12' '"pass_rate_pct": 100.0'
line_has "kiosk accueil-3 hidden" "$T/k.json" '"key": "accueil-3"' '"suppressed": true' '"sessions": null'
line_has "kiosk accueil-2 hidden too (secondary)" "$T/k.json" '"key": "accueil-2"' '"suppressed": true'
"$R" "$T/k.db" -o "$T/k.txt"
has "text: per kiosk" "$T/k.txt" "PAR BORNE"

# Schema 3 keeps these figures as daily counters (stat_group, stat_item);
# older files are read from their rows. Both give the same report, alone,
# merged with another kiosk's file, and with a file overlapping it.
sh tests/tools/demo_day.sh >"$T/demo.spec"
"$GEN" -o "$T/v3.db" <"$T/demo.spec" 2>/dev/null
"$GEN" -o "$T/v2.db" --schema 2 <"$T/demo.spec" 2>/dev/null
"$GEN" -o "$T/k2.db" 2>/dev/null <<'SPEC'
n=7 day=2024-03-12 kiosk=accueil-9 label=site-b stage=result end=finished score=50 ans=q-hacked:security:0:1,q-phishing:security:0:0
SPEC
v() { sqlite3 "$1" 'PRAGMA user_version'; }
[ "$(v "$T/v3.db")$(v "$T/v2.db")" = 32 ] && pass "generator writes schema 3 and 2" || fail "schema versions" "$(v "$T/v3.db") $(v "$T/v2.db")"
for set in "alone:" "merged:$T/k2.db"; do
	extra=${set#*:}
	"$R" "$T/v3.db" $extra --format json -o "$T/a3.json"
	"$R" "$T/v2.db" $extra --format json -o "$T/a2.json"
	if cmp -s "$T/a3.json" "$T/a2.json" && grep -q '"discrimination": -0' "$T/a3.json"; then
		pass "counters and rows give the same report (${set%%:*})"
	else
		fail "counters and rows give the same report (${set%%:*})" "$(diff "$T/a3.json" "$T/a2.json" | head -6)"
	fi
done
cp "$T/v3.db" "$T/copy.db"
"$R" "$T/v3.db" "$T/copy.db" --format json -o "$T/dup.json"
"$R" "$T/v3.db" --format json -o "$T/one.json"
grep -v '"files"' "$T/dup.json" >"$T/dup.cut"
grep -v '"files"' "$T/one.json" >"$T/one.cut"
if cmp -s "$T/dup.cut" "$T/one.cut"; then pass "a file and its copy: each session counted once"; else fail "a file and its copy" "$(diff "$T/dup.cut" "$T/one.cut" | head -6)"; fi
