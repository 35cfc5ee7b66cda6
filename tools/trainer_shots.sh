#!/bin/sh
# Screenshots of the trainer screen's pages and of the printed report, for
# the README (docs/shots/trainer-*.png, docs/shots/report-print*.png): two
# welcome days of 24 people before today (tests/tools/trainer_day.sh, closed
# batches) on the bundled module.
BUILD=${BUILD:-build}
out=${1:-docs/shots}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh tests/tools/trainer_day.sh assets/modules/tu-me-suis "$(date -d '2 days ago' +%F)" \
	"$(date -d yesterday +%F)" | "$BUILD/tools/gen_sessions" -o "$tmp/kiosk.db" 2>/dev/null || exit 1
mkdir -p "$tmp/usb" "$out"
cat >"$tmp/k.yaml" <<YAML
kiosk_id: accueil-1
database: $tmp/kiosk.db
trainer_pin: '\$argon2id\$v=19\$m=65536,t=2,p=1\$LdVC73yqtsQWu8ggxR/TEw\$dBFkr1hWkDNX8A5XPETLwRDc5nzEt8uhSX8yDpnGt7w'
export_dir: $tmp/usb
day_labels:
  - id: accueil-12-mars
    text: "Journée d'accueil du 12 mars"
  - id: site-schiltigheim
    text: "Site de Schiltigheim"
YAML
cat >"$tmp/s.txt" <<'S'
hold 0.05 0.05 3500
press 2
press 4
press 6
press 8
press 1
press 3
press OK
expect trainer
shot trainer-today
press Questions et chapitres
shot trainer-detail
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.85 0.6 0.35
swipe 0.6 0.35 0.6 0.75
swipe 0.6 0.35 0.6 0.55
shot trainer-detail-chapters
press Aujourd'hui
press QR du jour
shot trainer-qr
press Borne
shot trainer-kiosk
press Réglages du jour
press Aucune étiquette
shot trainer-labels
press Journée d'accueil du 12 mars
shot trainer-settings
press Exporter
press Exporter tout
shot trainer-export
press Redémarrer le programme
shot trainer-restart
S
"$BUILD/kiosk" --headless --script "$tmp/s.txt" --size 1920x1080 --config "$tmp/k.yaml" \
	--shots "$out" || exit $?
# Portrait: the end of the list (the chapters' questions, the chapters).
{
	sed -n '1,/^press OK$/p' "$tmp/s.txt"
	echo "press Questions et chapitres"
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "swipe 0.6 0.85 0.6 0.35"; done
	echo "swipe 0.6 0.35 0.6 0.55"
	echo "shot trainer-detail-portrait"
} >"$tmp/p.txt"
"$BUILD/kiosk" --headless --script "$tmp/p.txt" --size 1080x1920 --config "$tmp/k.yaml" \
	--shots "$out" || exit $?
html=$(ls "$tmp"/usb/*.html)
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$tmp/r.pdf" \
	"file://$html" >/dev/null 2>&1
rm -rf "$profile"
pdftoppm -png -r 50 -f 1 -l 1 "$tmp/r.pdf" "$out/report-print" &&
	mv "$out/report-print-1.png" "$out/report-print.png"
items=$(pdftotext "$tmp/r.pdf" - | awk '/Analyse des questions/ {print NR; exit}')
page=$(for p in $(seq 1 "$(pdfinfo "$tmp/r.pdf" | awk '/^Pages/ {print $2}')"); do
	pdftotext -f "$p" -l "$p" "$tmp/r.pdf" - | grep -q "Analyse des questions" && echo "$p" && break
done)
[ -n "$page" ] && pdftoppm -png -r 50 -f "$page" -l "$page" "$tmp/r.pdf" "$out/report-print-items" &&
	mv "$out"/report-print-items-*.png "$out/report-print-items.png"
: "$items"
echo "screenshots in $out/"
