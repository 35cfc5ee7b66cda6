#!/bin/sh
# The cost of one frame in instructions, repeatable on a loaded machine
# (wall-clock times are not): the kiosk under callgrind in Xvfb 1920x1080
# (Mesa's software renderer), N taps on the text-size toggle of a screen
# (each tap lays the whole screen out again and draws it), instructions
# counted only between the first and the last of them, over every thread
# (llvmpipe's rasteriser threads draw the frame).
#   sh bench/frame_cost.sh [chapter|quiz]   (BUILD=build, N=8)
#   prints: SCREEN: F frames, I instructions, I/F per frame
# The profile stays in $OUT (callgrind_annotate it).
BUILD=${BUILD:-build}
K=${K:-$BUILD/kiosk}
N=${N:-8}
SCREEN=${1:-chapter}
OUT=${OUT:-$BUILD/bench/frame-$SCREEN.callgrind}
for t in Xvfb xdotool valgrind callgrind_control; do
	command -v $t >/dev/null || { echo "frame_cost: $t is not installed (make deps-test)"; exit 1; }
done
T=$(mktemp -d)
XPID=
KP=
cleanup() {
	[ -n "$KP" ] && kill "$KP" 2>/dev/null
	[ -n "$XPID" ] && kill "$XPID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
D=:$((520 + $$ % 200))
Xvfb "$D" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
sleep 1
export DISPLAY=$D SDL_AUDIODRIVER=dummy
cp -r tests/fixtures/mini "$T/mod"
printf 'database: %s/k.db\nidle_timeout_s: 600\nstill_there_s: 20\n' "$T" >"$T/k.yaml"
# Where the controls are, from the headless mode at the same size.
controls() { printf "$1" >"$T/w.script" && "$K" --headless --script "$T/w.script" \
	--size 1920x1080 --config "$T/k.yaml" --content "$T/mod" 2>/dev/null; }
centre() { grep " $1\$" | head -1 | awk '{ print int($2 + $4 / 2), int($3 + $5 / 2) }'; }
FR=$(controls 'tap 0.5 0.5\ncontrols\n' | centre Français)
CARD=$(controls 'tap 0.5 0.5\npress Français\ncontrols\n' | centre "Qui me voit ?")
QUIZ=$(controls 'tap 0.5 0.5\npress Français\npress Qui me voit ?\ncontrols\n' | centre "Répondre aux questions")
TOGGLE=$(controls 'tap 0.5 0.5\npress Français\ncontrols\n' | centre "Texte plus grand")
count() { grep -c "^bench-trace $1 " "$T/s.err"; }
wait_count() { # EVENT N (up to 60 s: callgrind is slow)
	_n=0
	while [ "$(count "$1")" -lt "$2" ]; do
		_n=$((_n + 1))
		[ $_n -gt 600 ] && return 1
		sleep 0.1
	done
}
shown() { awk '$2 == "screen" { s = $4 } END { print s }' "$T/s.err"; }
# go SCREEN X Y: click there until SCREEN is shown (callgrind is slow).
go() {
	for _try in 1 2 3 4 5; do
		xdotool mousemove $2 $3 click 1
		_n=0
		while [ "$(shown)" != "$1" ] && [ $_n -lt 100 ]; do
			_n=$((_n + 1))
			sleep 0.1
		done
		[ "$(shown)" = "$1" ] && return 0
	done
	echo "frame_cost: $1 not reached"
	exit 1
}
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT" "$K" --bench-trace \
	--config "$T/k.yaml" --content "$T/mod" >/dev/null 2>"$T/s.err" &
KP=$!
wait_count ready 1 || { echo "frame_cost: the kiosk did not start"; exit 1; }
sleep 2
go language 960 540
sleep 2
go home $FR
sleep 2
go chapter $CARD
sleep 3
if [ "$SCREEN" = quiz ]; then
	go quiz $QUIZ
	sleep 3
fi
# Both text sizes once, so that their texts are made before counting.
xdotool mousemove $TOGGLE
n=$(count tap-present)
for i in 1 2; do
	xdotool click 1
	wait_count tap-present $((n + i))
	sleep 0.5
done
f0=$(count frame)
n=$(count tap-present)
callgrind_control -i on $KP >/dev/null 2>&1
for i in $(seq "$N"); do
	xdotool click 1
	wait_count tap-present $((n + i)) || break
	sleep 0.3
done
callgrind_control -i off $KP >/dev/null 2>&1
f1=$(count frame)
callgrind_control -d $KP >/dev/null 2>&1
sleep 1
kill $KP
wait $KP 2>/dev/null
KP=
ir=$(callgrind_annotate "$OUT".1 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
mv "$OUT".1 "$OUT" 2>/dev/null
echo "$ir $((f1 - f0))" | awk -v s="$SCREEN" '$2 > 0 {
	printf "%s: %d frames, %.1f M instructions, %.1f M per frame\n", s, $2, $1 / 1e6, $1 / 1e6 / $2 }'
