#!/bin/sh
# Accessibility (issue 15, EN 301 549 closed functionality): a whole
# session with keys only in each language; what speech reads, in order, on
# every screen; the timing with speech on; double tap with speech.
. tests/lib.sh
M="$ROOT/assets/modules/tu-me-suis"

# Keys only: Enter starts, the arrows choose the language, Tab and Enter
# do the rest (`input keys` makes `press` and `answer` go by Tab + Enter).
# The chapters (by number) that end with a question, read from the module.
ASKS=$(python3 -c '
import sys, yaml
m = yaml.safe_load(open(sys.argv[1]))
ids = [c["id"] for c in m["chapters"]]
print(" ".join(str(ids.index(q["chapter"]) + 1) for q in m["questions"] if q.get("chapter") in ids))
' "$M/module.yaml" | tr ' ' '\n' | sort -un | tr '\n' ' ')
keys_only() { # name size language-position
	{
		echo "wait 1000"
		echo "key return"
		echo "expect language"
		i=1
		while [ "$i" -lt "$3" ]; do echo "key down"; i=$((i + 1)); done
		echo "key return"
		echo "expect home"
		echo "input keys"
		for c in 1 2 3 4 5 6 7; do
			echo "press @chapter.$c"
			echo "expect chapter"
			# A chapter with a question ends with it, the others with
			# « Chapitre terminé » (the module says which: $ASKS).
			case " $ASKS " in
			*" $c "*) echo "press @ui.chapter_questions"; echo "answer-all right" ;;
			*) echo "press @ui.chapter_done" ;;
			esac
			echo "expect home"
		done
		echo "shot home"
		echo "press @ui.start_quiz"
		echo "expect quiz"
		echo "shot quiz"
		echo "answer-all right"
		echo "expect result"
		echo "shot result"
		echo "press @ui.finish"
		echo "expect attract"
	} | run_script "$1" "$2" --content "$M"
}
keys_only keys-fr 1280x720 1
check "keys only, fr: every chapter, its questions, the final quiz, passed" test $? -eq 0
keys_only keys-en 720x1280 2
check "keys only, en (portrait): the whole module" test $? -eq 0
keys_only keys-de 1280x720 3
check "keys only, de: the whole module" test $? -eq 0
check "keys only: the three sessions stored as finished and passed" sh -c \
	"[ \"\$(sqlite3 $TMP/kiosk.db 'select count(*), sum(passed), sum(ended = 0) from session')\" = '3|3|3' ]"
# The focus ring (black and yellow) is drawn on the quiz screen.
check "keys only: the focus ring is visible" sh -c \
	"[ \"\$($PROBE count $TMP/keys-fr/quiz.png 0 0 1 1 255 212 0 4)\" -gt 500 ]"

# The focus moves in reading order and Escape goes back one screen.
run_script focus 1280x720 <<'S'
wait 1000
key return
expect language
expect-focus Français
key tab
expect-focus English
key shift+tab
expect-focus Français
key return
expect home
expect-focus Qui me voit ?
key tab
expect-focus Les bons réflexes
key tab
expect-focus Faire le quiz final
key tab
expect-focus Retour
key return
expect language
key escape
expect home
key escape
expect language
key escape
expect home
S
check "focus: reading order, Shift+Tab back, Enter on Retour, Escape one screen back" test $? -eq 0

# The attract screen with keys only, from a cold start (issue 25): its
# invitation is the focus's first stop and the speech control the second;
# Tab cycles the two, Enter and Space start on the invitation. Each way a
# person may press Tab and Enter there reaches the result with keys alone.
run_script attract-focus 1280x720 <<'S'
wait 1000
key tab
expect-focus @ui.touch_to_start
key tab
expect-focus Lecture à voix haute
key tab
expect-focus @ui.touch_to_start
key shift+tab
expect-focus Lecture à voix haute
key shift+tab
expect-focus @ui.touch_to_start
key space
expect language
S
check "attract, keys: Tab cycles « Touchez l'écran pour commencer » (first) and speech; Space starts" \
	test $? -eq 0
