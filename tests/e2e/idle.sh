#!/bin/sh
# Idle when idle: the attract screen redraws only while its invitation
# moves, a still screen wakes the loop up for nothing, and SIGTERM still
# stops the kiosk at once (the signal arrives as an event).
. tests/lib.sh

# 1. Frames on the attract screen over 10 beats of its invitation (24 s of
# the virtual clock), counted from --bench-trace: 6 per beat, not 10 a second.
printf 'wait 24000\nexpect attract\n' | run_script beats 1280x720 --bench-trace
frames=$(grep -c '^bench-trace frame ' "$TMP/beats.err")
check "attract: $frames frames in 24 s (the pulse moves: 40 to 80, not 240)" \
	sh -c "[ $frames -ge 40 ] && [ $frames -le 80 ]"

# 2. The invitation does pulse: its pill is brighter mid-beat than at rest.
run_script pulse 1280x720 <<'S'
shot rest
wait 300
shot peak
wait 600
shot rest-again
S
at_rest=$(pixel_at "$TMP/pulse/rest.png" 0.5 0.756)
at_peak=$(pixel_at "$TMP/pulse/peak.png" 0.5 0.756)
check "attract: the invitation pulses ($at_rest at rest, $at_peak mid-beat)" \
	sh -c "[ '$at_rest' != '$at_peak' ] && '$PROBE' same '$TMP/pulse/rest.png' '$TMP/pulse/rest-again.png'"

# 3. The real loop on a still screen (the out-of-order screen of a broken
# module): after its first frames, no wake-up at all in 3 s.
SDL_VIDEODRIVER=offscreen "$KIOSK" --bench-trace --config "$TMP/kiosk.yaml" \
	--content "$TMP/nowhere" >/dev/null 2>"$TMP/still.err" &
pid=$!
# After its first frame (and a second for start-up to settle), a window of
# 3 s in which nothing may wake the loop (the window is the observation, not
# a guess of how long anything takes).
wait_for "$TMP/still.err" "bench-trace first-frame" || fail "still screen" "no first frame: $(head -c 300 "$TMP/still.err")"
sleep 1
before=$(grep -c '^bench-trace wake ' "$TMP/still.err")
sleep 3
after=$(grep -c '^bench-trace wake ' "$TMP/still.err")
kill -TERM $pid
wait $pid
rc=$?
check "still screen: $((after - before)) wake-ups of the loop in 3 s (0 wanted)" \
	test "$after" -eq "$before"
check "still screen: SIGTERM ends the sleeping loop cleanly (status $rc)" test "$rc" -eq 0

# 4. The attract screen of a content root (kiosk-bundle's current link): the
# link is watched with inotify, not looked at every 5 s, so the loop wakes up
# only for the invitation's frames; a new current is still shown at once.
R=$TMP/root
content_root "$R"
SDL_VIDEODRIVER=offscreen "$KIOSK" --bench-trace --config "$TMP/kiosk.yaml" \
	--content "$R/current" >/dev/null 2>"$TMP/root.err" &
pid=$!
wait_for "$TMP/root.err" "bench-trace ready" || fail "content root" "never ready: $(head -c 300 "$TMP/root.err")"
sleep 0.5
n0=$(wc -l <"$TMP/root.err")
sleep 7
# A wake-up of the loop that draws nothing: a wake line not followed by a frame.
idle_wakes=$(tail -n +$((n0 + 1)) "$TMP/root.err" | awk '
	$1 == "bench-trace" && $2 == "wake" { if (w) n++; w = 1 }
	$1 == "bench-trace" && $2 == "frame" { w = 0 }
	END { print n + 0 }')
beats=$(tail -n +$((n0 + 1)) "$TMP/root.err" | grep -c '^bench-trace frame ')
# And the link itself looked at (the `content-look` trace): never, until it moves.
looks=$(tail -n +$((n0 + 1)) "$TMP/root.err" | grep -c '^bench-trace content-look')
check "content root on attract: $idle_wakes wake-ups without a frame, $looks looks at the link in 7 s (0 and 0 wanted; $beats frames of the beat)" \
	test "$idle_wakes" -eq 0 -a "$looks" -eq 0
t0=$(date +%s%N)
ln -s versions/mini-4 "$R/.new" && mv -T "$R/.new" "$R/current"
# inotify, not a poll: the swap is seen as it happens. Its time is a figure
# (a poll every 5 s would show as seconds); the bound only catches a hang.
wait_for "$TMP/root.err" "version 4" 60
ms=$((($(date +%s%N) - t0) / 1000000))
echo "figure: a new current shown ${ms} ms after the link moved"
check "content root on attract: a new current is shown (${ms} ms)" \
	grep -q 'showing module .* version 4' "$TMP/root.err"
kill -TERM $pid
wait $pid
