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

display=:$((50 + $$ % 40))
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
sleep 1.5
DISPLAY=$display SDL_VIDEODRIVER=x11 "$KIOSK" --trace --config "$TMP/kiosk.yaml" --content "$MINI" \
	>"$TMP/x.trace" 2>"$TMP/x.err" &
kpid=$!
sleep 3
click() { DISPLAY=$display xdotool mousemove $1 $2 click 1; sleep 1; }
click 640 360
click $fr
click $ch
DISPLAY=$display xdotool key Escape alt+F4
sleep 1
alive=0
kill -0 $kpid 2>/dev/null && alive=1
kill -TERM $kpid 2>/dev/null
wait $kpid
kill $xpid 2>/dev/null
wait $xpid 2>/dev/null
check "xvfb: a click on the attract screen opens the language screen" grep -q '^screen language' "$TMP/x.trace"
check "xvfb: clicking Français at ($fr) opens home" grep -q '^screen home' "$TMP/x.trace"
check "xvfb: clicking a chapter card at ($ch) opens it" grep -q '^screen chapter' "$TMP/x.trace"
check "xvfb: Escape and Alt+F4 do not close the full-screen kiosk" test "$alive" -eq 1
