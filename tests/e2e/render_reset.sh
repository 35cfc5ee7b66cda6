#!/bin/sh
# A renderer that lost its device (SDL_RENDER_DEVICE_RESET, script command
# render-reset) is rebuilt with its window: the same screen comes back with
# all its texts (the text cache went with the old renderer), and a video
# goes on with new textures.
. tests/lib.sh

run_script reset 1280x720 <<'S'
shot before
render-reset
expect attract
shot after
tap 0.5 0.5
press Français
expect home
shot home
render-reset
shot home-after
press Qui me voit ?
press Voir la vidéo
expect video
wait-frame
render-reset
wait 1000
expect video
shot video
S
check "render-reset: script runs" test $? -eq 0
has "render-reset: logged" "$TMP/reset.err" "the renderer lost its textures: opening the window and renderer again"
check "render-reset: attract identical after the rebuild" "$PROBE" same "$TMP/reset/before.png" "$TMP/reset/after.png"
check "render-reset: home identical after the rebuild" "$PROBE" same "$TMP/reset/home.png" "$TMP/reset/home-after.png"
# The video area (centre) shows the film's picture, not the dark backdrop.
b=$($PROBE box "$TMP/reset/video.png" 0.3 0.3 0.4 0.3)
case "$b" in
"0 0 0 "* | "") fail "render-reset: video goes on" "centre of the video screen: $b" ;;
*) pass "render-reset: video goes on after the rebuild ($b)" ;;
esac
