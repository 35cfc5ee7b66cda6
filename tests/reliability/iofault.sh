#!/bin/sh
# I/O faults: the kiosk saves sessions through an SQLite VFS shim
# (tests/preload/faultvfs.c) that fails the Nth write, sync or lock, once or
# from then on. After each run the kiosk has finished its script (a fault
# never reaches the person), the database opens and passes
# PRAGMA integrity_check, and no session is half-written (every session has
# all its answers and chapters, no answer or chapter without its session).
# Prints "iofault: fault points tried N, ...". IOFAULT_ALL=1 (make
# reliability) tries every point; otherwise 4 per operation and mode.
. tests/lib.sh
SHIM="$ROOT/$BUILD/preload/faultvfs.so"
[ -f "$SHIM" ] || SHIM="$ROOT/build/preload/faultvfs.so"
[ -f "$SHIM" ] || { fail "iofault" "no faultvfs.so: make $BUILD/preload/faultvfs.so"; exit 1; }
# Under make asan the ASan runtime must stay first in LD_PRELOAD.
PRELOAD="${LD_PRELOAD:+$LD_PRELOAD }$SHIM"

session() {
	echo "tap 0.5 0.5"
	echo "press Français"
	echo "press @ui.start_quiz"
	echo "answer-all right"
	echo "expect result"
	echo "press @ui.finish"
	echo "expect attract"
}
session >"$TMP/one.script"
{ session; session; } >"$TMP/two.script"

run() { # script db [fault] -> exit status; stderr in $TMP/run.err
	env LD_PRELOAD="$PRELOAD" KIOSK_FAULT="${3:-}" "$KIOSK" --headless --script "$1" \
		--config "$TMP/kiosk.yaml" --db "$2" --content "$MINI" --size 640x480 \
		>/dev/null 2>"$TMP/run.err"
}

# The template: a database with one session, made without faults.
run "$TMP/one.script" "$TMP/template.db"
check "iofault: the shim loads and counts" grep -q '^faultvfs: writes [1-9]' "$TMP/run.err"
sqlite3 "$TMP/template.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
Q=$(sqlite3 "$TMP/template.db" 'select count(*) from answer')
C=$(sqlite3 "$TMP/template.db" 'select count(*) from chapter')
cp "$TMP/template.db" "$TMP/t.db"
run "$TMP/two.script" "$TMP/t.db"
set -- $(sed -n 's/^faultvfs: writes \([0-9]*\) syncs \([0-9]*\) locks \([0-9]*\).*/\1 \2 \3/p' "$TMP/run.err")
W=${1:-0} S=${2:-0} L=${3:-0}
echo "iofault: saving two sessions takes $W writes, $S syncs, $L locks ($Q answers and $C chapters a session)"

points() { # total -> the points to try
	if [ -n "${IOFAULT_ALL:-}" ] || [ "$1" -le 4 ]; then seq 1 "$1"; else
		awk -v n="$1" 'BEGIN{for (i = 0; i < 4; i++) print 1 + int(i * (n - 1) / 3)}' | uniq; fi
}

tried=0 crashed=0 unfinished=0 corrupt=0 half=0 lost_once=0 lost_always=0
for op in write sync lock; do
	case $op in write) total=$W ;; sync) total=$S ;; lock) total=$L ;; esac
	for mode in once always; do
		for n in $(points "$total"); do
			tried=$((tried + 1))
			rm -f "$TMP"/f.db*
			cp "$TMP/template.db" "$TMP/f.db"
			run "$TMP/two.script" "$TMP/f.db" "$op:$n:$mode"
			rc=$?
			what="$op #$n $mode"
			if [ "$rc" -ge 128 ] || [ "$rc" -eq 1 ]; then
				crashed=$((crashed + 1)); echo "    $what: exit $rc"; tail -3 "$TMP/run.err" | sed 's/^/      /'
			elif [ "$rc" -ne 0 ]; then
				unfinished=$((unfinished + 1)); echo "    $what: script stopped (exit $rc)"
			fi
			ic=$(sqlite3 "$TMP/f.db" 'PRAGMA integrity_check' 2>&1)
			[ "$ic" = ok ] || { corrupt=$((corrupt + 1)); echo "    $what: $ic"; continue; }
			bad=$(sqlite3 "$TMP/f.db" "select
				(select count(*) from session s where (select count(*) from answer a where a.session = s.id) != $Q
					or (select count(*) from chapter c where c.session = s.id) != $C)
				+ (select count(*) from answer where session not in (select id from session))
				+ (select count(*) from chapter where session not in (select id from session))" 2>&1)
			[ "$bad" = 0 ] || { half=$((half + 1)); echo "    $what: half-written: $bad"; }
			got=$(sqlite3 "$TMP/f.db" 'select count(*) from session' 2>/dev/null || echo 0)
			if [ "$got" -lt 3 ]; then
				[ $mode = once ] && { lost_once=$((lost_once + 3 - got)); echo "    $what: $got of 3 sessions saved"; }
				[ $mode = always ] && lost_always=$((lost_always + 3 - got))
			fi
		done
	done
done
echo "iofault: fault points tried $tried, crashes $crashed, scripts stopped $unfinished," \
	"databases failing their check $corrupt, half-written sessions $half," \
	"sessions not saved after one fault $lost_once, after faults from then on $lost_always" \
	"(those wait in the in-memory queue and are lost when the kiosk stops)"
check "iofault: $tried fault points, no crash" test "$crashed" -eq 0
check "iofault: $tried fault points, the person never noticed (scripts ran to the end)" test "$unfinished" -eq 0
check "iofault: $tried fault points, every database opens and passes integrity_check" test "$corrupt" -eq 0
check "iofault: $tried fault points, no half-written session" test "$half" -eq 0
check "iofault: a single fault loses no session (retried)" test "$lost_once" -eq 0
