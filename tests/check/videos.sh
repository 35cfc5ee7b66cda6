#!/bin/sh
# The bundled module's placeholder videos against their scene scripts
# (assets/tools/check-videos.sh): each one made from its script as it is
# now, its subtitles saying exactly what the script says. A video not
# regenerated after its script changed (the German chapter 1 video once said
# « Drei Kollegen » over two speakers) must fail.
. tests/lib.sh
B=assets/modules/tu-me-suis
CV=assets/tools/check-videos.sh

sh "$CV" "$B" >"$TMP/bundled.out" 2>&1
rc=$?
check "bundled module: every video passes check-videos.sh" test "$rc" -eq 0
[ "$rc" -eq 0 ] || grep '^FAIL' "$TMP/bundled.out" | head -5 | sed 's/^/    /'
check "bundled module: 18 clips checked against their scripts" \
	test "$(grep -c '^PASS ch[1-7]-\(fr\|en\|de\) ' "$TMP/bundled.out")" -eq 18

# The cases below change one clip (ch2-de): a copy of the module with it
# and its French neighbour only (each clip checked costs an ffprobe, and
# all 18 were checked above).
cp -r "$B" "$TMP/m"
find "$TMP/m/videos" -name '*.mp4' ! -name ch2-de.mp4 ! -name ch2-fr.mp4 -delete
B2=$TMP/m2
cp -r "$TMP/m" "$B2"

# German chapter 1 subtitles that say one thing more than the script.
sed -i '0,/^Ich /s/^Ich /Drei Kollegen: Ich /' "$TMP/m/subtitles/ch2.de.srt"
sh "$CV" "$TMP/m" >"$TMP/srt.out" 2>&1
check "subtitles that differ from the script: exit 1" test $? -eq 1
line_has "... the clip is named, with the reason" "$TMP/srt.out" "FAIL ch2-de" \
	"subtitles differ from ch2.de.txt" "Drei Kollegen"
check "... and only that clip fails" test "$(grep -c '^FAIL' "$TMP/srt.out")" -eq 1

# A script edited after its video was made: the video is stale.
cp -r assets/tools/voiceover "$TMP/vo"
sed -i '2s/Konto/Profil/' "$TMP/vo/ch2.de.txt"
SCRIPTS="$TMP/vo" sh "$CV" "$B2" >"$TMP/stale.out" 2>&1
check "a script changed after its video: exit 1" test $? -eq 1
line_has "... the video is not made from the script as it is now" "$TMP/stale.out" \
	"FAIL ch2-de" "not made from ch2.de.txt as it is now" "subtitles differ"

# A real film has no script: only the technical checks apply.
rm "$TMP/vo/ch2.de.txt"
SCRIPTS="$TMP/vo" sh "$CV" "$B2" >"$TMP/film.out" 2>&1
has "a video without a script (a real film) passes on its own merits" "$TMP/film.out" "PASS ch2-de"
