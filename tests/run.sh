#!/bin/sh
# Runs every suite: the Check unit binaries in $BUILD/tests and the shell
# suites tests/*/*.sh (each prints "PASS name" / "FAIL name: why" lines),
# JOBS at a time (default: twice the machine's cores), longest first. Prints each
# suite's line with its seconds and CPU seconds as it ends, the failures'
# details, the wall time against the sum of the suites' seconds and CPU
# with the load average (a shared machine), and ends with one line
# "N passed, N failed" over all suites.
#   ONLY=pattern   only the suites whose name contains pattern (unit/, e2e/…)
#   JOBS=N         how many suites run at once (default twice the cores;
#                  JOBS=1: one after another)
#   SUITE_TIMEOUT  seconds before a suite counts as hung (default 1800)
# A suite whose first lines hold "# run.sh: alone" runs after the others,
# by itself (it measures the machine or holds something exclusive).
BUILD=${BUILD:-build}
export BUILD
# Twice the cores: most suites wait on a kiosk, a browser or a socket as
# much as they compute (2 cores: 708 s of suites with JOBS=2, 423 s with 4).
JOBS=${JOBS:-$((2 * $(nproc 2>/dev/null || echo 1)))}
export SUITE_TIMEOUT=${SUITE_TIMEOUT:-1800}
logdir="$BUILD/test-logs"
rm -rf "$logdir"
mkdir -p "$logdir"
export logdir

# Seconds each suite took last time on this machine, else the committed
# figures (tests/durations): the longest start first, so the cores stay busy.
times="$BUILD/suite-seconds"
[ -f "$times" ] || cp tests/durations "$times" 2>/dev/null || : >"$times"
seconds_of() { awk -v n="$1" '$2 == n { print $1; f = 1 } END { if (!f) print 60 }' "$times"; }

: >"$logdir/parallel" && : >"$logdir/alone"
add() { # name
	case "$1" in *"${ONLY:-}"*) ;; *) return ;; esac
	list=parallel
	case "$1" in unit/*) ;; *) head -n 12 "tests/$1" | grep -q '^# run.sh: alone' && list=alone ;; esac
	echo "$(seconds_of "$1") $1" >>"$logdir/$list"
}
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] && add "unit/${t##*/}"
done
for s in tests/*/*.sh; do
	[ -f "$s" ] || continue
	case "$s" in tests/tools/*) continue ;; esac # helpers the suites call, not suites
	add "${s#tests/}"
done

start=$(date +%s)
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
sort -rn "$logdir/parallel" | awk '{ print $2 }' | xargs -r -n 1 -P "$JOBS" sh tests/run_one.sh
sort -rn "$logdir/alone" | awk '{ print $2 }' | xargs -r -n 1 -P 1 sh tests/run_one.sh
wall=$(($(date +%s) - start))

total_pass=0
total_fail=0
total_secs=0
total_cpu=0
for r in "$logdir"/*.res; do
	[ -f "$r" ] || continue
	read -r name p f secs cpu <"$r"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_secs=$((total_secs + secs))
	total_cpu=$((total_cpu + ${cpu:-0}))
	echo "$secs $name" >>"$logdir/seconds"
	if [ "$f" -gt 0 ]; then
		echo "FAILED $name:"
		grep -E '^FAIL |:[FE]:' "$logdir/$(echo "$name" | tr '/' '_').log" | sed 's/^/    /' | head -40
		echo "    (full log: $logdir/$(echo "$name" | tr '/' '_').log)"
	fi
done
# Remember this run's seconds for the next order (suites not run keep theirs).
if [ -f "$logdir/seconds" ]; then
	awk 'NR == FNR { s[$2] = $1; next } !($2 in s) { print } END { for (n in s) print s[n], n }' \
		"$logdir/seconds" "$times" | sort -k2 >"$times.new" && mv "$times.new" "$times"
fi
echo "all suites: ${wall} s with JOBS=$JOBS; the suites' own seconds add up to ${total_secs} s, their CPU to ${total_cpu} s; load average ${load0:-?} at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at the end"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
