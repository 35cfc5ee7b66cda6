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
press @chapter.1
shot $size-chapter
press Voir la vidéo
wait 1500
shot $size-video
S
	"$BUILD/kiosk" --headless --script "$out/script-$size.txt" --size "$size" \
		--config config/kiosk.yaml --db "$db" --shots "$out" || exit $?
done
echo "screenshots in $out/"
