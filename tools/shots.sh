#!/bin/sh
# make shots: a headless playthrough of the bundled module that writes the
# screenshots of the main screens into build/shots/ (used in the README).
BUILD=${BUILD:-build}
out="$BUILD/shots"
mkdir -p "$out"
db=$(mktemp -d)/shots.db
m=assets/modules/tu-me-suis
for size in 1920x1080 1080x1920; do
	cat >"$out/script-$size.txt" <<S
shot $size-attract
tap 0.5 0.5
shot $size-language
press Français
shot $size-home
press @chapter.2
shot $size-chapter
press Voir la vidéo
wait 1500
shot $size-video
S
	"$BUILD/kiosk" --headless --script "$out/script-$size.txt" --size "$size" \
		--config config/kiosk.yaml --db "$db" --shots "$out" || exit $?
done
# Accessibility (README): high contrast, large text, the keyboard focus,
# and a portrait screen with its controls in the reach zone.
cat >"$out/script-a11y.txt" <<S
tap 0.5 0.5
press Français
press Contraste élevé
shot a11y-high-contrast
press Contraste élevé
press Texte plus grand
press @chapter.1
shot a11y-large-text
press Texte plus grand
key escape
key tab
key tab
shot a11y-focus
S
"$BUILD/kiosk" --headless --script "$out/script-a11y.txt" --size 1280x720 \
	--config config/kiosk.yaml --db "$db" --shots "$out" || exit $?
cat >"$out/script-reach.txt" <<S
tap 0.5 0.5
press Français
press @ui.start_quiz
shot a11y-portrait-reach
S
"$BUILD/kiosk" --headless --script "$out/script-reach.txt" --size 720x1280 \
	--config config/kiosk.yaml --db "$db" --shots "$out" || exit $?
# Large text (A+) at both sizes of the fit check: the home screen (portrait:
# the chapter cards scroll within reach), an answered question, the result
# (it scrolls as a chapter does).
for size in 1920x1080 1080x1920; do
	cat >"$out/script-large-$size.txt" <<S
tap 0.5 0.5
press Texte plus grand
press Français
shot a11y-large-$size-home
press @ui.start_quiz
choose wrong
shot a11y-large-$size-quiz
press @ui.next
answer-all right
shot a11y-large-$size-result
S
	"$BUILD/kiosk" --headless --script "$out/script-large-$size.txt" --size "$size" \
		--config config/kiosk.yaml --db "$db" --shots "$out" || exit $?
done
rm -rf "$(dirname "$db")"
echo "screenshots in $out/"