cold_keys() { # name keys... (pressed on the attract screen of a cold start)
	name=$1
	shift
	{
		echo "wait 1000"
		for key in "$@"; do echo "key $key"; done
		echo "expect language"
		echo "key return"
		echo "expect home"
		echo "input keys"
		echo "press @ui.start_quiz"
		echo "answer-all right"
		echo "expect result"
	} >"$TMP/$name.in"
	export KIOSK_SPEECH_LOG="$TMP/$name.speech"
	run_script "$name" 1280x720 --seed 0 <"$TMP/$name.in"
	rc=$?
	unset KIOSK_SPEECH_LOG
	return $rc
}
n=0
for keys in "return" "space" "tab return" "tab space" "shift+tab return" "tab tab tab return" \
	"tab tab return tab return" "down return" "tab tab space tab tab tab return"; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # the keys, one word each
	cold_keys "cold-keys-$n" $keys
	check "attract, keys from a cold start: '$keys' then Tab and Enter reach the result" \
		test $? -eq 0
done
check "attract, keys: Tab, Tab, Enter on the speech control turns speech on, and the session starts with it" \
	grep -q "Lecture à voix haute activée" "$TMP/cold-keys-7.speech"

# Speech: a 2 s press on the attract screen turns it on; every screen is
# read; a first tap says a control, a second activates it.
export KIOSK_SPEECH_LOG="$TMP/speech.log"
# --seed 0: questions and choices in the module's order, as pressed below.
run_script speech 1280x720 --seed 0 <<'S'
hold 0.5 0.5 2500
expect attract
tap 0.5 0.6
expect attract
tap 0.5 0.6
expect language
press Français
press Français
expect home
press Qui me voit ?
press Qui me voit ?
expect chapter
press Répondre aux questions
press Répondre aux questions
expect quiz
press Tout le monde
press Tout le monde
press Suivant
press Suivant
press Oui, pour de bon
press Oui, pour de bon
press Suivant
press Suivant
expect home
press Faire le quiz final
press Faire le quiz final
press Tout le monde
press Tout le monde
press Suivant
press Suivant
press Non, il a pu être copié
press Non, il a pu être copié
press Suivant
press Suivant
press Je ne publie pas et j'en parle
press Je ne publie pas et j'en parle
press Suivant
press Suivant
press Avant l'envoi
press Avant l'envoi
press Voir mon résultat
press Voir mon résultat
expect result
shot result
press Lecture à voix haute
press Lecture à voix haute
wait 1000
press Terminer
expect attract
S
check "speech: the session with first tap to hear, second tap to act" test $? -eq 0
unset KIOSK_SPEECH_LOG
cp "$TMP/speech.log" "$TMP/speech.txt" 2>/dev/null
# Each screen's reading, in this order.
in_order() { # texts...: each one on a later line of the log than the one before
	last=0
	for want in "$@"; do
		n=$(grep -nF -- "$want" "$TMP/speech.txt" | awk -F: -v l="$last" '$1 >= l {print $1; exit}')
		[ -n "$n" ] || { echo "'$want' not read after line $last"; cat "$TMP/speech.txt"; return 1; }
		last=$n
	done
}
check "speech: attract read on the long press, with the invitation in each language" in_order \
	"Lecture à voix haute activée" "Tu me suis ?" "Touchez l'écran pour commencer" \
	"en	Touch the screen to start"
check "speech: a first tap says what a second one does" in_order \
	"Touchez l'écran pour commencer. Touchez deux fois pour activer."
check "speech: the language screen in each language's own voice" in_order \
	"fr	Choisissez votre langue. Français" "en	Choose your language. English"
check "speech: home: chapters, progress, each chapter, the quiz" in_order \
	"Les chapitres. 0 chapitres vus sur 2. 1: Qui me voit ? 2: Les bons réflexes. Faire le quiz final"
