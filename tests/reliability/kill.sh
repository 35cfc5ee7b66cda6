#!/bin/sh
# Kill at random: the kiosk plays scripted sessions and is SIGKILLed at a
# random moment. After each kill the database passes PRAGMA integrity_check
# and holds every session that had ended (its result screen shown, then
# "Terminer": the trace shows result → attract; the kiosk saves a session
# before it shows the next screen). Prints "kill: runs N, corrupt N, lost N".
# KILL_RUNS (20; `make reliability`: 500), KILL_SEED (1).
. tests/lib.sh

RUNS=${KILL_RUNS:-20}
SEED=${KILL_SEED:-1}
SESSIONS=12
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
killed=0
on_result=0
sessions=0
r=$SEED
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
	# Sessions that had ended: a result screen followed by the attract screen.
	ended=$(awk '/^screen result/{r=1; next} /^screen attract/{if (r) n++; r=0; next} /^screen /{r=0} END{print n+0}' "$TMP/k.trace")
	tail -1 "$TMP/k.trace" | grep -q '^screen result' && on_result=$((on_result + 1))
	sessions=$((sessions + ended))
	if [ -e "$TMP/kiosk.db" ]; then
		ic=$(sqlite3 "$TMP/kiosk.db" 'PRAGMA integrity_check' 2>&1)
		n=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session' 2>/dev/null || echo 0)
	else
		ic=ok
		n=0
	fi
	[ "$ic" = ok ] || { corrupt=$((corrupt + 1)); echo "    run $run (kill at ${delay_ms} ms): $ic"; }
	if [ "${n:-0}" -lt "$ended" ]; then
		lost=$((lost + ended - n))
		echo "    run $run (kill at ${delay_ms} ms): $ended sessions ended, $n in the database"
	fi
done
echo "kill: runs $RUNS (killed while running $killed), sessions ended before the kill $sessions," \
	"corrupt databases $corrupt, lost sessions $lost, killed on a result screen $on_result" \
	"(a full run takes ${full_ms} ms)"
check "kill: $RUNS runs, no corrupt database" test "$corrupt" -eq 0
check "kill: $RUNS runs, every ended session ($sessions) is in the database" test "$lost" -eq 0

# Sessions that end while another process holds the database locked wait in
# the store's in-memory queue (kiosk/platform/store.c, STORE_QUEUE_MAX): a
# kill then loses them. The store is issue 10's (saves leaving the UI
# thread); this prints how many are lost so the figure follows the fix.
rm -f "$TMP"/kiosk.db*
"$KIOSK" --headless --script "$TMP/sessions.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 640x480 >/dev/null 2>&1
before=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session')
{ echo 'BEGIN EXCLUSIVE;'; echo 'SELECT count(*) FROM session;'; sleep 60; echo 'COMMIT;'; } |
	sqlite3 "$TMP/kiosk.db" >/dev/null 2>&1 &
lock=$!
sleep 1
head -21 "$TMP/sessions.script" >"$TMP/three.script" # three sessions
"$KIOSK" --headless --script "$TMP/three.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 640x480 --trace >"$TMP/q.trace" 2>"$TMP/q.err" &
pid=$!
# Wait for the three ends on screen, then kill before the kiosk exits.
for i in $(seq 300); do
	[ "$(grep -c '^screen attract' "$TMP/q.trace")" -ge 4 ] && break
	sleep 0.1
done
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
kill $lock 2>/dev/null
wait $lock 2>/dev/null
ended=$(awk '/^screen result/{r=1; next} /^screen attract/{if (r) n++; r=0; next} /^screen /{r=0} END{print n+0}' "$TMP/q.trace")
after=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session')
qlost=$((ended - (after - before)))
echo "kill: database locked by another process: $ended sessions ended, $((after - before)) saved," \
	"$qlost lost with the kill (they waited in the in-memory queue)"
if [ "$qlost" -gt 0 ]; then
	echo "XFAIL kill: sessions queued while the database is locked are lost on a kill ($qlost of $ended): the store's queue is in memory (issue 10)"
else
	pass "kill: sessions queued while the database is locked survive a kill"
fi
