#!/bin/sh
# One suite for tests/run.sh: runs it into its log, counts its PASS/FAIL
# lines (or Check's summary), writes "name passed failed seconds cpu" to
# $logdir/<name>.res and prints one line. cpu: the processor seconds (user
# and system) of the suite and the processes it waited for, from the
# shell's `times`: a suite long in seconds but short in CPU is waiting.
name=$1
base=$(echo "$name" | tr '/' '_')
log="$logdir/$base.log"
t0=$(date +%s)
case "$name" in
unit/*)
	CK_VERBOSITY=verbose CK_DEFAULT_TIMEOUT=60 timeout -k 10 "$SUITE_TIMEOUT" \
		"$BUILD/tests/${name#unit/}" >"$log" 2>&1
	;;
*) timeout -k 10 "$SUITE_TIMEOUT" sh "tests/$name" >"$log" 2>&1 ;;
esac
rc=$?
secs=$(($(date +%s) - t0))
# `times`' second line: the children's user and system time, "0m1.50s
# 0m0.20s" (run here, not in a $(...) subshell, which has no children).
times >"$logdir/$base.times"
cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
	printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] + 0.5 }' "$logdir/$base.times")
[ "$rc" -eq 124 ] && echo "FAIL $name: still running after $SUITE_TIMEOUT s (hung?), killed" >>"$log"
# Check prints "N%: Checks: C, Failures: F, Errors: E" per suite; the shell
# suites print one "PASS name" / "FAIL name: why" line per test.
p=$(grep -Ec '^PASS ' "$log")
f=$(grep -Ec '^FAIL ' "$log")
ck=$(sed -n 's/^[0-9]*%: Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' "$log" |
	awk '{c += $1; bad += $2 + $3} END {if (NR) print c - bad, bad}')
if [ -n "$ck" ]; then
	p=$((p + ${ck% *}))
	f=$((f + ${ck#* }))
fi
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
	echo "FAIL $name: exited with status $rc" >>"$log"
	f=1
fi
echo "$name $p $f $secs ${cpu:-0}" >"$logdir/$base.res"
printf '%-40s %4d passed, %d failed %5d s (cpu %d s)\n' "$name" "$p" "$f" "$secs" "${cpu:-0}"
