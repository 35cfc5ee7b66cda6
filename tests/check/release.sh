#!/bin/sh
# kiosk --check beyond the format: the time budget (max_minutes), the
# item-writing lint, and --release, which refuses placeholders that plain
# --check only lists.
. tests/lib.sh

chk() { # name dir [args...]: --check on a module, output in $TMP/name.out
	n=$1 d=$2
	shift 2
	"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$d" "$@" >"$TMP/$n.out" 2>&1
}

# The mini module: valid, but its link is a reserved example address.
chk plain "$MINI"
check "mini: plain --check passes (exit 0)" test $? -eq 0
has "mini: --check prints the time budget" "$TMP/plain.out" \
	"time budget (reading 200 words/min, 20 s per question, the videos): fr "
has "mini: --check says what --release still needs" "$TMP/plain.out" \
	"not ready for release (kiosk --check --release refuses it), 1 thing to do:"
has "mini: ... the example link, at its line" "$TMP/plain.out" \
	"mini/module.yaml:10:11: more_url is a reserved example address"
chk release "$MINI" --release
check "mini: --check --release fails (exit 2)" test $? -eq 2
has "mini: --release names the example link" "$TMP/release.out" \
	"mini/module.yaml:10:11: more_url is a reserved example address"

# Placeholders marked in the module, and offers.
cp -r "$MINI" "$TMP/marked"
sed -i 's|^more_url: .*|more_url: https://intranet.strasbourg.eu/mini|' "$TMP/marked/module.yaml"
chk ready "$TMP/marked" --release
check "a real link and no placeholder: --release passes" test $? -eq 0
has "... and says it is ready" "$TMP/ready.out" "ready for release: no placeholder"
sed -i 's|^    image: images/public.png|&\n    video_placeholder: true|' "$TMP/marked/module.yaml"
sed -i 's|^  - {fr: "La charte numérique de la ville", en: "The city.s digital charter"}|  - {fr: "Un atelier", en: "A workshop", offer: true}|' "$TMP/marked/module.yaml"
chk marked "$TMP/marked"
check "placeholder videos and an unconfirmed offer: plain --check passes" test $? -eq 0
chk marked-release "$TMP/marked" --release
check "... --release fails (exit 2)" test $? -eq 2
has "... the placeholder videos" "$TMP/marked-release.out" "placeholder videos (video_placeholder: true)"
has "... the offer" "$TMP/marked-release.out" "offer not confirmed"
sed -i 's|offer: true}|offer: true, confirmed: "2099-13-01"}|' "$TMP/marked/module.yaml"
chk baddate "$TMP/marked"
check "a confirmation that is no date: exit 2" test $? -eq 2
has "... says so" "$TMP/baddate.out" "confirmed must be a date, YYYY-MM-DD"
check "--release without --check is a bad argument (exit 2)" sh -c \
	"'$KIOSK' --release --content '$MINI' >/dev/null 2>&1; [ \$? -eq 2 ]"

# The time budget: mini takes about 1:40; a one-minute budget fails.
cp -r "$MINI" "$TMP/budget"
sed -i 's|^pass_mark: 70|&\nmax_minutes: 1|' "$TMP/budget/module.yaml"
chk budget "$TMP/budget"
check "over max_minutes: --check fails (exit 2)" test $? -eq 2
has "... with the estimate of a full pass per language" "$TMP/budget.out" \
	"fr: a full pass takes about "
has "... in each language" "$TMP/budget.out" "over max_minutes 1"

# The lint: a 2-choice question not marked true_false, in every language.
cp -r "$MINI" "$TMP/lint"
sed -i '/^    true_false: true/d' "$TMP/lint/module.yaml"
chk lint "$TMP/lint"
check "a 2-choice question not marked true_false: exit 2" test $? -eq 2
has "... at its choices" "$TMP/lint.out" "2 choices: right half the time by chance"
cp -r "$MINI" "$TMP/long"
sed -i 's|{fr: "Je ne publie pas et j.en parle"|{fr: "Je ne publie pas, je prends le temps d'"'"'en parler"|' "$TMP/long/module.yaml"
sed -i 's|{fr: "Avant l.envoi"|{fr: "Avant l'"'"'envoi, toujours"|' "$TMP/long/module.yaml"
chk long "$TMP/long"
check "the right choice longest in most questions: exit 2" test $? -eq 2
has "... says how often" "$TMP/long.out" "fr: the right choice is the longest in 3 of 4 questions"
has "... a choice more than twice the shortest" "$TMP/long.out" "more than twice the shortest of its question (20)"

# The bundled module: valid and in budget, but not ready for a release.
B=assets/modules/tu-me-suis
timeout 600 "$KIOSK" --check --release --config "$TMP/kiosk.yaml" --content "$B" \
	>"$TMP/bundled.out" 2>&1
check "bundled module: --check --release fails on its placeholders (exit 2)" test $? -eq 2
has "... its provisional videos" "$TMP/bundled.out" "placeholder videos"
has "... its example link" "$TMP/bundled.out" "more_url is a reserved example address"
has "... its unconfirmed offers" "$TMP/bundled.out" "offer not confirmed"
# Nothing else: every screen fits at both sizes, with large text (A+) and
# in high contrast, every text has its contrast, every control is in reach
# (all errors, docs/accessibility.md).
check "... and nothing else (no lint, no budget, no layout, contrast or reach problem)" sh -c \
	"! grep -vE 'placeholder videos|reserved example address|offer not confirmed' '$TMP/bundled.out'"
check "... and not even a warning" sh -c "! grep -q 'warning' '$TMP/bundled.out'"
