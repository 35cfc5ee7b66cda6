#!/bin/sh
# Runs every suite: the Check unit binaries in $BUILD/tests and the shell
# suites tests/*/*.sh (each prints "PASS name" / "FAIL name: why" lines).
# Ends with one line "N passed, N failed" over all suites.
# ONLY=pattern runs only the suites whose path matches.
BUILD=${BUILD:-build}
export BUILD
total_pass=0
total_fail=0
logdir="$BUILD/test-logs"
mkdir -p "$logdir"

count() { # file pattern
	grep -c "$2" "$1" 2>/dev/null || true
}

run_suite() { # name command...
	name=$1; shift
	log="$logdir/$(echo "$name" | tr '/' '_').log"
	"$@" >"$log" 2>&1
	rc=$?
	# Check prints "N%: Checks: C, Failures: F, Errors: E" per suite; the
	# shell suites print one "PASS name" / "FAIL name: why" line per test.
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
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	printf '%-40s %4d passed, %d failed\n' "$name" "$p" "$f"
	if [ "$f" -gt 0 ]; then
		grep -E '^FAIL |:[FE]:' "$log" | sed 's/^/    /' | head -40
		echo "    (full log: $log)"
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *"${ONLY:-}"*) ;; *) continue ;; esac
	CK_VERBOSITY=verbose CK_DEFAULT_TIMEOUT=60 run_suite "unit/${t##*/}" "$t"
done
for s in tests/*/*.sh; do
	[ -f "$s" ] || continue
	case "$s" in tests/tools/*) continue ;; esac # helpers the suites call, not suites
	case "$s" in *"${ONLY:-}"*) ;; *) continue ;; esac
	run_suite "${s#tests/}" sh "$s"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
