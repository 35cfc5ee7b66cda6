#!/bin/sh
# Attacks on reports by subtraction (issue 10). Before the fix, each of
# these gave one small group away:
#  - two periods differing by one small day (12 vs 10 sessions: the third
#    day had 2 people, 1 passed);
#  - a two-month report minus the report of one month;
#  - a report of two kiosks minus the report of one;
#  - a rate next to a masked count (8 sessions, 87.5 % → 7, so 1 did not);
#  - the most chosen wrong answer when fewer than K people chose it.
. tests/lib.sh
R=$REPORT
T=$TMP
total() { grep -F '"key": "total"' "$1"; }
"$GEN" -o "$T/days.db" 2>/dev/null <<'SPEC'
n=5 day=2024-05-01 stage=result score=80 passed=1
n=5 day=2024-05-02 stage=result score=40 passed=0
n=1 day=2024-05-03 stage=result score=90 passed=1
n=1 day=2024-05-03 stage=result score=10 passed=0
SPEC
"$R" "$T/days.db" --format json --from 2024-05-01 --to 2024-05-02 -o "$T/p1.json" 2>"$T/p1.err"
rc1=$?
"$R" "$T/days.db" --format json --from 2024-05-01 --to 2024-05-03 -o "$T/p2.json" 2>"$T/p2.err"
rc2=$?
[ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && pass "periods of days are refused (whole months only)" ||
	fail "periods of days are refused (whole months only)" "exit $rc1/$rc2: $(total "$T/p1.json") / $(total "$T/p2.json")"

# Two months, the second small: April + May minus April would give May.
"$GEN" -o "$T/months.db" 2>/dev/null <<'SPEC'
n=10 day=2024-04-10 stage=result score=80 passed=1
n=1 day=2024-05-03 stage=result score=90 passed=1
n=1 day=2024-05-03 stage=result score=10 passed=0
SPEC
"$R" "$T/months.db" --format json --from 2024-04-01 --to 2024-05-31 -o "$T/am.json"
"$R" "$T/months.db" --format json --from 2024-04-01 --to 2024-04-30 -o "$T/a.json"
echo "# April+May: $(total "$T/am.json")"
echo "# April:     $(total "$T/a.json")"
line_has "April+May hides what April would subtract from" "$T/am.json" '"key": "total"' \
	'"sessions": null' '"pass_rate_pct": null'

# Two kiosks, the second small: merged minus the first would give it.
"$GEN" -o "$T/k1.db" 2>/dev/null <<'SPEC'
n=10 day=2024-04-10 kiosk=k1 stage=result score=80 passed=1
SPEC
"$GEN" -o "$T/k2.db" 2>/dev/null <<'SPEC'
n=1 day=2024-04-10 kiosk=k2 stage=result score=90 passed=1
n=1 day=2024-04-11 kiosk=k2 stage=result score=10 passed=0
SPEC
"$R" "$T/k1.db" "$T/k2.db" --format json -o "$T/merged.json"
"$R" "$T/k1.db" --format json -o "$T/one.json"
echo "# merged: $(total "$T/merged.json")"
echo "# k1:     $(total "$T/one.json")"
line_has "merged report hides what one kiosk's would subtract from" "$T/merged.json" \
	'"key": "total"' '"sessions": null' '"pass_rate_pct": null'
line_has "the big kiosk alone is shown" "$T/one.json" '"key": "total"' '"sessions": 10'

# A rate next to a masked step.
"$GEN" -o "$T/rate.db" 2>/dev/null <<'SPEC'
n=7 day=2024-04-10 stage=result end=finished score=80 passed=1 ans=q1:o1:0:1
n=1 day=2024-04-10 stage=quiz end=timed-out
n=3 day=2024-04-11 stage=result end=finished score=20 passed=0 ans=q1:o1:2:0
n=2 day=2024-04-11 stage=result end=finished score=30 passed=0 ans=q1:o1:1:0
SPEC
"$R" "$T/rate.db" --format json -o "$T/rate.json"
echo "# $(total "$T/rate.json")"
line_has "the funnel's last step is hidden" "$T/rate.json" '"stage": "result"' '"sessions": null'
line_has "so is the completion rate next to it" "$T/rate.json" '"key": "total"' '"completion_rate_pct": null'
line_has "most chosen wrong answer of 3 people hidden" "$T/rate.json" '"question": "q1"' \
	'"top_wrong_choice": null' '"top_wrong_suppressed": true'
