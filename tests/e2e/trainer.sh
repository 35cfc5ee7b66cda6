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
unlock() {
	printf 'hold 0.05 0.05 3500\nexpect trainer-pin\npress 2\npress 4\npress 6\npress 8\npress 1\npress 3\npress OK\nexpect trainer\n'
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
		for p in "Chapitres et questions" "Aujourd'hui" "QR du jour" Borne "Réglages du jour" \
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

# Export to a folder standing for the drive (prepared drives, read-only,
# full and pulled out: tests/e2e/export_drive.sh; before and after one
# person: tests/privacy/export_diff.sh).
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
assert rows[0] == ["groups"], rows[0]
assert rows[2][:2] == ["total", "total"], rows[2]
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
n=$(db 'SELECT count(*) FROM session')
[ "$n" = 3 ] && pass "timeout: no session counted for the trainer" || fail "timeout: sessions" "$n"

# « Aujourd'hui »: 48 sessions last month on the bundled module; the bars
# and the QR code (read back with zbarimg) show that whole month, each rate
# only with K people on both sides; of today only the rounded count. One
# more person today, then the page again: the same figures.
M="$ROOT/assets/modules/tu-me-suis"
today=$(date +%F)
lm=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
sed "s#^database: .*#database: $T/day.db#" "$T/t.yaml" >"$T/day.yaml"
sh tests/tools/demo_day.sh | sed "s/day=2024-03-1/day=$lm-1/" | "$GEN" -o "$T/day.db" 2>/dev/null
qr_run() { # name
	{
		unlock
		echo "press QR du jour"
		echo "shot qr"
		echo "press Aujourd'hui"
		echo "press Chapitres et questions"
		echo "shot detail"
	} >"$T/$1.script"
	"$KIOSK" --headless --script "$T/$1.script" --size 1920x1080 --config "$T/day.yaml" \
		--content "$M" --shots "$T/$1" >"$T/$1.trace" 2>"$T/$1.err"
}
mkdir -p "$T/qr1" "$T/qr2"
qr_run qr1
check "today: QR and per chapter/question pages" test $? -eq 0
if command -v zbarimg >/dev/null; then
	zbarimg -q --raw "$T/qr1/qr.png" >"$T/qr1.txt" 2>&1
	has "QR: the summary as text" "$T/qr1.txt" "Mois complet $lm: 48 sessions"
	# UTF-8 marked (ECI 26): without it zbarimg guessed Shift JIS (« all矇es »).
	has "QR: accents read right (UTF-8 ECI)" "$T/qr1.txt" "allées au bout"
	has "QR: today only as a rounded count" "$T/qr1.txt" "Sessions aujourd'hui: moins de 5"
	has "QR: right answers per question" "$T/qr1.txt" "q-one-account 75%"
	has "QR: chapters opened" "$T/qr1.txt" "Chapitres ouverts: pourquoi 88%"
	if grep -q "q-goal-first" "$T/qr1.txt"; then fail "QR: a rate with fewer than K on one side is left out" "q-goal-first (48 of 48 right) shown"; else pass "QR: a rate with fewer than K on one side is left out"; fi
	echo "n=1 day=$today module=tu-me-suis stage=result end=finished score=0 ans=q-goal-first:goals:0:0" |
		"$GEN" -o "$T/day.db" 2>/dev/null
	qr_run qr2
	zbarimg -q --raw "$T/qr2/qr.png" >"$T/qr2.txt" 2>&1
	if cmp -s "$T/qr1.txt" "$T/qr2.txt"; then
		pass "one more person: the trainer sees the same figures"
	else
		fail "one more person: the trainer sees the same figures" "$(diff "$T/qr1.txt" "$T/qr2.txt" | head -4)"
	fi
	if [ -n "${TRAINER_SHOTS:-}" ]; then cp "$T/qr1/qr.png" "$T/qr1/detail.png" "$TRAINER_SHOTS/"; fi
else
	fail "QR read back" "zbarimg missing (Debian package zbar-tools)"
fi
exit 0
