#!/bin/sh
# The paths the statistics count (issue 21): a session cut short by the
# program stopping is « abandonnée » (ended = 1), and a person who touches
# the attract screen and leaves before choosing a language is one more on
# the day's counter, with no session row.
. tests/lib.sh
printf 'tap 0.5 0.5\npress Français\nexpect home\nquit-event\n' |
	run_script abandon 1280x720 >/dev/null 2>&1
got=$(sqlite3 "$TMP/kiosk.db" "SELECT furthest || '/' || ended FROM session")
[ "$got" = "1/1" ] && pass "the program stopped during a session: saved as abandoned (furthest 1, ended 1)" ||
	fail "abandoned" "session rows: '$got'"
printf 'tap 0.5 0.5\nexpect language\nwait 200000\nexpect attract\n' |
	run_script left 1280x720 >/dev/null 2>&1
got=$(sqlite3 "$TMP/kiosk.db" "SELECT (SELECT count(*) FROM session) || '/' || (SELECT sum(touched) FROM stat_touch)")
[ "$got" = "1/1" ] && pass "touched and left before choosing a language: counted, no session row" ||
	fail "left early" "sessions/touched: '$got'"

# End to end, to what leaves the kiosk (issue 21): five people answer the
# first chapter's questions (first try wrong, second right: the first is
# kept) and are cut short by the program stopping (« abandonnée »: a
# restart, an update or a power-off during a session is the only path that
# ends a session that way), three touch and leave before choosing a
# language (one by the idle timeout, two with « Retour »). The day is closed
# by a kiosk whose opening hours are over, as on the evening of a welcome
# day; the outbox's batch file holds the exact counts, kiosk-report the
# published ones.
rm -f "$TMP/kiosk.db"
for i in 1 2 3 4 5; do
	run_script day-$i 1280x720 >/dev/null 2>&1 <<'S'
tap 0.5 0.5
press Français
press Qui me voit ?
press Répondre aux questions
expect quiz
answer-all wrong
expect home
press Qui me voit ?
press Répondre aux questions
answer-all right
expect home
quit-event
S
	[ $? -eq 0 ] || fail "session $i" "$(tail -3 "$TMP/day-$i.err")"
done
run_script leavers 1280x720 >/dev/null 2>&1 <<'S'
tap 0.5 0.5
expect language
wait 200000
expect attract
tap 0.5 0.5
expect language
press Retour
expect attract
wait 1000
tap 0.5 0.5
press Retour
expect attract
S
[ $? -eq 0 ] || fail "leavers" "$(tail -3 "$TMP/leavers.err")"
{
	cat "$TMP/kiosk.yaml"
	echo "opening_hours:"
	for d in mon tue wed thu fri sat sun; do echo "  $d: \"00:00-00:01\""; done
} >"$TMP/closed.yaml"
printf 'wait 100\n' >"$TMP/close.script"
"$KIOSK" --headless --script "$TMP/close.script" --config "$TMP/closed.yaml" --content "$MINI" \
	--size 1280x720 >/dev/null 2>"$TMP/close.err"
got=$(sqlite3 "$TMP/kiosk.db" "SELECT size || ' ' || (first_day = date('now', 'localtime')) FROM batch")
[ "$got" = "5 1" ] && pass "the day closed by the kiosk at the end of its opening hours: one batch of 5 sessions" ||
	fail "closing" "batches: '$got' $(tail -2 "$TMP/close.err")"
"$ROOT/$BUILD/kiosk-export" --outbox "$TMP/out" --config "$TMP/closed.yaml" --no-journal >/dev/null 2>"$TMP/export.err"
b=$(ls "$TMP"/out/*.db 2>/dev/null | head -1)
got=$(sqlite3 "$b" "SELECT (SELECT sum(abandoned) || '/' || sum(sessions) FROM b_day) || ' ' ||
	(SELECT touched FROM b_batch) || ' ' ||
	(SELECT group_concat(question || ':' || correct || ':' || n, ',') FROM
		(SELECT question, correct, sum(answers) AS n FROM b_chapter_answer
		 GROUP BY question, correct ORDER BY question))" 2>&1)
[ "$got" = "5/5 3 q-capture:0:5,q-public:0:5" ] &&
	pass "batch file: 5 of 5 sessions abandoned, 3 left before choosing a language, each chapter question's first answer ($got)" ||
	fail "batch file" "'$got' $(cat "$TMP/export.err")"
"$REPORT" "$TMP/kiosk.db" --format json -o "$TMP/paths.json" 2>"$TMP/paths.err"
if python3 - "$TMP/paths.json" >"$TMP/paths.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def near(name, got, true):
    if got is None or not max(0, true - 2) <= got <= true + 2:
        sys.exit("%s: %s, truth %d" % (name, got, true))
ends = {e["ending"]: e["sessions"] for e in d["endings"]}
near("abandoned", ends["abandoned"], 5)
near("left early", d["left_early"], 3)
near("touched the screen", d["funnel"][0]["sessions"], 8)
q = {x["question"]: x for x in d["chapter_questions"]}
for k in ("q-public", "q-capture"):
    near(k + " answered", q[k]["answered"], 5)
    if q[k]["chapter"] != "public" or q[k]["right_pct"] != 0.0:
        sys.exit("%s: %s" % (k, q[k]))
print("abandoned %s, left early %s, q-public %s %% right" % (ends["abandoned"], d["left_early"], q["q-public"]["right_pct"]))
PY
then pass "report: $(cat "$TMP/paths.out")"; else fail "report" "$(cat "$TMP/paths.out" "$TMP/paths.err")"; fi
