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
