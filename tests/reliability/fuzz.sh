#!/bin/sh
# Fuzzing, short: each libFuzzer harness of mk/fuzz.mk (settings, module,
# subtitles, opening hours, script lines) runs its seeds (tests/fuzz/seeds/NAME) and then
# FUZZ_SHORT seconds (2) of mutations. `make fuzz` runs each for
# FUZZ_SECONDS (60) and keeps what it finds. Prints
# "fuzz NAME: N executions, N findings" per harness.
. tests/lib.sh
command -v clang >/dev/null || { fail "fuzz" "clang is not installed (make deps-test)"; exit 1; }
SECONDS_EACH=${FUZZ_SHORT:-2}
make --no-print-directory -s -j"$(nproc)" BUILD="$BUILD" fuzz-build >"$TMP/build.log" 2>&1
check "fuzz: the harnesses build with clang" test $? -eq 0 || { tail -20 "$TMP/build.log"; exit 1; }
for n in settings module srt hours script; do
	mkdir -p "$TMP/$n-corpus" "$TMP/$n-art"
	(cd "$TMP" && ASAN_OPTIONS=detect_leaks=1 "$ROOT/$BUILD/fuzz/fuzz_$n" -max_total_time="$SECONDS_EACH" \
		-max_len=65536 -timeout=10 -rss_limit_mb=2048 -close_fd_mask=2 -print_final_stats=1 \
		-artifact_prefix="$TMP/$n-art/" "$n-corpus" "$ROOT/tests/fuzz/seeds/$n" >"$TMP/$n.log" 2>&1)
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$TMP/$n.log")
	found=$(ls "$TMP/$n-art" | wc -l)
	echo "fuzz $n: ${runs:-0} executions in ${SECONDS_EACH}s, $found findings"
	check "fuzz $n: no finding (exit $rc)" sh -c "[ $rc -eq 0 ] && [ $found -eq 0 ]"
	[ "$found" -eq 0 ] || grep -E 'ERROR|SUMMARY|runtime error' "$TMP/$n.log" | head -5 | sed 's/^/    /'
done
