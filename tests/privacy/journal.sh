#!/bin/sh
# Attack (issue 10): match the journal to the person at the kiosk. Before
# the fix, a session's video wrote "videos/public-fr.mp4: first frame on
# screen after N ms" at info level: its time and the language in the file
# name pointed at whoever stood there. Now no line of a session reaches the
# journal below debug level.
. tests/lib.sh
run_script session 1280x720 <<'S'
tap 0.5 0.5
press Français
expect home
press Qui me voit ?
press Voir la vidéo
expect video
wait-frame
wait-screen quiz
answer-all right
expect home
press Faire le quiz final
answer-all right
expect result
press Terminer
expect attract
S
check "a whole session with a video ran" test $? -eq 0
# Journal priorities 0-6 (<7> is debug, written only with KIOSK_DEBUG=1).
grep -E '^<[0-6]>' "$TMP/session.err" >"$TMP/journal"
echo "# journal lines at info level or above: $(wc -l <"$TMP/journal")"
sed 's/^/#   /' "$TMP/journal"
if grep -Eiq '\.mp4|\.srt|first frame|lang|français|session [0-9a-f]{8}|score|passed|quiz' "$TMP/journal"; then
	fail "no line of the session in the journal" "$(grep -Ei '\.mp4|\.srt|first frame|lang|français|score|passed|quiz' "$TMP/journal" | head -3)"
else
	pass "no line of the session in the journal"
fi
KIOSK_DEBUG=1 run_script debug 1280x720 <<'S'
tap 0.5 0.5
press Français
press Qui me voit ?
press Voir la vidéo
wait-frame
S
grep -q '^<7>video: .*first frame on screen' "$TMP/debug.err" &&
	pass "with KIOSK_DEBUG=1 the same lines are there, at debug level" ||
	fail "with KIOSK_DEBUG=1 the same lines are there, at debug level" "$(grep video "$TMP/debug.err" | head -3)"
