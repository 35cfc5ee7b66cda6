#!/bin/sh
# kiosk-export: the nightly batch file (the closed batches as counters,
# kiosk-report reads it, named by kiosk id and day, no session row, no day
# that is not closed, no WAL, no free pages) and the health file (no
# per-session data, no exact total); old files pruned.
. tests/lib.sh
EXPORT="$ROOT/$BUILD/kiosk-export"
if [ ! -x "$EXPORT" ]; then
	fail export "$EXPORT not built"
	exit 0
fi
O=$TMP/outbox
"$GEN" -o "$TMP/kiosk.db" --close 2024-05-03 2>/dev/null <<'SPEC'
n=7 day=2024-05-02 lang=fr kiosk=test stage=result score=80 passed=1 ans=q1:o1:0:1 ch=c1:1:100
n=5 day=2024-05-03 lang=en kiosk=test stage=home
SPEC
# A day not closed (one visitor): in no file that leaves the kiosk.
"$GEN" -o "$TMP/kiosk.db" --no-close 2>/dev/null <<'SPEC'
n=1 day=2024-05-04 lang=de kiosk=test stage=result score=30 passed=0 ans=q1:o1:3:0 ch=c1:1:10
SPEC
# A table the statistics do not have (the PIN lockout's witness, platform/pin_state.c) stays home.
sqlite3 "$TMP/kiosk.db" "CREATE TABLE pin_guard (one INTEGER PRIMARY KEY, failures INTEGER, locks INTEGER, locked_until INTEGER); INSERT INTO pin_guard VALUES (1, 0, 1, 1717171717);"

if "$EXPORT" --outbox "$O" --config "$TMP/kiosk.yaml" --content "$MINI" --day 2024-05-04 \
	--no-journal >"$TMP/out" 2>&1 && [ -f "$O/test-2024-05-04.db" ]; then
	pass "export writes test-2024-05-04.db ($(cat "$TMP/out"))"
else
	fail export "$(cat "$TMP/out")"
fi
left=$(ls -A "$O" | grep -c '^\.')
[ "$left" -eq 0 ] && pass "no temporary file left" || fail "temporary" "$(ls -A "$O")"
"$REPORT" "$O/test-2024-05-04.db" --format json -o "$TMP/r.json" 2>"$TMP/err"
n=$(grep -F '"key": "total"' "$TMP/r.json" | sed -n 's/.*"sessions": \([0-9]*\).*/\1/p' | head -1)
[ -n "$n" ] && [ "$n" -ge 10 ] && [ "$n" -le 14 ] &&
	pass "kiosk-report reads the batch file: ≈ $n sessions (12 ± 2)" || fail "report of the copy" "$(cat "$TMP/err") $(head -c 300 "$TMP/r.json")"
tables=$(sqlite3 "$O/test-2024-05-04.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)")
[ "$tables" = "b_answer b_batch b_chapter b_chapter_answer b_day b_item b_label b_score s_answer s_batch s_chapter s_chapter_answer s_day s_item s_label s_score" ] &&
	pass "only the batch tables, no session row ($tables)" || fail "tables" "$tables"
batches=$(sqlite3 "$O/test-2024-05-04.db" "SELECT group_concat(batch || '/' || last_day, ' ') FROM b_batch")
[ "$batches" = "2024-05-02/2024-05-02 2024-05-03/2024-05-03" ] && pass "two closed batches (7 and 5 sessions); the open day is not in the file" ||
	fail "batches" "$batches"
if sqlite3 "$O/test-2024-05-04.db" "SELECT lang FROM b_day UNION ALL SELECT choice FROM b_answer WHERE choice = 3" | grep -q 'de\|3'; then
	fail "open day" "the one visitor of 2024-05-04 is in the batch file"
else
	pass "the one visitor of the open day 2024-05-04 is in no file"
fi
if grep -q 1717171717 "$O/test-2024-05-04.db"; then fail "dropped table" "its bytes are still in the file"; else pass "the other table's bytes are not in the file"; fi
free=$(sqlite3 "$O/test-2024-05-04.db" "PRAGMA freelist_count")
mode=$(sqlite3 "$O/test-2024-05-04.db" "PRAGMA journal_mode")
[ "$free" = 0 ] && [ "$mode" = delete ] && [ ! -e "$O/test-2024-05-04.db-wal" ] &&
	pass "no free pages, no WAL" || fail "compact" "freelist $free, journal $mode"

