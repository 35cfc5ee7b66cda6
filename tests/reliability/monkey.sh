#!/bin/sh
# Monkey: a seeded random stream of taps, swipes, long presses, key combos
# and close requests (tests/tools/monkey.c) over the real screens and videos
# of the shipped module, headless with --video-time fast. Prints the figures
# of RELIABILITY.md: events, screen changes, crashes, unexpected exits,
# sanitizer findings, resident memory after warm-up and at the end.
# MONKEY_EVENTS (2,000; `make reliability`: 100,000), MONKEY_SEED (1).
# Under `make asan` (KIOSK_ASAN=1) the memory target is not checked: ASan's
# quarantine holds freed memory on purpose. tests/reliability/memory.sh is
# the short memory check.
. tests/lib.sh

EVENTS=${MONKEY_EVENTS:-2000}
SEED=${MONKEY_SEED:-1}
SIZE=${MONKEY_SIZE:-800x450}
EVERY=$((EVENTS / 40))
[ "$EVERY" -gt 0 ] || EVERY=1
MONKEY="$ROOT/$BUILD/tools/monkey"
[ -x "$MONKEY" ] || MONKEY="$ROOT/build/tools/monkey"

"$MONKEY" "$SEED" "$EVENTS" 3000 "$EVERY" >"$TMP/monkey.script"
start=$(date +%s)
"$KIOSK" --headless --script "$TMP/monkey.script" --config "$TMP/kiosk.yaml" \
	--content "$ROOT/assets/modules/tu-me-suis" --size "$SIZE" --trace --video-time fast \
	>"$TMP/monkey.out" 2>"$TMP/monkey.err" &
pid=$!
# Intermediate figures as the samples come (a long run stopped early still
# gives one): events so far, resident memory, descriptors.
tail -n +1 -f --pid=$pid "$TMP/monkey.out" 2>/dev/null | {
	n=0
	while read -r what _ rss _ fds _ _ _ screen _; do
		[ "$what" = sample ] || continue
		echo "monkey: so far $((n * EVERY)) events in $(($(date +%s) - start))s, rss $rss kB, fds $fds, screen $screen"
		n=$((n + 1))
	done
} &
follow=$!
wait $pid
rc=$?
wait $follow 2>/dev/null
secs=$(($(date +%s) - start))

samples=$(grep -c '^sample ' "$TMP/monkey.out")
want=$(grep -c '^sample' "$TMP/monkey.script")
screens=$(grep -c '^screen ' "$TMP/monkey.out")
crashes=0
[ "$rc" -ge 128 ] || [ "$rc" -eq 1 ] && crashes=1
unexpected=0
[ "$crashes" -eq 0 ] && { [ "$rc" -ne 0 ] || [ "$samples" -ne "$want" ]; } && unexpected=1
san=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$TMP/monkey.err")
# Memory is sampled off the screens that hold an open video: the video
# screen, and the chapter screen, whose video is prerolled (paused on its
# first picture, context/player_life.c) once it has been shown 0.6 s. A decoder holds
# ~50 MB of pictures while it is open: that is use, not growth. Warm-up: the first quarter
# of the events; growth: the largest later sample against it. Short runs
# print it; from 20,000 events on (every video met, its poster kept) the
# 5 % target is checked.
awk '/^sample / && $9 != "video" && $9 != "chapter" {print $3}' "$TMP/monkey.out" >"$TMP/rss"
n=$(wc -l <"$TMP/rss")
warm=$(sed -n "$((n / 4 + 1))p" "$TMP/rss")
end=$(tail -1 "$TMP/rss")
peak=$(tail -n +"$((n / 4 + 1))" "$TMP/rss" | sort -n | tail -1)
growth=$(awk -v w="${warm:-0}" -v p="${peak:-0}" 'BEGIN{printf "%.1f", (w > 0 ? (p - w) * 100 / w : 99)}')
# Descriptors on the attract screen only: libVLC lives during a session
# (kiosk/context/player_life.c) with descriptors of its own, let go on attract.
awk '/^sample / && $9 == "attract" {print $5}' "$TMP/monkey.out" >"$TMP/fds"
nf=$(wc -l <"$TMP/fds")
fds_first=$(sed -n "$((nf / 4 + 1))p" "$TMP/fds")
fds_last=$(tail -1 "$TMP/fds")
echo "monkey: seed $SEED, $EVENTS events in ${secs}s, $screens screen changes, crashes $crashes," \
	"unexpected exits $unexpected, sanitizer findings $san, rss warm-up ${warm:-?} kB," \
	"peak after ${peak:-?} kB, end ${end:-?} kB, growth ${growth}%, fds after warm-up $fds_first, at the end $fds_last"

check "monkey: no crash (exit $rc)" test "$crashes" -eq 0
check "monkey: every line ran, the kiosk never left ($samples of $want samples)" \
	test "$unexpected" -eq 0
check "monkey: no sanitizer finding" test "$san" -eq 0
[ "$san" -eq 0 ] || grep -E -A12 'ERROR: |runtime error:' "$TMP/monkey.err" | head -40 | sed 's/^/    /'
check "monkey: the screens changed (seen $screens)" test "$screens" -ge 10
check "monkey: open descriptors after warm-up as many at the end ($fds_first -> $fds_last)" \
	test "$((${fds_last:-99} - ${fds_first:-0}))" -le 1
if [ -z "${KIOSK_ASAN:-}" ] && [ "$EVENTS" -ge 20000 ]; then
	check "monkey: memory flat after warm-up (growth ${growth}% < 5%)" \
		awk -v g="$growth" 'BEGIN{exit !(g != "" && g + 0 < 5)}'
fi
