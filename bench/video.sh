#!/bin/sh
# Video figures, printed (never asserted): the time from the tap on "watch
# the video" to the first video frame on screen, and the kiosk's CPU use
# while it plays a 720p H.264/AAC clip. Headless, so drawing is done by
# SDL's software renderer: a kiosk with a GPU spends less.
BUILD=${BUILD:-build}
# The first-frame line is a debug line (per session: PRIVACY.md).
export KIOSK_DEBUG=1
K=$BUILD/kiosk
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
command -v ffmpeg >/dev/null || { echo "bench video: ffmpeg is not installed"; exit 1; }

cp -r tests/fixtures/mini "$T/mod"
ffmpeg -nostdin -v error -y -f lavfi -i testsrc2=s=1280x720:r=30:d=30 -f lavfi \
	-i sine=f=440:d=30 -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest \
	"$T/mod/videos/public-fr.mp4" || exit 1
printf 'database: %s\n' "$T/k.db" >"$T/k.yaml"

# 1. Tap to first frame, 10 times in one process (the first one pays for
# libVLC's first decoder load).
{
	printf 'tap 0.5 0.5\npress Français\npress Qui me voit ?\n'
	for i in 1 2 3 4 5 6 7 8 9 10; do
		printf 'press Voir la vidéo\nwait 1000\npress Retour\n'
	done
} >"$T/open.script"
"$K" --headless --script "$T/open.script" --config "$T/k.yaml" --content "$T/mod" \
	--size 1280x720 >/dev/null 2>"$T/open.err"
sed -n 's/.*first frame on screen after \([0-9]*\) ms/\1/p' "$T/open.err" | sort -n >"$T/ms"
n=$(wc -l <"$T/ms")
if [ "$n" -gt 0 ]; then
	first=$(sed -n 's/.*first frame on screen after \([0-9]*\) ms/\1/p' "$T/open.err" | head -1)
	echo "video: tap to first frame: median $(sed -n "$(((n + 1) / 2))p" "$T/ms") ms," \
		"min $(head -1 "$T/ms") ms, max $(tail -1 "$T/ms") ms, first $first ms ($n runs, 720p H.264)"
else
	echo "video: no first frame measured; log:"
	tail -5 "$T/open.err"
fi

# 2. CPU while playing: 10 s of a 720p clip, from the kiosk's own counters.
printf 'tap 0.5 0.5\npress Français\npress Qui me voit ?\npress Voir la vidéo\nwait 16000\n' \
	>"$T/play.script"
"$K" --headless --script "$T/play.script" --config "$T/k.yaml" --content "$T/mod" \
	--size 1280x720 >/dev/null 2>"$T/play.err" &
pid=$!
i=0
while ! grep -q "first frame" "$T/play.err" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 2
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks)
s0=$(date +%s.%N)
sleep 10
t1=$(ticks)
s1=$(date +%s.%N)
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
wait $pid
echo "$t0 $t1 $s0 $s1 $hz $rss" | awk '{ printf "video: CPU while playing 720p30: %.0f %% of one core (%d CPUs here), RSS %d MB\n", ($2 - $1) / $5 / ($4 - $3) * 100, '"$(nproc)"', $6 / 1024 }'
