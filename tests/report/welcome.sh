#!/bin/sh
# What a trainer must get (issue 21), checked against simulated welcome
# days with a known truth: the morning after, every figure is shown (none
# masked) and lies within the published noise (counts ± 2, capped at their
# group; rates and averages from those; docs/reports.md « ≈ »).
. tests/lib.sh
R=$REPORT
T=$TMP
EXPORT="$ROOT/$BUILD/kiosk-export"
# One welcome day: 15 people touched the screen, 1 left before choosing a
# language, 14 sessions, 12 saw their result, 3 passed (score >= 70). The
# first answers to the chapters' questions: q6 (chapter c1) right for those
# who passed and those who walked away, C for the others; q7 (c2) right for
# everyone who got that far.
day() { # kiosk n_result n_passed n_timed_out -> spec lines
	k=$1 res=$2 ok=$3 to=$4
	fail_n=$((res - ok))
	[ "$ok" -gt 0 ] && echo "n=$ok day=2024-05-02 kiosk=$k lang=fr stage=result end=finished dur=900 score=80 passed=1 ch=c1:1:100,c2:1:80,c3:1:60 ans=q1:o1:0:1,q2:o1:1:1,q3:o2:2:1,q4:o2:0:1,q5:o3:1:0 cq=c1:q6:1:1,c2:q7:0:1"
	echo "n=$fail_n day=2024-05-02 kiosk=$k lang=fr stage=result end=finished dur=600 score=40 passed=0 ch=c1:1:100,c2:1:40,c3:0:-1 ans=q1:o1:0:1,q2:o1:2:0,q3:o2:2:1,q4:o2:3:0,q5:o3:2:0 cq=c1:q6:2:0,c2:q7:0:1"
	[ "$to" -gt 0 ] && echo "n=$to day=2024-05-02 kiosk=$k lang=en stage=chapter end=timed-out dur=120 ch=c1:1:30,c2:0:-1,c3:0:-1 cq=c1:q6:1:1"
	true
}
{ day hall 12 3 2; echo "left=1 day=2024-05-02"; } | "$GEN" -o "$T/day.db" 2>/dev/null
check_json() { # name json kind: the truths are written in the script below
	python3 - "$2" "$3" >"$T/check.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
kind = sys.argv[2]
bad = []
def walk(x, path):
    if isinstance(x, dict):
        if x.get("suppressed") is True or x.get("quiz_suppressed") is True or x.get("top_wrong_suppressed") is True:
            bad.append("masked: " + path)
        for k, v in x.items():
            walk(v, path + "/" + k)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            walk(v, "%s/%d" % (path, i))
walk({k: v for k, v in d.items() if k not in ("items",)}, "")
D = 2
def count(name, got, true, whole=None):
    lo, hi = max(0, true - D), true + D
    if whole is not None:
        hi = min(hi, whole)
    if got is None or not lo <= got <= hi:
        bad.append("%s: %s not in %d..%d (truth %d)" % (name, got, lo, hi, true))
def rate(name, got, part, whole):
    if got is None:
        bad.append(name + ": not shown"); return
    cands = [100.0 * min(p, w) / w for p in range(max(0, part - D), part + D + 1)
             for w in range(max(1, whole - D), whole + D + 1)]
    if not min(cands) - 0.05 <= got <= max(cands) + 0.05:
        bad.append("%s: %s outside %.1f..%.1f" % (name, got, min(cands), max(cands)))
def avg(name, got, total, n, top):
    if got is None:
        bad.append(name + ": not shown"); return
    m = max(1, (total // n + 1) // 2)
    lo = (total - 2 * m) / (n + D); hi = min(top, (total + 2 * m) / max(1, n - D))
    if not lo - 0.05 <= got <= hi + 0.05:
        bad.append("%s: %s outside %.1f..%.1f (truth %.1f)" % (name, got, lo, hi, total / n))
t = d["total"]
if kind == "day":
    S, R, P = 14, 12, 3
    count("sessions", t["sessions"], S)
    count("touched the screen", d["funnel"][0]["sessions"], S + 1)
    count("quiz taken", t["quiz_taken"], R, S)
    rate("completion", t["completion_rate_pct"], R, S)
    rate("pass rate", t["pass_rate_pct"], P, R)
    avg("average score", t["avg_score"], 3 * 80 + 9 * 40, R, 100)
    q = {x["question"]: x for x in d["questions"]}
    truth = {"q1": (12, 12), "q2": (12, 3), "q3": (12, 12), "q4": (12, 3), "q5": (12, 0)}
    for k, (n, right) in truth.items():
        rate(k + " % right", q[k]["right_pct"], right, n)
    for k, want in {"q2": "C", "q4": "D", "q5": "C"}.items():
        if q[k]["top_wrong_choice"] != want:
            bad.append("%s most chosen wrong answer: %s, want %s" % (k, q[k]["top_wrong_choice"], want))
    c = {x["chapter"]: x for x in d["chapters"]}
    for k, n in {"c1": 14, "c2": 12, "c3": 3}.items():
        rate(k + " opened", c[k]["opened_pct"], n, S)
    cq = {x["question"]: x for x in d["chapter_questions"]}
    for k, (ch, n, right) in {"q6": ("c1", 14, 5), "q7": ("c2", 12, 12)}.items():
        if k not in cq or cq[k]["chapter"] != ch:
            bad.append("chapter question %s: %s" % (k, cq.get(k))); continue
        count(k + " answered", cq[k]["answered"], n)
        rate(k + " % right", cq[k]["right_pct"], right, n)
    if cq.get("q6", {}).get("top_wrong_choice") != "C":
        bad.append("q6 most chosen wrong answer: %s, want C" % cq.get("q6"))
    summary = "%s sessions, %s touched, %s %% passed, average %s, chapter questions %s" % (
        t["sessions"], d["funnel"][0]["sessions"], t["pass_rate_pct"], t["avg_score"],
        [(k, x["right_pct"]) for k, x in cq.items()])
else:
    count("sessions", t["sessions"], 40)
    rate("pass rate", t["pass_rate_pct"], 3 + 3 + 1, 17 + 12 + 5)
    ks = {g["key"]: g for g in d["kiosks"]}
    for k, n in {"site-a": 20, "site-b": 14, "site-c": 6}.items():
        count(k + " sessions", ks.get(k, {}).get("sessions"), n)
    cq = {x["question"]: x for x in d["chapter_questions"]}
    rate("q6 % right (3 kiosks)", cq.get("q6", {}).get("right_pct"), 3 + 3 + 3 + 2 + 1 + 1, 20 + 14 + 6)
    rate("q7 % right (3 kiosks)", cq.get("q7", {}).get("right_pct"), 34, 34)
    summary = "%s sessions, kiosks %s" % (t["sessions"], [(k, g["sessions"], g["pass_rate_pct"]) for k, g in ks.items()])
print("\n".join(bad) if bad else summary)
sys.exit(1 if bad else 0)
PY
	if [ $? -eq 0 ]; then pass "$1: $(cat "$T/check.out")"; else fail "$1" "$(cat "$T/check.out" | tr '\n' ';')"; fi
}
"$R" "$T/day.db" --format json -o "$T/day.json" 2>"$T/err"
check_json "a 15-person welcome day, the next morning: all shown, within the noise" "$T/day.json" day
# The same figures in the other formats (the writers print what JSON has).
n=$(python3 -c "import json; print(json.load(open('$T/day.json'))['total']['sessions'])")
"$R" "$T/day.db" --format text -o "$T/day.txt"
"$R" "$T/day.db" --format csv -o "$T/day.csv"
"$R" "$T/day.db" --format html -o "$T/day.html"
if grep -Eq "Sessions[ .]+(≈ *)?$n\$" "$T/day.txt" && grep -q "total[;,]$n[;,]" "$T/day.csv" &&
	! grep -i "masqué" "$T/day.txt" "$T/day.html" | grep -v "Confidentialit\|calculé\|légende" |
		grep -qvE "(≈ [0-4] |<td>≈ [0-4]</td>)"; then
	# Only the averages of a group of fewer than K (3 in English) are masked.
	pass "text, CSV and HTML show the same $n sessions, nothing « masqué » but a small group's averages"
else
	fail "formats" "$(grep -i "Sessions\|masqué" "$T/day.txt" | head -5 | tr '\n' ';')"
fi

# Three kiosks of one day, 20/14/6 people, merged from their outboxes.
mkdir -p "$T/fleet"
for k in a:17:3:3 b:12:3:2 c:5:1:1; do
	id=${k%%:*} rest=${k#*:}
	res=${rest%%:*} rest=${rest#*:}
	ok=${rest%%:*} to=${rest#*:}
	day site-$id "$res" "$ok" "$to" | "$GEN" -o "$T/$id.db" --seed "$res" 2>/dev/null
	printf 'kiosk_id: site-%s\ndatabase: %s\n' "$id" "$T/$id.db" >"$T/$id.yaml"
	"$EXPORT" --outbox "$T/fleet/$id" --config "$T/$id.yaml" --day 2024-05-03 --no-journal >/dev/null 2>&1
done
"$R" --fleet "$T/fleet" --format json -o "$T/fleet.json" 2>"$T/fleet.err"
check_json "three kiosks 20/14/6 merged from their batch files: all shown, within the noise" "$T/fleet.json" fleet
"$R" "$T/a.db" "$T/b.db" "$T/c.db" --format json -o "$T/dbs.json"
python3 -c "
import json; a = json.load(open('$T/fleet.json')); b = json.load(open('$T/dbs.json'))
for k in ('total', 'chapters', 'questions', 'chapter_questions', 'items', 'kiosks'):
    assert a[k] == b[k], k" 2>"$T/cmp.err" &&
	pass "the batch files publish exactly what the three databases do" || fail "files vs databases" "$(tail -2 "$T/cmp.err")"
