#!/bin/sh
# kiosk --check draws every screen at 1920x1080, 1080x1920 and 1280x720 with
# the real fonts and layout, and reports each text that does not fit, at its
# position.
. tests/lib.sh

cp -r "$MINI" "$TMP/long"
word=Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhalterung
sed -i "s/{fr: \"Seulement mes amis\"/{fr: \"$word$word\"/" "$TMP/long/module.yaml"
para="Une phrase assez longue pour remplir une carte du menu principal."
sed -i "s/title: {fr: \"Les bons réflexes\"/title: {fr: \"$para $para $para $para\"/" "$TMP/long/module.yaml"
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$TMP/long" >"$TMP/long.out" 2>&1
rc=$?
check "fit: an overlong text makes --check fail (exit 2)" test "$rc" -eq 2
line=$(grep -n "$word" "$TMP/long/module.yaml" | cut -d: -f1)
col=$(grep "$word" "$TMP/long/module.yaml" | awk -v w="$word" '{print index($0, "\"" w) + 0}')
check "fit: a word wider than its button, at its line and column, at both sizes" sh -c \
	"grep -q '^$TMP/long/module.yaml:$line:$((col)): text does not fit at 1920x1080: a word is wider than its box' $TMP/long.out &&
	 grep -q '^$TMP/long/module.yaml:$line:$((col)): text does not fit at 1080x1920: a word is wider than its box' $TMP/long.out"
tline=$(grep -n "$para" "$TMP/long/module.yaml" | cut -d: -f1)
check "fit: a chapter title too long for its card is reported at its line" \
	grep -q "^$TMP/long/module.yaml:$tline:[0-9]*: text does not fit at .*: too long for its box" "$TMP/long.out"
[ "$rc" -eq 2 ] || sed 's/^/    /' "$TMP/long.out" | head

# One tour with screenshots (504 PNG files at three sizes: most of this
# suite), into a folder that does not exist yet: --check --shots creates it.
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$MINI" --shots "$TMP/tour" >"$TMP/tour.out" 2>&1
check "fit: the mini module fits everywhere" test $? -eq 0
for size in 1920x1080 1080x1920; do
	for lang in fr en; do
		n=$(ls "$TMP/tour" | grep -c "^$size-$lang-.*-chapter.png")
		check "fit: --check --shots drew each chapter at $size in $lang ($n)" test "$n" -eq 2
	done
done
check "fit: tour screenshots have the right size" sh -c \
	"[ \"\$($PROBE size $TMP/tour/1080x1920-en-003-chapter.png)\" = '1080 1920' ]"

check "fit: --check --shots creates its folder" sh -c "ls $TMP/tour | grep -q chapter"
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$MINI" --shots "$TMP/no/such/dir" >"$TMP/noshots.out" 2>&1
check "fit: --check --shots into an impossible folder fails with exit 2 and says why" \
	sh -c "[ $? -eq 2 ] && grep -q 'cannot create $TMP/no/such/dir' $TMP/noshots.out"

# 1280x720 is in the tour (the smallest landscape screen a kiosk box drives).
n=$(ls "$TMP/tour" | grep -c "^1280x720-large-text-fr-.*-quiz.png")
check "fit: --check --shots drew the quiz at 1280x720 with large text ($n)" test "$n" -gt 0

# A long quiz at 1280x720 with large text (mini's 4 questions and 16 more):
# the twenty progress dots stay beside the feedback, the current one (accent
# red) visible, not under the card.
cp -r "$MINI" "$TMP/many"
python3 - "$TMP/many/module.yaml" <<'PY'
import sys
f = sys.argv[1]
t = open(f, encoding="utf-8").read()
extra = ""
for i in range(16):
    extra += f"""  - id: q-extra-{i}
    objective: reflexes
    prompt: {{fr: "Question de plus numéro {i} ?", en: "Extra question number {i}?"}}
    choices:
      - {{fr: "Première réponse", en: "First answer"}}
      - {{fr: "Deuxième réponse", en: "Second answer"}}
      - {{fr: "Troisième réponse", en: "Third answer"}}
    answer: 1
    explanation: {{fr: "Parce que.", en: "Because."}}
"""
t = t.replace("\nmore:", "\n" + extra + "more:", 1)
open(f, "w", encoding="utf-8").write(t)
PY
{
	echo "tap 0.5 0.5"
	echo "press Français"
	echo "press @ui.text_size"
	echo "press @ui.start_quiz"
	i=1
	while [ $i -lt 20 ]; do
		echo "answer right"
		i=$((i + 1))
	done
	echo "choose right"
	echo "shot last"
} >"$TMP/many.script"
mkdir -p "$TMP/many-shots"
"$KIOSK" --headless --script "$TMP/many.script" --size 1280x720 --config "$TMP/kiosk.yaml" \
	--content "$TMP/many" --shots "$TMP/many-shots" >"$TMP/many.out" 2>&1
check "fit: a 20-question quiz played to its last question at 1280x720" test -f "$TMP/many-shots/last.png"
red=$($PROBE count "$TMP/many-shots/last.png" 0 0.19 0.43 0.24 214 40 57 40 2>/dev/null || echo 0)
check "fit: the last question's progress dot shows beside the feedback ($red red pixels)" \
	test "${red:-0}" -gt 40