check "speech: the chapter: title, text, key points, actions" in_order \
	"Qui me voit ? Un message public peut être lu par tout le monde" "À retenir. Public veut dire : tout le monde." \
	"Répondre aux questions"
check "speech: the question and its choices, then the feedback" in_order \
	"Question 1 sur 2. Qui peut lire un message public ? 1: Seulement mes amis. 2: Tout le monde. 3: Personne" \
	"Bonne réponse ! Un message public est visible par tous. Suivant" \
	"Question 2 sur 2" "Ce n'est pas la bonne réponse. La bonne réponse : Non, il a pu être copié"
check "speech: the result: score, verdict, takeaways, further, finish" in_order \
	"Quiz réussi. 4 bonnes réponses sur 4" "L'essentiel à retenir" "Pour aller plus loin" "Terminer"
check "speech: turned off by its control" in_order "Lecture à voix haute désactivée"
check "speech: requests in the session's language only (fr), other voices only for other languages" sh -c \
	"! grep -v -e '^fr	' -e '^en	Touch the screen' -e '^en	Choose your language' $TMP/speech.txt"

# Portrait: above the reach line, where nothing is touched, a banner in the
# campaign's colours (not a blank half-screen) on the language and home
# screens; speech reads it first, in its order, then the chapters.
KIOSK_SPEECH_LOG="$TMP/speech-portrait.log" run_script speech-portrait 1080x1920 --seed 0 <<'S'
hold 0.5 0.5 2500
tap 0.5 0.6
tap 0.5 0.6
expect language
shot language
press Français
press Français
expect home
shot home
S
check "portrait banner: the session goes on" test $? -eq 0
cp "$TMP/speech-portrait.log" "$TMP/speech.txt" 2>/dev/null
check "portrait banner: the language screen reads the title and tagline, then each prompt" in_order \
	"fr	Tu me suis ? Les réseaux sociaux en dix minutes" "fr	Choisissez votre langue. Français" \
	"en	Choose your language. English"
check "portrait banner: home reads the banner (title, tagline, what is ahead, the time a pass takes, progress), then the chapters" \
	in_order "Tu me suis ? Les réseaux sociaux en dix minutes. 2 chapitres, puis un quiz final de 4 questions. Environ 3 minutes. 0 chapitres vus sur 2. Les chapitres. 1: Qui me voit ?"
# The banner's dark blue at the left of the upper zone (the page's light
# background before).
for shot in language home; do
	px=$(pixel_at "$TMP/speech-portrait/$shot.png" 0.1 0.3)
	check "portrait banner: the upper zone of $shot is the banner's blue (29 53 87), not blank: $px" \
		test "$px" = "29 53 87"
done

# Timing with speech on: the idle delay doubles (180 s), still-there gives
# 2 × 20 s, and a touch there goes on.
run_script speech-timing 1280x720 <<'S'
hold 0.5 0.5 2500
tap 0.5 0.6
tap 0.5 0.6
expect language
press Français
press Français
expect home
wait 170000
expect home
wait 30000
expect still-there
wait 20000
expect still-there
tap 0.5 0.5
expect home
wait 100000
expect home
wait 100000
expect still-there
wait 41000
expect attract
S
check "speech timing: idle 2×90 s, still-there 2×20 s, one touch goes on" test $? -eq 0

