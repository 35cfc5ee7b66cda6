#!/bin/sh
# Kill at random: the kiosk plays scripted sessions and is SIGKILLed at a
# random moment. After each kill the database passes PRAGMA integrity_check
# and holds every session whose result screen was shown (the kiosk hands a
# session to the store when its result is first shown, before the screen
# is drawn: the trace line "screen result" comes after the commit), and no
# session twice. Prints "kill: runs N, ... corrupt N, lost N, duplicated N,
# killed on a result screen N" (every KILL_EVERY runs, and at the end).
# Then two cases that are always counted: a kill while a result screen is
# on the glass (held there by a screenshot into a FIFO), and a kill while
# the database is locked by another process (the loss is bounded by the
# store's in-memory queue, STORE_QUEUE_MAX).
# KILL_RUNS (20; `make reliability`: 500), KILL_SEED (1), KILL_EVERY (50).
. tests/lib.sh

RUNS=${KILL_RUNS:-20}
SEED=${KILL_SEED:-1}
EVERY=${KILL_EVERY:-50}
# Sessions a run plays: the kill lands at a random moment of the script,
# so more sessions only make each run longer, not the moments different.
SESSIONS=4
{
	for i in $(seq $SESSIONS); do
		echo "tap 0.5 0.5"
		echo "press Français"
		echo "press @ui.start_quiz"
		echo "answer-all right"
		echo "expect result"
		echo "press @ui.finish"
		echo "expect attract"
	done
} >"$TMP/sessions.script"

# How long a full run takes here, to kill within it.
start=$(date +%s%N)
"$KIOSK" --headless --script "$TMP/sessions.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 640x480 --trace >"$TMP/full.trace" 2>"$TMP/full.err"
full_ms=$((($(date +%s%N) - start) / 1000000))
check "kill: an unkilled run stores its $SESSIONS sessions" sh -c \
	"[ \"\$(sqlite3 $TMP/kiosk.db 'select count(*) from session')\" = $SESSIONS ]"

corrupt=0
lost=0
dup=0
killed=0
on_result=0
on_result_kept=0
sessions=0
r=$SEED
summary() {
	echo "kill: runs $1 (killed while running $killed), result screens shown before the kill $sessions," \
		"corrupt databases $corrupt, lost sessions $lost, duplicated sessions $dup," \
		"killed on a result screen $on_result (its session in the database: $on_result_kept)" \
		"(a full run takes ${full_ms} ms)"
}
for run in $(seq "$RUNS"); do
	rm -f "$TMP"/kiosk.db*
	r=$(((r * 1103515245 + 12345) % 2147483648))
	# Kill between 100 ms and the length of a full run.
	delay_ms=$((100 + r % (full_ms > 200 ? full_ms : 200)))
	"$KIOSK" --headless --script "$TMP/sessions.script" --config "$TMP/kiosk.yaml" \
		--content "$MINI" --size 640x480 --trace >"$TMP/k.trace" 2>"$TMP/k.err" &
	pid=$!
	sleep "$(awk -v m=$delay_ms 'BEGIN{printf "%.3f", m / 1000}')"
	kill -KILL $pid 2>/dev/null && killed=$((killed + 1))
	wait $pid 2>/dev/null
	# Sessions whose result was shown (each session of the script shows
	# one result).
	shown=$(grep -c '^screen result' "$TMP/k.trace")
	sessions=$((sessions + shown))
	if [ -e "$TMP/kiosk.db" ]; then
		ic=$(sqlite3 "$TMP/kiosk.db" 'PRAGMA integrity_check' 2>&1)
		n=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session' 2>/dev/null || echo 0)
	else
		ic=ok
		n=0
	fi
	[ "$ic" = ok ] || { corrupt=$((corrupt + 1)); echo "    run $run (kill at ${delay_ms} ms): $ic"; }
	if tail -1 "$TMP/k.trace" | grep -q '^screen result'; then
		on_result=$((on_result + 1))
		[ "${n:-0}" -ge "$shown" ] && on_result_kept=$((on_result_kept + 1))
	fi
	if [ "${n:-0}" -lt "$shown" ]; then
		lost=$((lost + shown - n))
		echo "    run $run (kill at ${delay_ms} ms): $shown results shown, $n sessions in the database"
	fi
	# One more than shown: its commit was done, the kill came before its
	# screen. More than that is a session recorded twice.
	if [ "${n:-0}" -gt $((shown + 1)) ]; then
		dup=$((dup + n - shown - 1))
		echo "    run $run (kill at ${delay_ms} ms): $shown results shown, $n sessions in the database"
	fi
	[ $((run % EVERY)) -eq 0 ] && [ "$run" -lt "$RUNS" ] && summary "$run so far"
