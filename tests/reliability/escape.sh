#!/bin/sh
# Escape: every key combo of the monkey (tests/tools/monkey.c), typed into
# the full-screen kiosk under Xvfb with xdotool, leaves it running, mapped
# and covering the whole screen; in script mode the same combos and window
# close requests leave the kiosk on its screen. Prints "escape: N combos,
# N left the kiosk".
. tests/lib.sh
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { fail "escape" "Xvfb or xdotool missing"; exit 1; }

# The combos in xdotool's spelling, from the monkey's list.
COMBOS="alt+F4 Escape ctrl+q ctrl+w alt+Tab super super+d ctrl+alt+BackSpace ctrl+alt+Delete
F11 ctrl+c alt+Escape ctrl+alt+F2 alt+space ctrl+shift+Escape Tab shift+Tab Return space
Left Right Up Down BackSpace a Home End Next F1 ctrl+equal"

# Script mode: every combo and close requests, from the attract screen and
# inside a session. Keys may move between screens (Escape goes back, Return
# activates: tests/e2e), but none may end the kiosk: the last line runs.
{
	echo "expect attract"
	for c in $(grep -o '"[a-z+=0-9 ]*"' tests/tools/monkey.c | tr -d '"' | tr ' ' '_'); do
		echo "key $c" | tr '_' ' '
		echo "quit-event"
	done
	echo "tap 0.5 0.5"
	echo "press Français"
	for c in alt+f4 ctrl+q ctrl+w alt+tab ctrl+alt+delete; do echo "key $c"; done
	echo "quit-event"
	echo "expect home"
	echo "sample"
} >"$TMP/esc.script"
"$KIOSK" --headless --script "$TMP/esc.script" --config "$TMP/kiosk.yaml" --content "$MINI" \
	--size 1280x720 >"$TMP/esc.out" 2>"$TMP/esc.err"
rc=$?
check "escape: script mode, every combo and close request leaves the kiosk running (exit $rc)" \
	sh -c "[ $rc -eq 0 ] && grep -q '^sample' '$TMP/esc.out'"

start_xvfb
DISPLAY=$display SDL_VIDEODRIVER=x11 "$KIOSK" --trace --config "$TMP/kiosk.yaml" --content "$MINI" \
	>"$TMP/x.trace" 2>"$TMP/x.err" &
kpid=$!
wait_for "$TMP/x.err" "first frame shown" || fail "escape window" "no first frame: $(head -c 300 "$TMP/x.err")"
win=$(DISPLAY=$display xdotool search --pid $kpid 2>/dev/null | tail -1)
geometry() {
	DISPLAY=$display xwininfo -id "$win" 2>/dev/null |
		awk '/Width:/{w=$2} /Height:/{h=$2} /Map State:/{m=$3} END{print w "x" h, m}'
}
full="1280x720 IsViewable"
n=0
left=0
for c in $COMBOS; do
	n=$((n + 1))
	DISPLAY=$display xdotool key --clearmodifiers "$c" 2>/dev/null
	sleep 0.3
	if ! kill -0 $kpid 2>/dev/null || [ "$(geometry)" != "$full" ]; then
		left=$((left + 1))
		echo "    after $c: $(kill -0 $kpid 2>/dev/null && echo running || echo gone), $(geometry)"
		kill -0 $kpid 2>/dev/null || break
	fi
done
kill -TERM $kpid 2>/dev/null
wait $kpid
kill $xpid 2>/dev/null
wait $xpid 2>/dev/null
echo "escape: $n combos typed into the full-screen kiosk, $left left it or its full screen"
check "escape: the window was found (${win:-none})" test -n "$win"
check "escape: after each of $n combos the kiosk runs full-screen and mapped" test "$left" -eq 0
