#!/bin/sh
# Soak: complete sessions one after the other in one kiosk process on the
# virtual clock (--video-time fast), each with a chapter video watched to
# its end, the chapter's questions, the final quiz and the result; every
# 10th session in English. Resident memory and open descriptors are sampled
# every SOAK_SESSIONS/20 sessions, and printed as they come ("soak: so
# far N sessions ..."). Prints "soak: N sessions, ...".
# SOAK_SESSIONS (10; `make reliability`: 10,000).
. tests/lib.sh
N=${SOAK_SESSIONS:-10}
EVERY=$((N / 20))
[ "$EVERY" -gt 0 ] || EVERY=1
{
	echo "sample"
	for i in $(seq "$N"); do
		lang=Français
		[ $((i % 10)) -eq 0 ] && lang=English
		echo "tap 0.5 0.5"
		echo "press $lang"
		echo "press @chapter.1"
		echo "press @ui.watch_video"
		echo "expect video"
		# The 4 s video, and its opening, which takes real time (seconds
		# on a loaded machine); then the quiz waits (idle timeout 90 s).
		echo "wait 30000"
		echo "expect quiz"
		echo "answer-all right"
		echo "press @ui.start_quiz"
		echo "answer-all right"
		echo "expect result"
		echo "press @ui.finish"
		echo "expect attract"
		[ $((i % EVERY)) -eq 0 ] && echo "sample"
	done
} >"$TMP/soak.script"
start=$(date +%s)
"$KIOSK" --headless --script "$TMP/soak.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 800x450 --video-time fast >"$TMP/soak.out" 2>"$TMP/soak.err" &
pid=$!
# Intermediate figures as the samples come (a long run stopped early still
# gives one): sessions so far (each saved before its result shows), memory,
# descriptors.
tail -n +1 -f --pid=$pid "$TMP/soak.out" 2>/dev/null | {
	n=0
	while read -r what _ rss _ fds _ _ _ _ _ anon _ file _ texts _ text_kb; do
		[ "$what" = sample ] || continue
		echo "soak: so far $((n * EVERY)) sessions in $(($(date +%s) - start))s, rss $rss kB" \
			"(anonymous $anon, files $file), fds $fds, text cache $texts texts $text_kb kB"
		n=$((n + 1))
	done
} &
follow=$!
wait $pid
rc=$?
wait $follow 2>/dev/null
secs=$(($(date +%s) - start))
stored=$(sqlite3 "$TMP/kiosk.db" 'select count(*) from session where ended = 0' 2>/dev/null)
awk '/^sample /{print $3, $5}' "$TMP/soak.out" >"$TMP/samples"
n=$(wc -l <"$TMP/samples")
# Warm-up: the first quarter of the samples.
w=$((n / 4 + 1))
set -- $(sed -n "${w}p" "$TMP/samples")
warm=${1:-0} fds_warm=${2:-0}
set -- $(tail -1 "$TMP/samples")
end=${1:-0} fds_end=${2:-0}
peak=$(tail -n +"$w" "$TMP/samples" | awk '$1 > m {m = $1} END{print m + 0}')
growth=$(awk -v w="$warm" -v p="$peak" 'BEGIN{printf "%.1f", (w > 0 ? (p - w) * 100 / w : 99)}')
echo "soak: $N sessions in ${secs}s (virtual $(awk '/^sample /{v=$7} END{printf "%.1f", v / 3600000}' "$TMP/soak.out") h)," \
	"$stored stored as finished, rss after warm-up $warm kB, peak after $peak kB, end $end kB" \
	"(growth ${growth}%), fds after warm-up $fds_warm, at the end $fds_end"
check "soak: $N complete sessions ran (exit $rc)" test "$rc" -eq 0
[ "$rc" -eq 0 ] || tail -5 "$TMP/soak.err" | sed 's/^/    /'
check "soak: every one stored as finished ($stored)" test "${stored:-0}" -eq "$N"
check "soak: open descriptors flat after warm-up ($fds_warm -> $fds_end)" \
	test "$((fds_end - fds_warm))" -le 1
# The 5 % target is checked from 1,000 sessions on: a shorter run is still
# in its warm-up (allocator arenas, SQLite's page cache, the text cache and
# posters filling to their bounds; about 2 MB, 6 % of script mode's 33 MB),
# like the monkey's from 20,000 events. tests/reliability/memory.sh is the
# short memory check.
if [ -z "${KIOSK_ASAN:-}" ] && [ "$N" -ge 1000 ]; then
	check "soak: memory flat after warm-up (growth ${growth}% < 5%)" \
		awk -v g="$growth" 'BEGIN{exit !(g != "" && g + 0 < 5)}'
fi
