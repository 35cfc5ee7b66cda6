#!/bin/sh
# The trainer screen's pages, headless: the hold gesture and PIN, every
# page, the welcome-day label stored with the next sessions, export to a
# "drive" folder (read back by a CSV parser), sleep, restart, and the 60 s
# timeout (never a session).
. tests/lib.sh
T=$TMP
SHOTS=${TRAINER_SHOTS:-$T/shots}
mkdir -p "$T/usb" "$SHOTS"
cat >"$T/t.yaml" <<YAML
kiosk_id: accueil-1
database: $T/kiosk.db
trainer_pin: '$TRAINER_PIN_HASH'
export_dir: $T/usb
day_labels:
  - id: accueil-12-mars
    text: "Journée d'accueil du 12 mars"
  - id: site-schiltigheim
    text: "Site de Schiltigheim"
YAML
run() { # name size < script
	name=$1 size=$2
	mkdir -p "$T/$name"
	cat >"$T/$name.script"
	"$KIOSK" --headless --script "$T/$name.script" --size "$size" --trace --config "$T/t.yaml" \
		--content "$MINI" --shots "$T/$name" >"$T/$name.trace" 2>"$T/$name.err"
}
session() { # one person, quiz all right
	printf 'tap 0.5 0.5\nexpect language\npress Français\nexpect home\npress @ui.start_quiz\nanswer-all right\nexpect result\npress @ui.finish\nexpect attract\n'
}
db() { sqlite3 "$T/kiosk.db" "$1"; }

# Every page, in landscape and portrait.
for size in 1920x1080 1080x1920; do
	{
		unlock
		echo "shot $size-today"
		echo "controls"
		for p in "Questions et chapitres" "Aujourd'hui" "QR du jour" Borne "Réglages du jour" \
			"Aucune étiquette" "Réglages du jour" Exporter "Redémarrer le programme"; do
			echo "press $p"
			echo "expect trainer"
			echo "shot $size-$(echo "$p" | tr -cd 'a-zA-Z')"
		done
		echo "press Fermer"
		echo "expect attract"
	} | run "pages-$size" "$size"
	check "pages $size: hold, PIN, every page, Fermer" test $? -eq 0
	for p in "Aujourd'hui" Borne "Réglages du jour" Exporter "Mettre en veille" \
		"Redémarrer le programme" Fermer; do
		if grep -q "^control [0-9]* [0-9]* [0-9]* [0-9]* $p\$" "$T/pages-$size.trace"; then
			pass "pages $size: page button « $p »"
		else
			fail "pages $size: page button « $p »" "not in the controls"
		fi
	done
	# Large touch targets: every page button at least 10 mm (the layout's
	# touch size is 10 mm or more; the page bar uses 1.5 times that).
	small=$(awk '$1 == "control" && $5 < 60 {print}' "$T/pages-$size.trace" | head -3)
	[ -z "$small" ] && pass "pages $size: no control under 60 px high" || fail "pages $size: small controls" "$small"
done
[ "$(db 'SELECT count(*) FROM session')" = 0 ] && pass "the trainer screen is never a session" || fail "the trainer screen is never a session" "$(db 'SELECT count(*) FROM session')"