# The countdown of still-there shows the time the kiosk really waits: with
# large text 2 × 20 s, so 5 s before the end its ring still has red dots.
run_script still-large 1080x1920 <<'S'
tap 0.5 0.5
press Français
press Texte plus grand
wait 185000
expect still-there
shot still-35
wait 30000
expect still-there
shot still-5
S
rc=$?
check "still-there, large text: the countdown runs over the doubled delay (40 s), not 20 s" sh -c \
	"[ $rc -eq 0 ] && [ \"\$($PROBE count $TMP/still-large/still-5.png 0.2 0.45 0.8 0.74 214 40 57 8)\" -gt 200 ] &&
	 [ \"\$($PROBE count $TMP/still-large/still-35.png 0.2 0.45 0.8 0.74 214 40 57 8)\" -gt \"\$($PROBE count $TMP/still-large/still-5.png 0.2 0.45 0.8 0.74 214 40 57 8)\" ]"

# The speech thread never blocks the screen: a long reading queued, the
# loop goes on at once (figures: see the log for the real synthesis).
run_script speech-noblock 1280x720 <<'S'
hold 0.5 0.5 2500
tap 0.5 0.6
tap 0.5 0.6
press Français
press Français
press Qui me voit ?
press Qui me voit ?
expect chapter
key escape
expect home
S
check "speech: screens change while it reads (never blocks)" test $? -eq 0

# Speech on the video screen: what it is, its state and controls once as it
# opens; each control as the focus reaches it; what changed (paused,
# captions, resumed, ended), and nothing else over the video's own sound.
export KIOSK_SPEECH_LOG="$TMP/speech-video.log"
run_script speech-video 1280x720 <<'S'
hold 0.5 0.5 2500
tap 0.5 0.6
tap 0.5 0.6
press Français
press Français
press Qui me voit ?
press Qui me voit ?
expect chapter
press Voir la vidéo
press Voir la vidéo
expect video
wait-frame
press Pause
press Pause
wait 2000
expect video
press Sous-titres
press Sous-titres
key tab
press Lecture
press Lecture
wait-screen quiz
S
check "speech, video: the session plays through the video with speech on" test $? -eq 0
unset KIOSK_SPEECH_LOG
cp "$TMP/speech-video.log" "$TMP/speech.txt" 2>/dev/null
check "speech, video: title, playing, captions and the controls as it opens" in_order \
	"Vidéo: Qui me voit ? Lecture en cours. Sous-titres activés. Commandes: Pause, Dix secondes en arrière, Recommencer, Sous-titres, Volume, Passer la vidéo"
check "speech, video: each control as the focus reaches it, then what it did" in_order \
	"Vidéo: Qui me voit ?" "fr	Pause. Touchez deux fois pour activer." "fr	En pause." \
	"fr	Sous-titres, activé. Touchez deux fois pour activer." "fr	Sous-titres désactivés." \
	"fr	Volume, " "fr	Lecture. Touchez deux fois pour activer." "fr	Lecture reprise." \
	"fr	Vidéo terminée. Question 1 sur 2."
check "speech, video: nothing said while it plays but those (8 requests from its opening to the quiz)" sh -c \
	"[ \"\$(sed -n '/Vidéo: Qui me voit/,/Vidéo terminée/p' $TMP/speech.txt | wc -l)\" -eq 9 ]"

# Reach: on a portrait screen every control a person needs has its centre
# in the lower part (1.20 m on a 55" portrait screen 0.72 m above the floor:
# y >= 1159 of 1920, core/a11y.h).
run_script reach 1080x1920 <<'S'
tap 0.5 0.5
expect language
controls
press Français
expect home
controls
press Qui me voit ?
expect chapter
controls
press Répondre aux questions
expect quiz
controls
answer-all right
expect home
press Faire le quiz final
expect quiz
controls
answer-all right
expect result
controls
shot result
S
check "reach: a portrait session plays through" test $? -eq 0
check "reach: every control of the portrait session within reach (centre y >= 1159)" awk '
	$1 == "control" { n++; c = $3 + $5 / 2; if (c < 1159) { print "out of reach: " $0; bad++ } }
	END { if (n < 20) { print "only " n " controls"; exit 1 } exit bad > 0 }' "$TMP/reach.trace"
# The same with large text (A+) on the bundled module (7 chapters): the
# chapter cards scroll in the reach zone instead of climbing above it;
# `press` scrolls a card into view as a person would, `controls` lists what
# is in view.
run_script reach-large 1080x1920 --content "$M" <<'S'
tap 0.5 0.5
expect language
press Texte plus grand
controls
press Français
expect home
controls
shot home
press @chapter.7
expect chapter
controls
press @ui.chapter_questions
expect quiz
controls
choose wrong
controls
press @ui.next
expect home
controls
press @ui.start_quiz
expect quiz
choose wrong
controls
press @ui.next
answer-all right
expect result
controls
shot result
S
check "reach, large text: a portrait session of the bundled module plays through" test $? -eq 0
check "reach, large text: every control in view within reach (centre y >= 1159)" awk \
	'$1 == "control" { n++; c = $3 + $5 / 2; if (c < 1159) { print "out of reach: " $0; bad++ } }
	END { if (n < 30) { print "only " n " controls"; exit 1 } exit bad > 0 }' "$TMP/reach-large.trace"
check "reach, large text: the home screen shows chapter cards in reach, and scrolls to the 7th" sh -c \
	"grep -q '^control .* La campagne' $TMP/reach-large.trace && grep -q '^screen chapter' $TMP/reach-large.trace"
# Keys on that list: Tab to the 7th chapter scrolls its card into view.
run_script focus-scroll 1080x1920 --content "$M" <<'S'
tap 0.5 0.5
press Texte plus grand
press Français
expect home
controls
key tab
key tab
key tab
key tab
key tab
key tab
key tab
expect-focus Se protéger
controls
key return
expect chapter
S
rc=$?
check "focus: Tab to a card out of view scrolls it in (7th chapter, portrait, A+)" sh -c \
	"[ $rc -eq 0 ] && [ \$(grep -c '^control .* Se protéger\$' $TMP/focus-scroll.trace) -eq 1 ] &&
	 awk '\$1 == \"control\" && /Se protéger\$/ && \$3 >= 1159 && \$5 >= 100 { ok = 1 } END { exit !ok }' $TMP/focus-scroll.trace"
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$MINI" >"$TMP/reach-check.out" 2>&1
check "reach: kiosk --check finds nothing out of reach, no contrast under 4.5:1, large text too (mini)" sh -c \
	"[ $? -eq 0 ] && ! grep -q -e 'out of reach' -e contrast -e warning $TMP/reach-check.out"

# High contrast: the setting starts every session in it, and the toggle turns it off.
cp "$TMP/kiosk.yaml" "$TMP/hc.yaml"
echo "high_contrast: true" >>"$TMP/hc.yaml"
run_script hc 1280x720 --config "$TMP/hc.yaml" <<'S'
tap 0.5 0.5
press Français
shot home-hc
press Contraste élevé
shot home-normal
S
check "high contrast: the setting and the toggle" test $? -eq 0
check "high contrast: a black screen with yellow outlines, then the usual colours" sh -c \
	"[ \"\$($PROBE count $TMP/hc/home-hc.png 0 0.2 1 0.8 0 0 0 4)\" -gt 300000 ] &&
	 [ \"\$($PROBE count $TMP/hc/home-hc.png 0 0 1 1 255 212 0 4)\" -gt 2000 ] &&
	 [ \"\$($PROBE count $TMP/hc/home-normal.png 0 0.2 1 0.8 246 244 239 4)\" -gt 300000 ]"

# Large text in portrait: the bottom bar's controls do not overlap.
run_script large-portrait 1080x1920 --content "$M" <<'S'
tap 0.5 0.5
press Français
press Texte plus grand
expect home
controls
press Retour
expect language
S
check "large text, portrait: the session goes on (Retour still pressable)" test $? -eq 0
check "large text, portrait: no two controls overlap" awk '
	$1 == "control" { x[n] = $2; y[n] = $3; w[n] = $4; h[n] = $5; n++ }
	END { for (i = 0; i < n; i++) for (j = i + 1; j < n; j++)
		if (x[i] < x[j] + w[j] && x[j] < x[i] + w[i] && y[i] < y[j] + h[j] && y[j] < y[i] + h[i]) {
			print "overlap: " i " and " j; bad = 1 }
	exit bad || n < 8 }' "$TMP/large-portrait.trace"
