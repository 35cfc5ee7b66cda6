#!/bin/sh
# Attack (issues 10, 21): open the trainer screen, let one person finish,
# open it again, subtract. Before issue 10: 5 sessions, 2 passed, 60 % then
# 6, 2, 50 %: the sixth person scored 0 % and failed. Now the screen shows
# today only as a rounded count and results of closed batches only
# (« Dernière journée », « Ce mois-ci »), published with noise: every line
# it shows is the same before and after.
. tests/lib.sh
today=$(date +%F)
yesterday=$(date -d yesterday +%F)
view() { # name: the figures the trainer screen shows (logged at debug level)
	{ unlock; echo "shot trainer"; } | KIOSK_DEBUG=1 run_script "$1" 1280x720 --db "$TMP/kiosk.db"
	grep "trainer: shown:" "$TMP/$1.err" | sed 's/^<[0-9]>//' | sort -u
}
"$GEN" --close "$yesterday" -o "$TMP/kiosk.db" <<SPEC 2>/dev/null
n=4 day=$yesterday kiosk=test stage=result end=finished score=90 passed=1
n=3 day=$yesterday kiosk=test stage=result end=finished score=30 passed=0
n=2 day=$today kiosk=test stage=result score=80 passed=1
n=1 day=$today kiosk=test stage=result score=40 passed=0
n=2 day=$today kiosk=test stage=result score=50 passed=0
SPEC
before=$(view before)
"$GEN" --close "$yesterday" -o "$TMP/kiosk.db" <<SPEC 2>/dev/null
n=1 day=$today kiosk=test stage=result score=0 passed=0
SPEC
after=$(view after)
echo "$before" | sed 's/^/# before: /'
echo "$after" | sed 's/^/# after:  /'
if [ -n "$before" ] && [ "$before" = "$after" ]; then
	pass "one more session changes nothing on the trainer screen"
else
	fail "one more session changes nothing on the trainer screen" "before '$before', after '$after'"
fi
case "$before" in *"Dernière journée"*"≈ "*) pass "« Dernière journée »: yesterday's closed batch, published" ;;
*) fail "« Dernière journée »: yesterday's closed batch, published" "$before" ;; esac
today_line=$(echo "$before" | grep "shown: today")
case "$today_line" in *"5 à 9"*) pass "today: the rounded count only ($today_line)" ;; *) fail "today: the rounded count only" "$today_line" ;; esac
