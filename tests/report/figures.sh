#!/bin/sh
# kiosk-report on a generated database: exact figures in every format.
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
line_has "json total" "$T/r.json" '"key": "total"' '"sessions": 16' \
	'"completion_rate_pct": 68.8' '"quiz_taken": 11' '"pass_rate_pct": 54.5' \
	'"avg_score": 61.8' '"avg_duration_min": 5.6'
line_has "json day 2024-05-02" "$T/r.json" '"key": "2024-05-02"' '"sessions": 11' \
	'"completion_rate_pct": 100.0' '"pass_rate_pct": 54.5'
line_has "json day without quiz" "$T/r.json" '"key": "2024-05-03"' '"sessions": 5' \
	'"completion_rate_pct": 0.0' '"quiz_taken": 0' '"pass_rate_pct": null' '"quiz_suppressed": false'
line_has "json language en" "$T/r.json" '"key": "en"' '"sessions": 5'
line_has "json funnel chapter" "$T/r.json" '"stage": "chapter"' '"sessions": 11' '"share_pct": 68.8'
line_has "json funnel home" "$T/r.json" '"stage": "home"' '"sessions": 16'
line_has "json endings" "$T/r.json" '"ending": "abandoned"' '"sessions": 5'
line_has "json chapter video share" "$T/r.json" '"chapter": "c2"' '"opened_by": 6' \
	'"video_watched_avg_pct": 50.0'
line_has "json question q1" "$T/r.json" '"question": "q1"' '"objective": "o1"' \
	'"answered": 11' '"right_pct": 54.5' '"top_wrong_choice": "C"' '"top_wrong_suppressed": false'
line_has "json question q2 never wrong" "$T/r.json" '"question": "q2"' '"right_pct": 100.0' \
	'"top_wrong_choice": null' '"top_wrong_suppressed": false'
line_has "json objective o1" "$T/r.json" '"objective": "o1", "questions": 1' '"answered": 11' \
	'"right_pct": 54.5'
line_has "json score bin 40 shown" "$T/r.json" '"score_from": 40' '"sessions": 5' '"suppressed": false'
line_has "json empty bin shown" "$T/r.json" '"score_from": 90' '"sessions": 0'
# Scores 40 (5 people) and 80 (6): with K = 6 the 5 are hidden, and so are
# the 6, or "total minus 6" would give the 5 away; the rates that would
# give them back too.
"$R" "$T/a.db" --format json --min-group 6 -o "$T/k6.json"
line_has "json score bin 40 hidden" "$T/k6.json" '"score_from": 40' '"sessions": null' '"suppressed": true'
line_has "json score bin 80 hidden too" "$T/k6.json" '"score_from": 80' '"sessions": null'
line_has "json pass rate hidden with its complement" "$T/k6.json" '"key": "total"' '"pass_rate_pct": null'
line_has "json most chosen wrong answer hidden" "$T/k6.json" '"question": "q1"' '"top_wrong_choice": null' '"top_wrong_suppressed": true'

"$R" "$T/a.db" >"$T/r.txt"
has "text sessions" "$T/r.txt" "Sessions ........................ 16"
has "text completion" "$T/r.txt" "Taux d'achèvement (résultat vu) . 68,8 %"
has "text pass rate" "$T/r.txt" "Taux de réussite (quiz fini) .... 54,5 %"
has "text average score" "$T/r.txt" "Score moyen au quiz ............. 61,8 / 100"
has "text duration" "$T/r.txt" "Durée moyenne d'une session ..... 5 min 38 s"
has "text by language" "$T/r.txt" "PAR LANGUE"
line_has "text question row" "$T/r.txt" "  q1 " "o1" "11" "54,5 %" "C (100,0 % des erreurs)"
line_has "text objective row" "$T/r.txt" "  o2 " "100,0 %"

"$R" "$T/a.db" --format csv -o "$T/r.csv"
if [ "$(head -c 3 "$T/r.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then pass "csv starts with a UTF-8 BOM"; else fail "csv starts with a UTF-8 BOM" "no BOM"; fi
line_has "csv total row" "$T/r.csv" "total,total," "total,total,16,68.8,11,54.5,61.8,5.6"
line_has "csv question row" "$T/r.csv" "tu-me-suis,q1," "tu-me-suis,q1,o1,11,54.5,C,100.0"
for s in groups funnel endings scores chapters questions objectives; do
	if sed '1s/^\xef\xbb\xbf//' "$T/r.csv" | grep -q "^$s"; then pass "csv section $s"; else fail "csv section $s" "missing"; fi
done
"$R" "$T/a.db" --format csv --sep ';' -o "$T/fr.csv"
line_has "csv french separator and decimal comma" "$T/fr.csv" "total;total;" "total;total;16;68,8;11;54,5;61,8;5,6"

# --from/--to select whole months that are over (PRIVACY.md: two periods
# that differ by a day would subtract to that day).
"$R" "$T/a.db" --format json --from 2024-05-03 --to 2024-05-03 -o "$T/d.json" 2>"$T/d.err"
[ $? -eq 2 ] && pass "a period of days is refused" || fail "a period of days is refused" "$(cat "$T/d.err")"
has "the refusal says whole months" "$T/d.err" "first day of a month"
"$R" "$T/a.db" --format json --from 2024-05-01 --to 2024-05-31 -o "$T/m.json"
line_has "from/to keeps a month" "$T/m.json" '"key": "total"' '"sessions": 16'
has "from/to echoed" "$T/m.json" '"from": "2024-05-01"'
"$R" "$T/a.db" --format json --to 2024-04-30 -o "$T/none.json"
line_has "empty range" "$T/none.json" '"key": "total"' '"sessions": 0'
end=$(date -d "$(date +%Y-%m-01) +1 month -1 day" +%F)
"$R" "$T/a.db" --to "$end" -o "$T/now.txt" 2>"$T/now.err"
[ $? -eq 2 ] && pass "the month still running is refused" || fail "the month still running is refused" "$(cat "$T/now.err")"