# The label: one session before it is picked, two after; the pick survives
# a restart of the program (kept in kiosk.db.day).
{
	session
	unlock
	echo "press Réglages du jour"
	echo "press Aucune étiquette"
	echo "shot labels"
	echo "press Journée d'accueil du 12 mars"
	echo "expect trainer"
	echo "press Fermer"
	session
} | run label 1280x720
check "label: picked from the list on « Réglages du jour »" test $? -eq 0
session | run label2 1280x720
check "label: another session after a restart" test $? -eq 0
[ "$(db "SELECT count(*) FROM session WHERE label IS NULL")" = 1 ] && pass "label: the session before the pick has none" || fail "label: before" "$(db 'SELECT label FROM session')"
[ "$(db "SELECT count(*) FROM session WHERE label = 'accueil-12-mars'")" = 2 ] && pass "label: stored with the next sessions, also after a restart" || fail "label: after" "$(db 'SELECT quote(label) FROM session')"
has "label: kept in the day file" "$T/kiosk.db.day" "label accueil-12-mars"
# Volume and text size of the day.
{
	unlock
	echo "press Réglages du jour"
	echo "press Volume −"
	echo "press Volume −"
	echo "press Grand texte"
	echo "shot settings"
	echo "press Fermer"
	echo "tap 0.5 0.5"
	echo "expect language"
	echo "shot language-large"
} | run dayset 1280x720
check "settings of the day: volume and text size" test $? -eq 0
has "settings of the day: volume 60" "$T/kiosk.db.day" "volume 60"
has "settings of the day: large text" "$T/kiosk.db.day" "large 1"
# With the large text of the day at 1280x720 the PIN pad fits the window:
# every key, OK included, fully inside and at least the touch size, and
# the PIN typed then OK opens the trainer screen.
{
	echo "hold 0.05 0.05 3500"
	echo "expect trainer-pin"
	echo "shot pad-large"
	echo "controls"
	unlock | tail -n +3
} | run padlarge 1280x720
check "large text 1280x720: PIN then OK opens the trainer screen" test $? -eq 0
keys=$(awk '$1 == "control" && $6 ~ /^([0-9]|OK|‹)$/' "$T/padlarge.trace" | head -12)
bad=$(echo "$keys" | awk '$2 < 0 || $3 < 0 || $2 + $4 > 1280 || $3 + $5 > 720 || $4 < 60 || $5 < 60')
[ "$(echo "$keys" | grep -c .)" = 12 ] && [ -z "$bad" ] && pass "large text 1280x720: the 12 keys inside the window, 60 px or more" ||
	fail "large text 1280x720: the pad's keys" "${bad:-$(grep -c '^control' "$T/padlarge.trace") controls}"

# Export to a folder standing for the drive (prepared drives, read-only,
# full and pulled out: tests/e2e/export_drive.sh; before and after one
# person: tests/privacy/export_diff.sh). The sessions above are today's,
# which never leave: six of two days ago make a closed batch.
printf 'n=6 day=%s kiosk=accueil-1 stage=result end=finished score=80 passed=1\n' "$(date -d '2 days ago' +%F)" |
	"$GEN" --close "$(date -d yesterday +%F)" -o "$T/kiosk.db" 2>/dev/null
{
	unlock
	echo "press Exporter"
	echo "press Exporter tout"
	echo "shot export"
} | run export 1280x720
check "export: runs" test $? -eq 0
ls -A "$T/usb" >"$T/usb.list"
for f in kiosk-accueil-1-tout.html kiosk-accueil-1-tout.csv; do
	has "export: $f written" "$T/usb.list" "$f"
done
[ "$(wc -l <"$T/usb.list")" = 2 ] && pass "export: the two reports and nothing else (no database)" || fail "export: files on the drive" "$(cat "$T/usb.list")"
if python3 - "$T/usb/kiosk-accueil-1-tout.csv" >"$T/csv.out" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
assert ["groups"] in rows, rows[:3]
assert any(r[:2] == ["total", "total"] for r in rows), "no total row"
assert ["items"] in rows
PY
then pass "export: the CSV parses (';', French Excel)"; else fail "export: the CSV parses" "$(cat "$T/csv.out")"; fi
has "export: the HTML report" "$T/usb/kiosk-accueil-1-tout.html" "Analyse des questions"

# The test video: frames on the trainer page (not a black box).
{
	unlock
	echo "press Réglages du jour"
	echo "press Vidéo d'essai"
	echo "wait 8000" # the first frame can take seconds on a loaded machine; the last stays
	echo "shot video"
	echo "expect trainer"
	echo "press Borne"
	echo "expect trainer"
} | run video 1280x720
check "test video: plays on « Réglages du jour », then another page" test $? -eq 0
set -- $($PROBE box "$T/video/video.png" 0.3 0.2 0.6 0.5)
[ $((${1:-0} + ${2:-0} + ${3:-0})) -gt 60 ] && pass "test video: frames on screen (mean colour $1 $2 $3)" || fail "test video: frames on screen" "$*"

