#!/bin/sh
# kiosk-report on a generated database: the published figures (statistics
# v2: every count within 2 of the truth, core/cellkey.h) and the same
# published figures in every format.
. tests/lib.sh
R=$REPORT
T=$TMP

"$GEN" -o "$T/a.db" <<'SPEC' 2>/dev/null
n=6 day=2024-05-02 lang=fr stage=result end=finished dur=600 score=80 passed=1 ch=c1:1:100,c2:1:50 ans=q1:o1:0:1,q2:o2:0:1
n=5 day=2024-05-02 lang=fr stage=result end=finished dur=300 score=40 passed=0 ch=c1:1:100,c2:0:-1 ans=q1:o1:2:0,q2:o2:0:1
n=5 day=2024-05-03 lang=en stage=home end=abandoned dur=60
SPEC
[ -s "$T/a.db" ] && pass "generator wrote a database" || fail "generator wrote a database" "no file"

"$R" "$T/a.db" --format json -o "$T/r.json"
# Truth: 16 sessions (11 on 05-02 in French, 5 on 05-03 in English), 11
# finished the quiz, 6 passed; c2 opened by 6; q1 answered by 11, 6 right,
# the 5 others chose C; scores 80 (6) and 40 (5).
if python3 - "$T/r.json" >"$T/truth.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = []
def near(what, got, truth, dev=d["max_deviation"]):
    if got is None or abs(got - truth) > dev:
        bad.append(f"{what}: {got}, truth {truth}")
t = d["total"]
near("total sessions", t["sessions"], 16)
near("quiz taken", t["quiz_taken"], 11)
days = {g["key"]: g for g in d["days"]}
near("05-02", days["2024-05-02"]["sessions"], 11)
near("05-03", days["2024-05-03"]["sessions"], 5)
near("en", {g["key"]: g for g in d["languages"]}["en"]["sessions"], 5)
f = {s["stage"]: s for s in d["funnel"]}
near("chose a language", f["home"]["sessions"], 16)
near("opened a chapter", f["chapter"]["sessions"], 11)
near("saw the result", f["result"]["sessions"], 11)
near("abandoned", {e["ending"]: e for e in d["endings"]}["abandoned"]["sessions"], 5)
c2 = {c["chapter"]: c for c in d["chapters"]}["c2"]
near("c2 opened", c2["opened_by"], 6)
q = {x["question"]: x for x in d["questions"]}
near("q1 answered", q["q1"]["answered"], 11)
if q["q1"]["top_wrong_choice"] != "C":
    bad.append(f"q1's most chosen wrong answer {q['q1']['top_wrong_choice']}")
if q["q2"]["top_wrong_choice"] is not None or q["q2"]["top_wrong_suppressed"]:
    bad.append(f"q2 never wrong: {q['q2']}")
bins = {b["score_from"]: b["sessions"] for b in d["scores"]}
near("score 40", bins[40], 5)
near("score 80", bins[80], 6)
near("score 90", bins[90], 0)
# Rates and shares are computed from the published counts.
def rate(a, b):
    return round(100 * a / b, 1)
if t["completion_rate_pct"] != rate(f["result"]["sessions"], t["sessions"]):
    bad.append(f"completion {t['completion_rate_pct']} is not result/sessions")
if c2["opened_pct"] != rate(c2["opened_by"], t["sessions"]):
    bad.append(f"c2 opened_pct {c2['opened_pct']}")
if d["perturbed"] is not True or d["max_deviation"] != 2:
    bad.append("not said perturbed")
print("\n".join(bad) if bad else f"{t['sessions']} sessions, {t['quiz_taken']} quizzes")
sys.exit(1 if bad else 0)
PY
then pass "json: every count within the noise of the truth, rates from the published counts ($(cat "$T/truth.out"))"
else fail "json: counts within the noise" "$(cat "$T/truth.out" | tr '\n' ';')"; fi

# Text and CSV print what JSON has: the same published values (« ≈ » and
# decimal commas in text).
"$R" "$T/a.db" >"$T/r.txt"
"$R" "$T/a.db" --format csv -o "$T/r.csv"
"$R" "$T/a.db" --format csv --sep ';' -o "$T/fr.csv"
if python3 - "$T/r.json" "$T/r.txt" "$T/r.csv" "$T/fr.csv" >"$T/same.out" 2>&1 <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
t = d["total"]
fr = lambda v: f"{v:.1f}".replace(".", ",")
want = [f"Sessions ........................ ≈ {t['sessions']}\n",
        f"Taux d'achèvement (résultat vu) . ≈ {fr(t['completion_rate_pct'])} %",
        f"Taux de réussite (quiz fini) .... ≈ {fr(t['pass_rate_pct'])} %",
        f"Score moyen au quiz ............. ≈ {fr(t['avg_score'])} / 100"]
q1 = {x["question"]: x for x in d["questions"]}["q1"]
want.append(f"≈ {q1['answered']}   ≈ {fr(q1['right_pct'])} %  C (≈ {fr(q1['top_wrong_share_pct'])} % des erreurs)")
missing = [w for w in want if w not in text]
row = ["total", "total", str(t["sessions"]), f"{t['completion_rate_pct']:.1f}", str(t["quiz_taken"]),
       f"{t['pass_rate_pct']:.1f}", f"{t['avg_score']:.1f}", f"{t['avg_duration_min']:.1f}"]
rows = list(csv.reader(open(sys.argv[3], encoding="utf-8-sig")))
if row not in rows:
    missing.append(f"csv {row}")
rows = list(csv.reader(open(sys.argv[4], encoding="utf-8-sig"), delimiter=";"))
if [c.replace(".", ",") for c in row] not in rows:
    missing.append(f"csv ';' {row}")
print("\n".join(missing) if missing else "text, csv, csv ';'")
sys.exit(1 if missing else 0)
PY
then pass "the same published figures in every format ($(cat "$T/same.out"))"
else fail "the same published figures in every format" "$(cat "$T/same.out" | tr '\n' ';')"; fi
has "text duration" "$T/r.txt" "Durée moyenne d'une session ..... ≈ "
has "text by language" "$T/r.txt" "PAR LANGUE"
if [ "$(head -c 3 "$T/r.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then pass "csv starts with a UTF-8 BOM"; else fail "csv starts with a UTF-8 BOM" "no BOM"; fi
for s in report groups funnel endings scores chapters questions objectives items; do
	if sed '1s/^\xef\xbb\xbf//' "$T/r.csv" | grep -q "^$s"; then pass "csv section $s"; else fail "csv section $s" "missing"; fi
done

# --from/--to take the closed batches whose last day is in the period.
"$R" "$T/a.db" --format json --from 2024-05-03 --to 2024-05-03 -o "$T/d.json"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [g["key"] for g in d["days"]] == ["2024-05-03"] and abs(d["total"]["sessions"] - 5) <= 2, d["days"]
' "$T/d.json" 2>"$T/d.err"; then pass "a period of one day: its batch"; else fail "a period of one day: its batch" "$(cat "$T/d.err")"; fi
has "from/to echoed" "$T/d.json" '"from": "2024-05-03"'
"$R" "$T/a.db" --format json --to 2024-04-30 -o "$T/none.json"
line_has "empty range" "$T/none.json" '"key": "total"' '"sessions": 0'
