#!/bin/sh
# kiosk --check beyond the format: the time budget (max_minutes), the
# item-writing lint, and --release, which refuses placeholders that plain
# --check only lists.
. tests/lib.sh

# A first picture within 60 s: only a hang takes that long (a loaded
# machine may need more than the kiosk's 5 s to decode one).
printf 'video:\n  first_frame_timeout_s: 60\n' >>"$TMP/kiosk.yaml"

chk() { # name dir [args...]: --check on a module, output in $TMP/name.out
	n=$1 d=$2
	shift 2
	"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$d" "$@" >"$TMP/$n.out" 2>&1
}

# The mini module: valid, but its link is a reserved example address.
chk plain "$MINI"
check "mini: plain --check passes (exit 0)" test $? -eq 0
has "mini: --check prints the time budget" "$TMP/plain.out" \
	"time budget (every word read at 200 words/min, the videos, 5 s to answer a question, 3 s a screen change): fr "
has "mini: --check says what --release still needs" "$TMP/plain.out" \
	"not ready for release (kiosk --check --release refuses it), 3 things to do:"
has "mini: ... no campaign section" "$TMP/plain.out" \
	"mini/module.yaml:5:5: no campaign section: --release needs the campaign's status"
has "mini: ... no label under the QR code" "$TMP/plain.out" \
	"mini/module.yaml:10:11: no qr_label: say under the QR code what it opens"
has "mini: ... the example link, at its line" "$TMP/plain.out" \
	"mini/module.yaml:10:11: more_url is a reserved example address"
chk release "$MINI" --release
check "mini: --check --release fails (exit 2)" test $? -eq 2
has "mini: --release names the example link" "$TMP/release.out" \
	"mini/module.yaml:10:11: more_url is a reserved example address"

# Placeholders marked in the module, and offers.
cp -r "$MINI" "$TMP/marked"
sed -i 's|^more_url: .*|more_url: https://intranet.strasbourg.eu/mini|' "$TMP/marked/module.yaml"
chk intranet "$TMP/marked" --release
check "an intranet address under the QR code: --release fails (exit 2)" test $? -eq 2
has "... a phone cannot open it" "$TMP/intranet.out" \
	"more_url https://intranet.strasbourg.eu/mini looks like an internal address: a personal phone usually cannot open it"
sed -i 's|^more_url: .*|more_url: https://www.dailymotion.com/strasbourg|' "$TMP/marked/module.yaml"
# Everything the authors confirm, confirmed (a date in the future: never old).
cat >>"$TMP/marked/module.yaml" <<'YAML'
qr_label: {fr: "Les vidéos de la campagne", en: "The campaign's videos"}
campaign:
  status: running
  confirmed: "2099-01-01"
  claims:
    - {what: "Launched in October 2019", confirmed: "2099-01-01"}
  accounts:
    - {what: "The city on LinkedIn", url: "https://www.linkedin.com/company/strasbourg", confirmed: "2099-01-01"}
  contacts:
    - {what: "IT help desk", confirmed: "2099-01-01"}
  house_rules:
    - {what: "No photo of children", confirmed: "2099-01-01"}
  brand: {what: "The campaign's logo and colours", confirmed: "2099-01-01"}
YAML
chk ready "$TMP/marked" --release
check "a real link and no placeholder: --release passes" test $? -eq 0
has "... and says it is ready" "$TMP/ready.out" "ready for release: no placeholder"
sed -i 's|^    image: images/public.png|&\n    video_placeholder: true|' "$TMP/marked/module.yaml"
sed -i 's|^  - {fr: "La charte numérique de la ville", en: "The city.s digital charter"}|  - {fr: "Un atelier", en: "A workshop", offer: true}|' "$TMP/marked/module.yaml"
chk marked "$TMP/marked"
check "placeholder videos and an unconfirmed offer: plain --check passes" test $? -eq 0
chk marked-release "$TMP/marked" --release
check "... --release fails (exit 2)" test $? -eq 2
has "... the placeholder videos" "$TMP/marked-release.out" "chapter 1 (public): placeholder videos, and no real film named for it"
has "... the offer" "$TMP/marked-release.out" "offer not confirmed"

# Each thing the authors confirm, unconfirmed: listed at its line.
cp -r "$TMP/marked" "$TMP/authors"
sed -i -e 's|^  status: running|  status: unconfirmed|' -e 's|, confirmed: "2099-01-01"}|}|' \
	-e 's|^    image: images/public.png|&\n    image_placeholder: true\n    film: {name: "Episode 2"}|' \
	"$TMP/authors/module.yaml"
chk authors "$TMP/authors" --release
check "nothing the authors confirm confirmed: --release fails (exit 2)" test $? -eq 2
has "... the campaign's status" "$TMP/authors.out" "the campaign's status is unconfirmed"
has "... chapter 1's claims" "$TMP/authors.out" \
	"chapter 1's claim \"Launched in October 2019\" not confirmed"
has "... the official accounts" "$TMP/authors.out" "official account \"The city on LinkedIn\" not confirmed"
has "... the contacts" "$TMP/authors.out" "contact \"IT help desk\" not confirmed"
has "... the house rules' sign-off" "$TMP/authors.out" \
	"house rule \"No photo of children\" not confirmed: the communication service and the data-protection officer sign it off"
has "... the logo and colours" "$TMP/authors.out" \
	"the campaign's logo and colours \"The campaign's logo and colours\" not confirmed"
has "... the real film, its length and rights" "$TMP/authors.out" \
	"chapter 1 (public): placeholder videos: put in the real film \"Episode 2\"; still to give: its length (film.seconds) and the filmed colleagues' written consent (film.rights: YYYY-MM-DD)"