# Sleep: a dark screen until a touch, which only wakes it.
{
	unlock
	echo "press Mettre en veille"
	echo "expect attract"
	echo "shot asleep"
	echo "wait 600000"
	echo "shot still-asleep"
	echo "tap 0.5 0.5"
	echo "expect attract"
	echo "shot awake"
	echo "tap 0.5 0.5"
	echo "expect language"
} | run sleep 1280x720
check "sleep: dark until a touch, the waking touch does nothing else" test $? -eq 0
for s in asleep still-asleep; do
	set -- $($PROBE box "$T/sleep/$s.png" 0 0 1 1)
	[ "$1$2$3" = 000 ] && pass "sleep: $s screen is black" || fail "sleep: $s screen is black" "$*"
done
set -- $($PROBE box "$T/sleep/awake.png" 0 0 1 1)
[ "$1$2$3" != 000 ] && pass "sleep: awake again after the touch" || fail "sleep: awake" "$*"

# Restart: a clean exit (0) that systemd turns into a restart, logged.
{
	unlock
	echo "press Redémarrer le programme"
	echo "press Oui, redémarrer maintenant"
	echo "expect language" # never reached: the program has stopped
} | run restart 1280x720
check "restart: clean exit 0" test $? -eq 0
has "restart: logged" "$T/restart.err" "restart asked on the trainer screen"

# The 60 s timeout, from any page: still there at 59 s, attract at 60 s.
{
	unlock
	echo "press Borne"
	echo "wait 59000"
	echo "expect trainer"
	echo "press Exporter"
	echo "wait 59000"
	echo "expect trainer"
	echo "wait 1500"
	echo "expect attract"
} | run timeout 1280x720
check "timeout: back to attract 60 s after the last touch, on any page" test $? -eq 0
n=$(db "SELECT count(*) FROM session WHERE day = date('now', 'localtime')")
[ "$n" = 3 ] && pass "timeout: no session counted for the trainer" || fail "timeout: sessions" "$n"

