#!/bin/sh
# Small groups: every figure from fewer than K sessions is hidden, and the
# shown figures plus the totals never give a hidden one away.
. tests/lib.sh
R=$REPORT
T=$TMP

# Days: 12, 3, 7, 20 sessions. Languages: fr 38, ar 4.
# Objective o1 has q1 and q2 (answered by 12) and q3 (answered by 3).
"$GEN" -o "$T/s.db" <<'SPEC' 2>/dev/null
n=12 day=2024-05-01 lang=fr stage=result end=finished score=50 ans=q1:o1:0:1,q2:o1:1:0
n=3  day=2024-05-02 lang=fr stage=result end=finished score=100 passed=1 ans=q3:o1:0:1
n=7  day=2024-05-03 lang=fr stage=chapter end=timed-out ch=c1:1:-1
n=16 day=2024-05-04 lang=fr stage=home end=abandoned
n=4  day=2024-05-04 lang=ar stage=home end=abandoned
SPEC

"$R" "$T/s.db" --format json -o "$T/k5.json"
line_has "total shown" "$T/k5.json" '"key": "total"' '"sessions": 42'
line_has "day of 3 hidden" "$T/k5.json" '"key": "2024-05-02"' '"suppressed": true' '"sessions": null'
line_has "secondary: smallest other day hidden" "$T/k5.json" '"key": "2024-05-03"' '"suppressed": true' '"sessions": null'
line_has "big day shown" "$T/k5.json" '"key": "2024-05-01"' '"sessions": 12'
line_has "biggest day shown" "$T/k5.json" '"key": "2024-05-04"' '"sessions": 20'
line_has "language of 4 hidden" "$T/k5.json" '"key": "ar"' '"sessions": null'
line_has "secondary: the only other language hidden" "$T/k5.json" '"key": "fr"' '"sessions": null'
line_has "question of 3 hidden" "$T/k5.json" '"question": "q3"' '"answered": null' '"right_pct": null'
line_has "secondary: a sibling question hidden" "$T/k5.json" '"question": "q1"' '"answered": null'
line_has "other sibling shown" "$T/k5.json" '"question": "q2"' '"answered": 12' '"right_pct": 0.0'
line_has "objective shown over hidden questions" "$T/k5.json" '"objective": "o1", "questions"' '"answered": 27'
# Funnel: 42 touched, 42 chose, 22 chapter, 15 quiz, 15 result: all drops >= 5.
line_has "funnel shown" "$T/k5.json" '"stage": "quiz"' '"sessions": 15'
# Pass rate per day: day 2024-05-02 has 3 quiz takers.
line_has "quiz figures of small day hidden" "$T/k5.json" '"key": "2024-05-02"' '"quiz_suppressed": true' '"pass_rate_pct": null'
line_has "chapter opened by 7 shown" "$T/k5.json" '"chapter": "c1"' '"opened_by": 7'

# Generic property: no count between 1 and K-1 is printed anywhere.
small=$(grep -oE '"(sessions|answered|opened_by|quiz_taken)": [1-4]([^0-9]|$)' "$T/k5.json" | head -3)
if [ -z "$small" ]; then pass "no count under K anywhere"; else fail "no count under K anywhere" "$small"; fi

# Property: for each partition, total minus the shown cells is 0 or >= K.
shown=$(grep -F '"key": "2024-05-' "$T/k5.json" | grep -oE '"sessions": [0-9]+' | awk '{s+=$2} END {print s+0}')
rest=$((42 - shown))
if [ "$rest" -eq 0 ] || [ "$rest" -ge 5 ]; then pass "days: hidden remainder is $rest"; else fail "days: hidden remainder" "$rest"; fi

# A chain drop of fewer than K: 10 reach the quiz, 8 see the result.
"$GEN" -o "$T/f.db" <<'SPEC' 2>/dev/null
n=8 day=2024-05-01 stage=result score=50
n=2 day=2024-05-01 stage=quiz
n=10 day=2024-05-01 stage=home
SPEC
"$R" "$T/f.db" --format json -o "$T/f.json"
line_has "funnel: quiz shown" "$T/f.json" '"stage": "quiz"' '"sessions": 10'
line_has "funnel: the 2 who stopped in the quiz stay hidden" "$T/f.json" '"stage": "result"' '"sessions": null'

# Everything under K: the whole report is hidden, nothing crashes.
"$GEN" -o "$T/tiny.db" <<'SPEC' 2>/dev/null
n=2 day=2024-05-01 lang=fr stage=result end=finished score=70 passed=1 ans=q1:o1:0:1
SPEC
"$R" "$T/tiny.db" --format json -o "$T/tiny.json"
line_has "tiny: total hidden" "$T/tiny.json" '"key": "total"' '"sessions": null'
small=$(grep -oE '"(sessions|answered|opened_by|quiz_taken|pass_rate_pct|avg_score|right_pct)": [0-9]' "$T/tiny.json" | grep -v '": 0' | head -3)
if [ -z "$small" ]; then pass "tiny: no figure shown"; else fail "tiny: no figure shown" "$small"; fi
"$R" "$T/tiny.db" >"$T/tiny.txt"
if grep -q "masqué" "$T/tiny.txt"; then pass "text says masqué"; else fail "text says masqué" "$(head -12 "$T/tiny.txt")"; fi
"$R" "$T/tiny.db" --format csv -o "$T/tiny.csv"
if grep -q "total,total,masqué" "$T/tiny.csv"; then pass "csv says masqué"; else fail "csv says masqué" "$(head -3 "$T/tiny.csv")"; fi

# K has a floor: 1 would show the 4 of the small language.
"$R" "$T/s.db" --format json --min-group 1 -o "$T/k1.json" 2>"$T/k1.err"
[ $? -eq 2 ] && pass "K=1 refused" || fail "K=1 refused" "$(cat "$T/k1.err")"
"$R" "$T/s.db" --format json -o "$T/k5.json"
line_has "the small language stays hidden" "$T/k5.json" '"key": "ar"' '"sessions": null'