has "... the poster" "$TMP/authors.out" "chapter 1 (public): placeholder poster"
sed -i 's|^  status: unconfirmed|  status: maybe|' "$TMP/authors/module.yaml"
chk badstatus "$TMP/authors"
check "a status that is none of the three: exit 2" test $? -eq 2
has "... says which are known" "$TMP/badstatus.out" "status is running, ended or unconfirmed"
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

# Every word counts: a longer explanation makes the pass longer.
cp -r "$MINI" "$TMP/words"
sed -i 's|{fr: "Relisez avant d.envoyer.", en: "Read it before you send it."}|{fr: "Relisez avant d'"'"'envoyer : une faute se voit, un mot de trop se regrette, et un message envoyé ne se reprend plus.", en: "Read it before you send it."}|' \
	"$TMP/words/module.yaml"
chk words "$TMP/words"
has "an explanation's words are read too (fr 238 words, now 256)" "$TMP/words.out" \
	"): fr 2:32 (256 words"
has "... and every screen change counts" "$TMP/words.out" "14 screen changes 0:42"

# video_seconds is the longest video's length: --check measures it.
cp -r "$MINI" "$TMP/seconds"
sed -i 's|^    video_seconds: 3|    video_seconds: 9|' "$TMP/seconds/module.yaml"
chk seconds "$TMP/seconds"
check "a wrong video_seconds: exit 2" test $? -eq 2
has "... says the length to write" "$TMP/seconds.out" \
	"seconds/module.yaml:33:20: video_seconds is 9 but the longest of the chapter's videos lasts 3 s: write video_seconds: 3"
sed -i '/^    video_seconds: 9/d' "$TMP/seconds/module.yaml"
chk noseconds "$TMP/seconds"
check "no video_seconds with a video: exit 2" test $? -eq 2
has "... says why and what to write" "$TMP/noseconds.out" \
	"no video_seconds: the home screen cannot count this video in its time; add video_seconds: 3"

# The real films' lengths: within max_minutes with the placeholders, over
# it with the films: listed by --check, refused by --release.
cp -r "$MINI" "$TMP/films"
sed -i -e 's|^pass_mark: 70|&\nmax_minutes: 3|' \
	-e 's|^    video_seconds: 3|&\n    video_placeholder: true\n    film: {name: "Episode 1", seconds: 120, rights: "2099-01-01"}|' \
	"$TMP/films/module.yaml"
chk films "$TMP/films"
check "real films over max_minutes: plain --check passes (exit 0)" test $? -eq 0
has "... prints the pass with the real films" "$TMP/films.out" \
	"with the real films' lengths (film.seconds): fr 4:"
has "... and lists it for the release" "$TMP/films.out" \
	"fr: with the real films (film.seconds), a full pass takes about 4:"
chk films-release "$TMP/films" --release
check "... --release refuses it (exit 2)" test $? -eq 2
has "... saying so" "$TMP/films-release.out" "over max_minutes 3"

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

# The item-writing warnings: said at their line, with the question and the
# language; they do not fail --check (exit 0), even with --release.
check "mini: no warning" sh -c "! grep -q 'warning' '$TMP/plain.out'"
cp -r "$MINI" "$TMP/warn"
sed -i 's|{fr: "Je publie quand même", en: "I post anyway"}|{fr: "Vous publiez quand même", en: "I post anyway"}|' \
	"$TMP/warn/module.yaml"
sed -i 's|^    chapter: reflexes$||' "$TMP/warn/module.yaml"
chk warn "$TMP/warn"
check "warnings only: --check passes (exit 0)" test $? -eq 0
has "... « je » and « vous » mixed, at the choice, with question and language" "$TMP/warn.out" \
	"warn/module.yaml:71:14: warning: q-doute (fr): choice 1 says \"vous\" while 3 choices of the module say \"je\""
has "... a chapter no objective names" "$TMP/warn.out" \
	"warning: chapter 2 (reflexes): no objective names it"
has "... counted on stdout" "$TMP/warn.out" "3 warnings about how the questions are written"

# The bundled module: valid and in budget, but not ready for a release.
B=assets/modules/tu-me-suis
timeout 600 "$KIOSK" --check --release --config "$TMP/kiosk.yaml" --content "$B" \
	>"$TMP/bundled.out" 2>&1
check "bundled module: --check --release fails on its placeholders (exit 2)" test $? -eq 2
has "... its provisional videos" "$TMP/bundled.out" "placeholder videos"
has "... its example link" "$TMP/bundled.out" "more_url is a reserved example address"
has "... its unconfirmed offers" "$TMP/bundled.out" "offer not confirmed"
has "... the campaign's status" "$TMP/bundled.out" "the campaign's status is unconfirmed"
has "... chapter 1's claims" "$TMP/bundled.out" "chapter 1's claim"
has "... the house rules" "$TMP/bundled.out" "house rule"
has "... the contacts" "$TMP/bundled.out" "contact"
has "... the official accounts" "$TMP/bundled.out" "official account"
has "... the logo and colours" "$TMP/bundled.out" "the campaign's own logo and colours"
has "... the posters" "$TMP/bundled.out" "placeholder poster"
# Nothing else: every screen fits at both sizes, with large text (A+) and
# in high contrast, every text has its contrast, every control is in reach
# (all errors, docs/accessibility.md).
check "... and nothing else (no lint, no budget, no layout, contrast or reach problem)" sh -c \
	"! grep -vE 'placeholder (videos|poster)|reserved example address|offer not confirmed|not confirmed|is unconfirmed|is an example address|logo and colours|qr_label|: warning: ' '$TMP/bundled.out'"
check "... and not even a warning" sh -c "! grep -q 'warning' '$TMP/bundled.out'"