# « Aujourd'hui » and « Questions et chapitres »: 48 people on the bundled
# module over the two days before today (tests/tools/trainer_day.sh), each
# day a closed batch of 24. « Dernière journée » is yesterday's batch,
# published (« ≈ »); the question list starts with the questions to rewrite
# (the module's last question: the weaker get it right, a key to check;
# its first: everyone does) and scrolls to its last row (with 18 rows, 15
# fitted before and the questions to rewrite were below the fold). The QR
# code, read back with zbarimg, carries the same summary in UTF-8. One more
# person today, then the pages again: the same figures.
M="$ROOT/assets/modules/tu-me-suis"
today=$(date +%F)
d1=$(date -d '2 days ago' +%F)
d2=$(date -d yesterday +%F)
sed "s#^database: .*#database: $T/day.db#" "$T/t.yaml" >"$T/day.yaml"
sh tests/tools/trainer_day.sh "$M" "$d1" "$d2" | "$GEN" -o "$T/day.db" 2>/dev/null
negative=$(awk '/^questions:/ {q = 1} q && /^  - id: / {id = $3} END {print id}' "$M/module.yaml")
stats_run() { # name size
	{
		unlock
		echo "shot today"
		echo "press QR du jour"
		echo "shot qr"
		echo "press Aujourd'hui"
		echo "press Questions et chapitres"
		echo "shot detail"
		# 32 rows since the chapters' questions are listed: about 3 rows a
		# swipe at 1920x1080; swipes past the end leave it there.
		for i in $(seq 14); do echo "swipe 0.6 0.85 0.6 0.35"; done
		echo "shot detail-end"
		echo "expect trainer"
	} >"$T/$1.script"
	mkdir -p "$T/$1"
	KIOSK_DEBUG=1 "$KIOSK" --headless --script "$T/$1.script" --size "$2" --config "$T/day.yaml" \
		--content "$M" --shots "$T/$1" >"$T/$1.trace" 2>"$T/$1.err"
}
for size in 1920x1080 1080x1920; do
	stats_run "stats-$size" "$size"
	check "$size: « Aujourd'hui », QR and question pages" test $? -eq 0
	e="$T/stats-$size.err"
	if grep -q "shown: Dernière journée .*: ≈ 2[2-6] sessions" "$e"; then pass "$size: « Dernière journée » shows yesterday's batch, published"; else fail "$size: « Dernière journée »" "$(grep 'shown:' "$e" | head -3)"; fi
	order=$(sed -n 's/.*questions of the last batch, in the order shown: //p' "$e" | tail -1)
	case "$order" in
	"$negative (à réécrire), "*) pass "$size: the list starts with the questions to rewrite ($(echo "$order" | cut -c1-60)…)" ;;
	*) fail "$size: the list starts with the questions to rewrite" "$order" ;;
	esac
	# The chapters' own questions (first tries) after the final quiz's.
	case "$order" in
	*", q-goal-first, q-user-case, q-two-factor") pass "$size: the chapters' questions listed, after the final quiz's" ;;
	*) fail "$size: the chapters' questions listed" "$order" ;;
	esac
	# No question to rewrite after one that is fine.
	echo "$order" | tr ',' '\n' | awk '/à réécrire/ && seen {bad = 1} !/à réécrire/ {seen = 1} END {exit bad}' &&
		pass "$size: every question to rewrite before the others" || fail "$size: questions to rewrite first" "$order"
	first=$(grep "question list: rows" "$e" | head -1 | sed 's/.*rows //')
	end=$(grep "question list: rows" "$e" | tail -1 | sed 's/.*rows //')
	n=$(echo "$end" | sed 's/.* of \([0-9]*\) in view/\1/')
	case "$end" in *" to $n of $n in view") pass "$size: the list scrolls to its last row ($first, then $end)" ;;
	*) fail "$size: the list scrolls to its last row" "first $first, last $end" ;; esac
	if ! cmp -s "$T/stats-$size/detail.png" "$T/stats-$size/detail-end.png"; then pass "$size: the swipe moves the list"; else fail "$size: the swipe moves the list" "same picture"; fi
	if [ -n "${TRAINER_SHOTS:-}" ]; then for f in today qr detail detail-end; do cp "$T/stats-$size/$f.png" "$TRAINER_SHOTS/stats-$size-$f.png"; done; fi
done
if command -v zbarimg >/dev/null; then
	zbarimg -q --raw "$T/stats-1920x1080/qr.png" >"$T/qr1.txt" 2>/dev/null
	has "QR: the last closed batch" "$T/qr1.txt" "Dernière journée ("
	# UTF-8 marked (ECI 26): without it zbarimg guessed Shift JIS (« all矇es »).
	has "QR: accents read right (UTF-8 ECI)" "$T/qr1.txt" "allées au bout"
	has "QR: today only as a rounded count" "$T/qr1.txt" "Sessions aujourd'hui: moins de 5"
	has "QR: the questions to rewrite" "$T/qr1.txt" "À réécrire: $negative"
	has "QR: right answers and the most chosen wrong answer" "$T/qr1.txt" "Bonnes réponses (%, erreur la plus choisie): "
	has "QR: the chapters' questions" "$T/qr1.txt" "Questions des chapitres (%, erreur la plus choisie): q-goal-first"
	echo "n=1 day=$today kiosk=accueil-1 module=tu-me-suis stage=result end=finished score=0 ans=f-goal-time:goals:0:0 cq=pourquoi:q-goal-first:0:0" |
		"$GEN" --close "$d2" -o "$T/day.db" 2>/dev/null
	stats_run qr2 1920x1080
	zbarimg -q --raw "$T/qr2/qr.png" >"$T/qr2.txt" 2>/dev/null
	if [ -s "$T/qr1.txt" ] && cmp -s "$T/qr1.txt" "$T/qr2.txt"; then
		pass "one more person: the trainer sees the same figures"
	else
		fail "one more person: the trainer sees the same figures" "$(diff "$T/qr1.txt" "$T/qr2.txt" | head -4)"
	fi
else
	fail "QR read back" "zbarimg missing (Debian package zbar-tools)"
fi
exit 0
