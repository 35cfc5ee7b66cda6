#!/bin/sh
# Stress: open a video, let it play, leave it, 40 times in one kiosk
# process (VIDEO_STRESS_CYCLES; `make reliability`: 200). Every cycle must
# show a new real frame; memory and threads must not grow (players are
# stopped and freed by the worker); the process must end on its own. Under
# `make asan`, LeakSanitizer checks every allocation at exit as well. The
# memory bound (40 MB from the second quarter to the last) catches a leak
# of about 2 MB a cycle in 40 cycles, 0.4 MB a cycle in 200.
BUILD=${BUILD:-build}
# The first-frame line is a debug line (per session: PRIVACY.md).
export KIOSK_DEBUG=1
K=$BUILD/kiosk
PROBE=$BUILD/tools/pngprobe
N=${VIDEO_STRESS_CYCLES:-40}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

command -v ffmpeg >/dev/null || { fail setup "ffmpeg is not installed"; exit 1; }
[ -x "$K" ] && [ -x "$PROBE" ] || { fail setup "build $K and $PROBE first"; exit 1; }

cp -r tests/fixtures/mini "$T/mod"
ffmpeg -nostdin -v error -y -f lavfi -i color=c=red:s=640x360:r=25:d=30 -f lavfi \
	-i sine=f=440:d=30 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest \
	"$T/mod/videos/public-fr.mp4" || { fail setup "ffmpeg failed"; exit 1; }
printf 'database: %s\n' "$T/k.db" >"$T/k.yaml"

{
	printf 'tap 0.5 0.5\npress Français\npress Qui me voit ?\n'
	i=0
	while [ $i -lt "$N" ]; do
		# Each cycle waits for its video's first picture (however long a
		# loaded machine takes), then 450 ms: taps closer than 400 ms to a
		# screen change are ignored (flow.h).
		printf 'press Voir la vidéo\nwait-frame\nwait 450\n'
		printf 'quick-tap 0.066 0.064\nexpect chapter\n' # the header's back button
		i=$((i + 1))
	done
	printf 'press Voir la vidéo\nwait-frame\nwait 500\nshot last\nexpect video\n'
} >"$T/stress.script"

# LeakSanitizer: libVLC and fontconfig leave ~20 kB at exit whatever
# happens, in plugins already unloaded (no symbols to suppress). A leak of
# ours grows with the cycles: compare with a run that plays nothing.
leaked() { sed -n 's/.*SUMMARY: AddressSanitizer: \([0-9]*\) byte.*/\1/p' "$1" | head -1; }
if [ -n "$KIOSK_ASAN" ]; then
	[ -f tests/lsan.supp ] || unset LSAN_OPTIONS
	printf 'tap 0.5 0.5\n' >"$T/base.script"
	"$K" --headless --script "$T/base.script" --config "$T/k.yaml" --content "$T/mod" \
		--size 640x360 >/dev/null 2>"$T/base.err"
	base=$(leaked "$T/base.err")
fi

mkdir -p "$T/shots"
start=$(date +%s)
timeout 900 "$K" --headless --script "$T/stress.script" --config "$T/k.yaml" \
	--content "$T/mod" --shots "$T/shots" --size 640x360 >/dev/null 2>"$T/err" &
pid=$!
# The kiosk's pid is timeout's child, there once timeout has started it.
kpid=""
i=0
while [ -z "$kpid" ] && kill -0 $pid 2>/dev/null && [ $i -lt 1200 ]; do
	kpid=$(pgrep -P $pid | head -1)
	[ -n "$kpid" ] || sleep 0.05
	i=$((i + 1))
done
: >"$T/samples"
while kill -0 $pid 2>/dev/null; do
	[ -n "$kpid" ] && awk '/^VmRSS/ { r = $2 } /^Threads/ { t = $2 } END { if (r) print r, t }' \
		"/proc/$kpid/status" 2>/dev/null >>"$T/samples"
	sleep 1
done
wait $pid
rc=$?
took=$(($(date +%s) - start))

if [ -n "$KIOSK_ASAN" ] && [ $rc -ne 0 ]; then
	got=$(leaked "$T/err")
	if [ -n "$got" ] && [ "$got" = "${base:-0}" ]; then
		pass "LeakSanitizer: ${got} bytes leaked, the same as libVLC alone (nothing per cycle)"
		rc=0
	else
		fail "leaks" "${got:-?} bytes leaked after $N cycles, ${base:-0} without video"
		grep -A4 "^Direct leak" "$T/err" | head -20
	fi
fi
[ $rc -eq 0 ] && pass "$N open/play/leave cycles ran and the kiosk ended by itself (${took}s)" ||
	fail "cycles" "exit status $rc; $(grep -v '^<6>' "$T/err" | tail -3 | tr '\n' ' ')"
frames=$(grep -c "first frame on screen" "$T/err")
[ "$frames" -eq $((N + 1)) ] && pass "every cycle showed a new real frame ($frames)" ||
	fail "frames" "$frames first frames for $((N + 1)) videos"
grep -q "^<3>" "$T/err" && fail "errors" "$(grep -m1 '^<3>' "$T/err")" || pass "no error logged"
$PROBE pixel "$T/shots/last.png" 320 150 | awk '{ exit !($1 > 200 && $2 < 60 && $3 < 60) }' &&
	pass "after the cycles, frames still reach the screen" ||
	fail "last frame" "pixel 640,300 is $($PROBE pixel "$T/shots/last.png" 320 150 2>&1)"

n=$(wc -l <"$T/samples")
if [ "$n" -ge 8 ]; then
	q=$((n / 4))
	early=$(sed -n "$q,$((2 * q))p" "$T/samples" | sort -n | tail -1)
	late=$(tail -n "$q" "$T/samples" | sort -n | tail -1)
	set -- $early $late
	grow=$((($3 - $1) / 1024))
	echo "rss: ${1} kB early, ${3} kB late; threads ${2} early, ${4} late"
	[ "$grow" -lt 40 ] && pass "memory flat over the cycles (+${grow} MB)" ||
		fail "memory" "grew by ${grow} MB from the first to the last quarter"
	# One player more in either window is not a pile-up: the chapter's
	# prerolled video (context/player_life.c) has about 7 threads of its own. A
	# thread left behind by each cycle would add hundreds.
	[ "$4" -le $(($2 + 10)) ] && pass "threads do not pile up (${2} -> ${4})" ||
		fail "threads" "${2} threads early, ${4} late"
else
	fail "samples" "only $n memory samples"
fi
