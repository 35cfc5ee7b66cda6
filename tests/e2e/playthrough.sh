#!/bin/sh
# Whole-module playthroughs of the real binary, headless, at landscape and
# portrait sizes, in French (all right: passed) and English (all wrong: failed).
. tests/lib.sh

run_script fr 1920x1080 <<'S'
expect attract
shot attract
tap 0.5 0.5
expect language
shot language
press Français
expect home
shot home
press Qui me voit ?
expect chapter
shot chapter
press Voir la vidéo
expect video
wait-frame
wait 1000
shot video
wait-screen quiz
choose right
shot quiz-right
press Suivant
answer right
expect home
press Les bons réflexes
expect chapter
press Chapitre terminé
expect home
shot home-done
press Faire le quiz final
expect quiz
answer-all right
expect result
shot result
press Retour
expect home
press Faire le quiz final
answer-all right
expect result
press Terminer
expect attract
S
rc=$?
check "fr-landscape: full playthrough passes every screen (and back from the result)" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/    /' "$TMP/fr.err" | head -20
check "fr-landscape: trace shows the screens in order" sh -c \
	"tr '\n' ' ' <'$TMP/fr.trace' | grep -q 'screen attract screen language screen home screen chapter screen video screen quiz screen home screen chapter screen home screen quiz screen result screen home screen quiz screen result screen attract'"
for s in attract language home chapter video quiz-right home-done result; do
	check "fr-landscape: screenshot $s is 1920x1080" sh -c "[ \"\$($PROBE size $TMP/fr/$s.png)\" = '1920 1080' ]"
done
# The result banner is green when passed (COL_RIGHT 1E7B4F).
check "fr-landscape: result shows passed (green banner)" sh -c \
	"[ \"\$($PROBE count $TMP/fr/result.png 0.1 0.15 0.9 0.3 30 123 79 6)\" -gt 10000 ]"
# A right answer is marked with the green border.
check "fr-landscape: right answer marked green" sh -c \
	"[ \"\$($PROBE count $TMP/fr/quiz-right.png 0 0.1 1 1 30 123 79 6)\" -gt 2000 ]"
check "fr-landscape: the session was stored" sh -c \
	"[ \"\$(sqlite3 $TMP/kiosk.db 'select count(*) from session' 2>/dev/null)\" = 1 ]"

run_script en 1080x1920 <<'S'
tap 0.5 0.5
press English
expect home
shot home
press Who sees me?
shot chapter
press Answer the questions
expect quiz
choose wrong
shot quiz-wrong
press Next
answer wrong
expect home
press Take the final quiz
answer-all wrong
expect result
shot result
press Finish
expect attract
S
rc=$?
check "en-portrait: full playthrough, all wrong" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/    /' "$TMP/en.err" | head -20
check "en-portrait: screenshots are portrait" sh -c "[ \"\$($PROBE size $TMP/en/home.png)\" = '1080 1920' ]"
check "en-portrait: result shows failed (blue banner, no green)" sh -c \
	"[ \"\$($PROBE count $TMP/en/result.png 0.1 0.08 0.9 0.2 30 123 79 6)\" -lt 100 ] && [ \"\$($PROBE count $TMP/en/result.png 0.1 0.08 0.9 0.2 29 53 87 4)\" -gt 10000 ]"
check "en-portrait: a wrong answer is marked red" sh -c \
	"[ \"\$($PROBE count $TMP/en/quiz-wrong.png 0 0.1 1 1 176 39 30 6)\" -gt 1000 ]"

# Text size toggle: large text makes the chapter text taller (more ink lower).
run_script large 1280x720 <<'S'
tap 0.5 0.5
press Français
press Qui me voit ?
shot normal
press Texte plus grand
shot large
S
check "text-size: toggle works" test $? -eq 0
check "text-size: large differs from normal" sh -c "! $PROBE same $TMP/large/normal.png $TMP/large/large.png"
