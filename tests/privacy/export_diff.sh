#!/bin/sh
# Attack (issue 21): « Exporter » to a USB drive, let one person use the
# kiosk, export again, compare. Before the fix the export held the open
# day: a .db with the new person's row (language, furthest step, score,
# each answer) and a CSV whose total went 5 -> 6 sessions. Now every file
# on the drive is the same, whatever the period asked for, and none is a
# database of rows.
. tests/lib.sh
T=$TMP
yesterday=$(date -d yesterday +%F)
lastmonth=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
"$GEN" -o "$T/kiosk.db" <<SPEC || fail "sessions of closed days" "gen_sessions failed"
n=6 day=$yesterday module=mini stage=result end=finished score=80 passed=1 cq=public:q-public:1:1
n=5 day=$yesterday module=mini stage=result end=finished score=40 passed=0 cq=public:q-public:0:0
n=7 day=$lastmonth-12 stage=result end=finished score=60 passed=0
n=1 day=$lastmonth-13 stage=quiz end=timed-out
SPEC
cat >"$T/e.yaml" <<YAML
kiosk_id: accueil-1
database: $T/kiosk.db
trainer_pin: '$TRAINER_PIN_HASH'
export_dir: $T/usb
YAML
export_all() { # name: the three periods onto a fresh drive, copied to $T/name
	rm -rf "$T/usb"
	mkdir -p "$T/usb"
	{ unlock; printf 'press Exporter\npress Exporter la dernière journée\npress Exporter ce mois-ci\npress Exporter tout\nexpect trainer\n'; } >"$T/$1.script"
	"$KIOSK" --headless --script "$T/$1.script" --size 1280x720 --config "$T/e.yaml" \
		--content "$MINI" >"$T/$1.trace" 2>"$T/$1.err"
	rc=$?
	cp -a "$T/usb" "$T/$1"
}
export_all before
check "export before: runs" test "$rc" -eq 0
# One person today: French, the first chapter's questions and the quiz all
# wrong, to the end.
printf 'tap 0.5 0.5\nexpect language\npress Français\nexpect home\npress @chapter.1\npress @ui.chapter_questions\nanswer-all wrong\nexpect home\npress @ui.start_quiz\nanswer-all wrong\nexpect result\npress @ui.finish\nexpect attract\n' >"$T/one.script"
"$KIOSK" --headless --script "$T/one.script" --size 1280x720 --config "$T/e.yaml" --content "$MINI" >"$T/one.trace" 2>"$T/one.err"
check "one person uses the kiosk (and answers a chapter's questions)" test "$(sqlite3 "$T/kiosk.db" "SELECT count(*) FROM session WHERE day = date('now','localtime')")$(sqlite3 "$T/kiosk.db" "SELECT count(*) FROM chapter_answer WHERE day = date('now','localtime')")" = 12
export_all after
check "export after: runs" test "$rc" -eq 0
n=$(ls "$T/before" | wc -l)
[ "$n" -ge 6 ] && pass "three periods exported, two files each ($n files)" || fail "three periods exported" "$(ls "$T/before" | tr '\n' ' ')"
if [ "$n" -lt 6 ]; then
	fail "export, one person uses the kiosk, export again: nothing differs" "nothing exported to compare"
elif diff -r "$T/before" "$T/after" >"$T/diff.out" 2>&1; then
	pass "export, one person uses the kiosk, export again: nothing differs"
else
	fail "export, one person uses the kiosk, export again: nothing differs" "$(head -c 400 "$T/diff.out")"
fi
grep -lq '^mini;public;q-public;' "$T"/before/*.csv &&
	pass "the exported spreadsheet holds the chapter question's figures (chapter_questions)" ||
	fail "chapter questions exported" "$(grep -h -A2 '^chapter_questions' "$T"/before/*.csv | head -3)"
dbs=$(find "$T/before" "$T/after" -type f -exec sh -c 'head -c 16 "$1" | grep -q "SQLite format 3" && echo "$1"' _ {} \; ; ls "$T/after" | grep '\.db$')
[ -z "$dbs" ] && pass "no database of rows on the drive" || fail "no database of rows on the drive" "$dbs"
if grep -h "the trainer reads:" "$T/before.err" "$T/after.err" | grep -Eq '[0-9]+ sessions?'; then
	fail "the export page prints no exact count" "$(grep -h 'the trainer reads:' "$T/after.err" | head -2)"
else
	pass "the export page prints no exact count"
fi
has "the page says the day in progress stays on the kiosk" "$T/after.err" "la journée en cours n'y est pas"
