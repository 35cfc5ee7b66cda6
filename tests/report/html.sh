#!/bin/sh
# The HTML report: one self-contained file, opened in real headless
# Chromium; its DOM must hold the SVG charts and its screenshot must show
# them (bar-coloured pixels), on a desktop and on a phone-sized window.
BUILD=${BUILD:-build}
R=$BUILD/kiosk-report
GEN=$BUILD/tools/gen_sessions
PNG=$BUILD/tools/png_colors
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1: $2"; }
SHOTS=${REPORT_SHOTS:-$T}
mkdir -p "$SHOTS"

"$GEN" -o "$T/r.db" --random 3000 --days 20 --from 2024-05-01 2>/dev/null
# A day with two sessions, to show hidden (hatched) figures too.
"$GEN" -o "$T/r.db" 2>/dev/null <<'SPEC'
n=2 day=2024-06-15 lang=fr stage=result end=finished score=30 ans=q1:visibility:2:0
SPEC
"$R" "$T/r.db" --format html -o "$T/report.html" || ko "html written" "exit $?"
[ -s "$T/report.html" ] && ok "html written" || ko "html written" "empty"

for bad in 'http://' 'https://' '<script' '<link' '@import' '<img' '<iframe' 'url(http'; do
	if grep -qiF -- "$bad" "$T/report.html"; then ko "self-contained: no $bad" "$(grep -oiF -- "$bad" "$T/report.html" | head -1)"; else ok "self-contained: no $bad"; fi
done
for id in chart-funnel chart-scores chart-questions chart-days; do
	grep -q "<svg id='$id'" "$T/report.html" && ok "svg $id in the file" || ko "svg $id in the file" "missing"
done
grep -q "name='viewport'" "$T/report.html" && ok "viewport for phones" || ko "viewport for phones" "missing"
grep -q "@page{size:A4" "$T/report.html" && ok "A4 print rule" || ko "A4 print rule" "missing"
grep -q "masqué" "$T/report.html" && ok "hidden figures are labelled" || ko "hidden figures are labelled" "no 'masqué'"

CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$CHROME" ]; then
	ko "chromium" "not installed (Debian package chromium)"
	exit 0
fi
chrome() {
	profile=$(mktemp -d)
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$profile" "$@" 2>>"$T/chrome.log"
	rc=$?
	rm -rf "$profile"
	return $rc
}

chrome --dump-dom "file://$T/report.html" >"$T/dom.html"
for id in chart-funnel chart-scores chart-questions chart-days; do
	grep -q "<svg id=\"$id\"" "$T/dom.html" && ok "chromium DOM has $id" || ko "chromium DOM has $id" "$(head -c 300 "$T/dom.html")"
done
rects=$(grep -o '<rect' "$T/dom.html" | wc -l)
[ "$rects" -ge 40 ] && ok "chromium DOM has $rects bars" || ko "chromium DOM bars" "$rects"

check_shot() { # name png min-blue min-teal
	if [ ! -s "$2" ]; then
		ko "$1" "no screenshot ($(tail -3 "$T/chrome.log"))"
		return
	fi
	set -- "$1" "$2" "$3" "$4" $("$PNG" "$2" 2563eb) $("$PNG" "$2" 0d9488)
	# $5 width, $6 height, $7 blue pixels, $8 ink, $11 teal pixels
	if [ "${7:-0}" -ge "$3" ] && [ "${11:-0}" -ge "$4" ]; then
		ok "$1 (${5}x$6, $7 blue and ${11} teal chart pixels)"
	else
		ko "$1" "blue=${7:-?} teal=${11:-?}, want >= $3 and >= $4"
	fi
}
chrome --window-size=1000,1800 --screenshot="$SHOTS/report-desktop.png" "file://$T/report.html" >/dev/null
check_shot "desktop screenshot shows the charts" "$SHOTS/report-desktop.png" 5000 5000
chrome --window-size=390,2400 --screenshot="$SHOTS/report-phone.png" "file://$T/report.html" >/dev/null
check_shot "phone screenshot shows the charts" "$SHOTS/report-phone.png" 1500 1500

chrome --print-to-pdf="$T/report.pdf" --no-pdf-header-footer "file://$T/report.html" >/dev/null
if [ "$(head -c 4 "$T/report.pdf" 2>/dev/null)" = "%PDF" ]; then
	pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$T/report.pdf")
	ok "prints to PDF ($pages A4 pages)"
else
	ko "prints to PDF" "no PDF"
fi
# A4 is 595 x 842 points.
grep -aqE 'MediaBox \[0 0 59[45]\.?[0-9]* 84[12]' "$T/report.pdf" && ok "PDF pages are A4" || ko "PDF pages are A4" "$(grep -ao 'MediaBox[^]]*]' "$T/report.pdf" | head -1)"
