#!/bin/sh
# The kiosk cannot be escaped, resets itself when left alone, ignores
# accidental double taps, survives random touches, and stops on SIGTERM.
. tests/lib.sh

run_script escape 1280x720 <<'S'
tap 0.5 0.5
press Français
expect home
key alt+f4
key ctrl+q
key alt+tab
key ctrl+alt+delete
quit-event
wait 1000
expect home
key escape
expect language
key escape
expect home
S
check "kiosk mode: close keys and requests do nothing, Escape only goes back a screen" test $? -eq 0

run_script windowed 1280x720 --windowed <<'S'
tap 0.5 0.5
expect language
key escape
expect attract
tap 0.5 0.5
key ctrl+q
expect attract
S
rc=$?
check "windowed mode: Escape goes back, Ctrl+Q quits (script stops early, exit 0)" sh -c \
	"[ $rc -eq 0 ] && ! grep -q 'expect' $TMP/windowed.err"

run_script idle 1920x1080 <<'S'
shot fresh
tap 0.5 0.5
press Français
press Texte plus grand
press Qui me voit ?
wait 179000
expect chapter
wait 1000
expect still-there
shot still
wait 39000
expect still-there
wait 1000
expect attract
shot after-timeout
S
check "idle with large text: chapter → still-there after 2×90 s → attract after 2×20 s" test $? -eq 0
check "idle: attract after a timeout is pixel-identical to a fresh start" \
	"$PROBE" same "$TMP/idle/fresh.png" "$TMP/idle/after-timeout.png"
check "idle: timed-out session stored as timed out" sh -c \
	"[ \"\$(sqlite3 $TMP/kiosk.db \"select count(*) from session where ended=2\" 2>/dev/null)\" = 1 ]"

run_script still 1280x720 <<'S'
tap 0.5 0.5
press Français
wait 90000
expect still-there
tap 0.5 0.3
expect home
wait 60000
expect home
S
check "still-there: a touch goes back to the same screen, idle restarts" test $? -eq 0

run_script double 1280x720 <<'S'
tap 0.5 0.5
expect language
quick-tap 0.5 0.5
quick-tap 0.5 0.5
expect language
S
check "double tap: a second tap right after a screen change does nothing" test $? -eq 0

run_script trainer 1280x720 <<'S'
hold 0.03 0.03 3500
expect trainer-pin
press 1
press OK
expect trainer-pin
shot wrong-pin
press 2
press 4
press 6
press 8
press 1
press 3
press OK
expect trainer
shot trainer
press Fermer
expect attract
S
check "trainer: hold the corner 3 s, wrong PIN refused, right PIN opens" test $? -eq 0

# Random touches, swipes and keys: never a crash, always a known screen.
awk 'BEGIN { srand(42); for (i = 0; i < 400; i++) { r = rand();
	if (r < 0.6) printf "tap %.3f %.3f\n", rand(), rand();
	else if (r < 0.7) printf "quick-tap %.3f %.3f\n", rand(), rand();
	else if (r < 0.8) printf "swipe %.3f %.3f %.3f %.3f\n", rand(), rand(), rand(), rand();
	else if (r < 0.85) print "key escape";
	else if (r < 0.9) printf "wait %d\n", int(rand() * 20000);
	else if (r < 0.95) printf "hold %.3f %.3f %d\n", rand(), rand(), int(rand() * 4000);
	else print "quit-event" } }' >"$TMP/monkey.txt"
run_script monkey 1080x1920 <"$TMP/monkey.txt"
check "monkey: 400 random touches, swipes and keys without a crash" test $? -eq 0

# SIGTERM stops the interactive loop, once its first frame is shown. The
# time is printed (a figure: make bench); the bound only catches a hang.
SDL_VIDEODRIVER=offscreen "$KIOSK" --config "$TMP/kiosk.yaml" --content "$MINI" >/dev/null 2>"$TMP/term.err" &
pid=$!
wait_for "$TMP/term.err" "first frame shown" || fail "SIGTERM" "no first frame: $(head -c 300 "$TMP/term.err")"
start=$(date +%s%N)
kill -TERM $pid
wait $pid
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
echo "figure: SIGTERM to exit ${ms} ms"
check "SIGTERM: exits cleanly (status $rc, ${ms} ms, bound 15000)" sh -c "[ $rc -eq 0 ] && [ $ms -lt 15000 ]"

# Bad script input: clear messages and exit codes (--check's own are in tests/check/).
"$KIOSK" --headless --script "$TMP/none.txt" >/dev/null 2>&1
check "--headless with a missing script → exit 2" test $? -eq 2
printf 'expect home\n' >"$TMP/exp.txt"
"$KIOSK" --headless --script "$TMP/exp.txt" --config "$TMP/kiosk.yaml" --content "$MINI" >/dev/null 2>&1
check "failed expect → exit 3" test $? -eq 3

# Opening hours: closed every day → a dark screen; a touch wakes the attract
# screen without starting a session; the next touch starts one.
cat "$TMP/kiosk.yaml" >"$TMP/closed.yaml"
printf 'opening_hours:\n  mon: ""\n' >>"$TMP/closed.yaml"
mkdir -p "$TMP/closed"
printf 'shot dark\ntap 0.5 0.5\nexpect attract\nshot woken\ntap 0.5 0.5\nexpect language\n' >"$TMP/closed.script"
"$KIOSK" --headless --script "$TMP/closed.script" --size 640x360 --config "$TMP/closed.yaml" \
	--content "$MINI" --shots "$TMP/closed" >/dev/null 2>"$TMP/closed.err"
check "opening hours: closed → dark, a touch only wakes it" sh -c \
	"[ $? -eq 0 ] && [ \"\$($PROBE count $TMP/closed/dark.png 0 0 1 1 0 0 0 0)\" = 230400 ] && [ \"\$($PROBE count $TMP/closed/woken.png 0 0 1 1 0 0 0 0)\" -lt 1000 ]"
check "opening hours: sleeping is logged as info" grep -q '^<6>.*clos' "$TMP/closed.err"

# A broken module in kiosk mode: an out-of-order screen that stays up (no
# crash loop in front of a new agent), the problems in the log.
SDL_VIDEODRIVER=offscreen "$KIOSK" --config "$TMP/kiosk.yaml" --content "$TMP/nowhere" \
	>/dev/null 2>"$TMP/broken.err" &
pid=$!
wait_for "$TMP/broken.err" "first frame shown" || fail "broken module" "no frame: $(head -c 300 "$TMP/broken.err")"
sleep 1 # still there a second after its first frame (a crash would have ended it)
alive=0
kill -0 $pid 2>/dev/null && alive=1
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
check "broken module: out-of-order screen stays up, stops cleanly on SIGTERM" sh -c "[ $alive -eq 1 ] && [ $rc -eq 0 ]"
check "broken module: the log names the file and the way to check" sh -c \
	"grep -q 'nowhere/module.yaml' $TMP/broken.err && grep -q 'kiosk --check' $TMP/broken.err"
