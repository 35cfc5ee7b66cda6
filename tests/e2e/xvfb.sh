#!/bin/sh
# The kiosk in a real X window under Xvfb, clicked with xdotool like a mouse
# user would: attract → language → home → a chapter.
. tests/lib.sh
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { fail "xvfb" "Xvfb or xdotool missing"; exit 1; }

# Where the controls are at this size, learned from the headless mode.
printf 'tap 0.5 0.5\ncontrols\npress Français\ncontrols\n' >"$TMP/where.txt"
"$KIOSK" --headless --script "$TMP/where.txt" --size 1280x720 --config "$TMP/kiosk.yaml" \
	--content "$MINI" >"$TMP/where.out" 2>/dev/null
centre() { # label -> "x y"
	grep " $1\$" "$TMP/where.out" | head -1 | awk '{print int($2 + $4 / 2), int($3 + $5 / 2)}'
}
fr=$(centre "Français")
ch=$(centre "Qui me voit ?")

start_xvfb
DISPLAY=$display SDL_VIDEODRIVER=x11 "$KIOSK" --trace --config "$TMP/kiosk.yaml" --content "$MINI" \
	>"$TMP/x.trace" 2>"$TMP/x.err" &
kpid=$!
wait_for "$TMP/x.err" "first frame shown" || fail "xvfb" "no first frame: $(head -c 300 "$TMP/x.err")"
# Each click waits for the screen it opens (the trace line), not a second.
# The kiosk ignores taps within 400 ms of a screen change (flow.h): a person
# reads first; so does this script, for half a second.
click() { # x y screen-it-opens
	sleep 0.5
	DISPLAY=$display xdotool mousemove $1 $2 click 1
	wait_for "$TMP/x.trace" "screen $3" 60
}
click 640 360 language
click $fr home
click $ch chapter
# Alt+F4, then Escape (one screen back, focus.c): Escape's screen is the
# event that shows both keys were handled, the kiosk still up.
DISPLAY=$display xdotool key alt+F4 Escape
i=0
while [ "$(grep -c '^screen home' "$TMP/x.trace")" -lt 2 ] && [ $i -lt 1200 ] && kill -0 $kpid 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
alive=0
kill -0 $kpid 2>/dev/null && alive=1
kill -TERM $kpid 2>/dev/null
wait $kpid
kill $xpid 2>/dev/null
wait $xpid 2>/dev/null
check "xvfb: a click on the attract screen opens the language screen" grep -q '^screen language' "$TMP/x.trace"
check "xvfb: clicking Français at ($fr) opens home" grep -q '^screen home' "$TMP/x.trace"
check "xvfb: clicking a chapter card at ($ch) opens it" grep -q '^screen chapter' "$TMP/x.trace"
check "xvfb: Alt+F4 and Escape do not close the full-screen kiosk (Escape goes one screen back)" \
	sh -c "[ $alive -eq 1 ] && [ \$(grep -c '^screen home' '$TMP/x.trace') -eq 2 ]"