done
summary "$RUNS"
check "kill: $RUNS runs, no corrupt database" test "$corrupt" -eq 0
check "kill: $RUNS runs, every session whose result was shown ($sessions) is in the database" \
	test "$lost" -eq 0
check "kill: $RUNS runs, no session recorded twice" test "$dup" -eq 0

# A kill while a result screen is on the glass, every time: the script
# takes a screenshot of the result into a FIFO nobody reads, so the kiosk
# waits on the result screen until it is killed.
rm -f "$TMP"/kiosk.db*
mkdir -p "$TMP/hold"
mkfifo "$TMP/hold/result.png"
{
	echo "tap 0.5 0.5"
	echo "press Français"
	echo "press @ui.start_quiz"
	echo "answer-all right"
	echo "expect result"
	echo "shot result"
	echo "press @ui.finish"
} >"$TMP/hold.script"
"$KIOSK" --headless --script "$TMP/hold.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 640x480 --trace --shots "$TMP/hold" >"$TMP/h.trace" 2>"$TMP/h.err" &
pid=$!
# The trace line comes after the commit (app_settle): killed right after it.
wait_for "$TMP/h.trace" "screen result" 30
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
n=$(sqlite3 "$TMP/kiosk.db" "select count(*) from session where ended = 0 and score = 100" 2>/dev/null || echo 0)
echo "kill: killed on the result screen ($(tail -1 "$TMP/h.trace")): $n of 1 session in the database"
check "kill: a kill while the result screen is shown keeps the session (finished, its score)" \
	test "${n:-0}" -eq 1

# Sessions that end while another process holds the database locked wait in
# the store's in-memory queue (kiosk/platform/store_write.c, STORE_QUEUE_MAX):
# a kill loses them. That loss is bounded, not persisted: at most the
# queue's size (the oldest are dropped beyond it, kill or not; PRIVACY.md).
rm -f "$TMP"/kiosk.db*
"$KIOSK" --headless --script "$TMP/sessions.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 640x480 >/dev/null 2>&1
before=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session')
# The count is printed once the lock is held: wait for it.
{ echo 'BEGIN EXCLUSIVE;'; echo 'SELECT count(*) FROM session;'; sleep 60; echo 'COMMIT;'; } |
	sqlite3 "$TMP/kiosk.db" >"$TMP/lock.out" 2>&1 &
lock=$!
wait_for "$TMP/lock.out" "" 60 || fail "kill: lock" "sqlite3 did not take the lock: $(cat "$TMP/lock.out")"
head -21 "$TMP/sessions.script" >"$TMP/three.script" # three sessions
"$KIOSK" --headless --script "$TMP/three.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 640x480 --trace >"$TMP/q.trace" 2>"$TMP/q.err" &
pid=$!
# Wait for the three ends on screen, then kill before the kiosk exits.
for i in $(seq 300); do
	n=$(grep -c '^screen attract' "$TMP/q.trace" 2>/dev/null)
	[ "${n:-0}" -ge 4 ] && break
	sleep 0.1
done
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
kill $lock 2>/dev/null
wait $lock 2>/dev/null
ended=$(grep -c '^screen result' "$TMP/q.trace")
after=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session')
qlost=$((ended - (after - before)))
bound=$(sed -n 's/.*STORE_QUEUE_MAX = \([0-9]*\).*/\1/p' "$ROOT/kiosk/platform/store.h")
echo "kill: database locked by another process: $ended sessions ended, $((after - before)) saved," \
	"$qlost lost with the kill (they waited in the in-memory queue; the loss is bounded" \
	"by its size, $bound sessions, not persisted)"
check "kill: sessions queued while the database is locked: the kill loses at most the queue ($qlost <= $bound)" \
	test "$qlost" -le "${bound:-0}"
check "kill: the locked-database case did run ($ended sessions ended)" test "$ended" -eq 3