H=$O/test.health
missing=""
for key in "kiosk: test" "software: " "module: mini" "module_version: 3" "module_state: ok" \
	"database: ok" "batches: 2" "last_batch_day: 2024-05-03" "disk_free_mb: " "corrupt_copies: 0"; do
	grep -q "^$key" "$H" || missing="$missing '$key'"
done
[ -z "$missing" ] && pass "health: kiosk, versions, database, disk" ||
	fail health "$missing missing: $(cat "$H")"
# Nothing per session: no language, score, chapter or answer per row, and
# no count of sessions (an exact total, compared night to night, counts a
# day's visitors).
if grep -Eiq 'lang|score|q1|c1|passed|sessions:' "$H"; then fail "health privacy" "$(cat "$H")"; else pass "health holds no session data and no total"; fi

# Nights go by: the newest 2 copies are kept.
for d in 05 06 07; do
	"$EXPORT" --outbox "$O" --config "$TMP/kiosk.yaml" --content "$MINI" --day 2024-05-$d \
		--no-journal --keep 2 >/dev/null 2>&1
done
[ "$(ls "$O"/*.db | wc -l)" -eq 2 ] && [ -f "$O/test-2024-05-07.db" ] && [ -f "$O/test-2024-05-06.db" ] &&
	pass "--keep 2 keeps the two newest copies" || fail keep "$(ls "$O")"

# A damaged database: no copy, the health file says so.
printf 'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage' >"$TMP/bad.db"
"$EXPORT" --outbox "$TMP/o2" --config "$TMP/kiosk.yaml" --db "$TMP/bad.db" --day 2024-05-08 \
	--no-journal >"$TMP/out" 2>&1
[ ! -e "$TMP/o2/test-2024-05-08.db" ] && grep -q '^database: damaged' "$TMP/o2/test.health" &&
	pass "damaged database: health says so, no copy" || fail "damaged" "$(cat "$TMP/out") $(cat "$TMP/o2/test.health" 2>/dev/null)"
"$EXPORT" --outbox "$TMP/o3" --config "$TMP/kiosk.yaml" --db "$TMP/none.db" --no-journal >/dev/null 2>&1
grep -q '^database: missing' "$TMP"/o3/test.health && pass "missing database: health says so" ||
	fail missing "$(ls "$TMP/o3")"
"$EXPORT" --bogus >/dev/null 2>&1
[ $? -eq 2 ] && pass "bad argument: exit 2" || fail "bad argument" "exit not 2"

# The running kiosk's status (a real window under Xvfb): the health file
# tells when it last presented a frame and how many sessions wait.
if command -v Xvfb >/dev/null; then
	start_xvfb
	mkdir -p "$TMP/run"
	DISPLAY=$display SDL_VIDEODRIVER=x11 XDG_RUNTIME_DIR="$TMP/run" "$KIOSK" --windowed \
		--config "$TMP/kiosk.yaml" --content "$MINI" >/dev/null 2>"$TMP/x.err" &
	kpid=$!
	wait_for "$TMP/x.err" "first frame shown"
	wait_for "$TMP/run/status" "module_dir:"
	"$EXPORT" --outbox "$TMP/o4" --config "$TMP/kiosk.yaml" --content "$MINI" --no-journal \
		--status "$TMP/run/status" >/dev/null 2>&1
	kill -TERM $kpid 2>/dev/null
	wait $kpid
	kill $xpid 2>/dev/null
	wait $xpid 2>/dev/null
	age=$(sed -n 's/^last_frame_s_ago: //p' "$TMP/o4/test.health")
	if grep -q '^kiosk_running: yes' "$TMP/o4/test.health" && [ -n "$age" ] && [ "$age" -lt 30 ] &&
		grep -q '^sessions_waiting: no' "$TMP/o4/test.health" && grep -q '^state: running' "$TMP/o4/test.health" &&
		grep -q "^module_dir: .*fixtures/mini" "$TMP/run/status"; then
		pass "health: the running kiosk presented a frame ${age} s before, no session waiting"
	else
		fail "running status" "$(cat "$TMP/run/status" 2>&1) / $(cat "$TMP/o4/test.health") / $(head -3 "$TMP/x.err")"
	fi
fi
grep -q '^kiosk_running: no' "$TMP/outbox/test.health" && pass "health: no running kiosk is said so" ||
	fail "not running" "$(cat "$TMP/outbox/test.health")"
