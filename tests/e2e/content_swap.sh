#!/bin/sh
# A content swap on a welcome day keeps what the kiosk was set up with:
# high contrast from the settings and the trainer's large text of the day
# survive kiosk-bundle moving the `current` link (one way to build the flow:
# kiosk_flow_reset). The screens after the swap are compared pixel for pixel
# with a kiosk started on the new version with the same settings.
. tests/lib.sh

R=$TMP/root
content_root "$R"
printf 'high_contrast: true\n' >>"$TMP/kiosk.yaml"
# The trainer chose large text for today (screens/trainer_day.c's file).
printf 'day %s\nlabel -\nvolume 80\nlarge 1\n' "$(date +%F)" >"$TMP/kiosk.db.day"

# The reference: started on version 4.
run_script ref 1280x720 --content "$R/versions/mini-4" <<'S'
shot attract
tap 0.5 0.5
press Français
shot home
S
[ -f "$TMP/ref/home.png" ] || { fail "reference" "$(head -c 300 "$TMP/ref.err")"; exit 0; }

# The swap: started on version 3; the link moves while it shows attract.
mkdir -p "$TMP/swap"
cat >"$TMP/swap.script" <<'S'
expect attract
wait-content 4
shot attract
tap 0.5 0.5
press Français
shot home
S
"$KIOSK" --headless --script "$TMP/swap.script" --size 1280x720 --trace --config "$TMP/kiosk.yaml" \
	--content "$R/current" --shots "$TMP/swap" >"$TMP/swap.trace" 2>"$TMP/swap.err" &
pid=$!
wait_for "$TMP/swap.trace" "screen attract" || fail "swap" "no attract screen: $(head -c 300 "$TMP/swap.err")"
ln -s versions/mini-4 "$R/.new" && mv -T "$R/.new" "$R/current"
wait $pid
rc=$?
check "content swap: the kiosk shows version 4 (exit $rc)" sh -c "[ $rc -eq 0 ] && grep -q 'showing module .* version 4' '$TMP/swap.err'"
check "content swap: attract keeps high contrast (same pixels as a start on version 4)" \
	"$PROBE" same "$TMP/ref/attract.png" "$TMP/swap/attract.png"
check "content swap: home keeps high contrast and the day's large text" \
	"$PROBE" same "$TMP/ref/home.png" "$TMP/swap/home.png"
