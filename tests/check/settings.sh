#!/bin/sh
# kiosk --check on the start-up inputs: a missing module folder, a bad
# setting and bad opening hours each give exit 2 and the FILE:LINE:COL to
# fix; the test module with the test settings is valid (exit 0).
. tests/lib.sh

"$KIOSK" --check --content "$TMP/nowhere" >"$TMP/c1.out" 2>&1
check "--check: missing module folder → exit 2 with the path" sh -c "[ $? -eq 2 ] && grep -q 'nowhere/module.yaml' $TMP/c1.out"
printf 'idle_timeout_s: soon\n' >"$TMP/bad.yaml"
"$KIOSK" --check --config "$TMP/bad.yaml" --content "$MINI" >"$TMP/c2.out" 2>&1
check "--check: bad setting → exit 2 with FILE:LINE:COL" sh -c "[ $? -eq 2 ] && grep -q 'bad.yaml:1:' $TMP/c2.out"
printf 'opening_hours:\n  mon: "25:00-26:00"\n' >"$TMP/badhours.yaml"
"$KIOSK" --check --config "$TMP/badhours.yaml" --content "$MINI" >"$TMP/bh.out" 2>&1
check "--check: bad opening hours → exit 2 with position" sh -c "[ $? -eq 2 ] && grep -q 'badhours.yaml:2:' $TMP/bh.out"
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$MINI" >"$TMP/c3.out" 2>&1
check "--check: the mini module is valid" test $? -eq 0
