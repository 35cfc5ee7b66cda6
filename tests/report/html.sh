#!/bin/sh
# The HTML report: one self-contained file, opened in real headless
# Chromium; its DOM must hold the SVG charts and its screenshot must show
# them (bar-coloured pixels), on a desktop and on a phone-sized window.
. tests/lib.sh
R=$REPORT
T=$TMP
PNG="$PROBE colors"
SHOTS=${REPORT_SHOTS:-$T}
mkdir -p "$SHOTS"

"$GEN" -o "$T/r.db" --random 3000 --days 20 --from 2024-05-01 2>/dev/null
# A day with two sessions, to show hidden (hatched) figures too.
"$GEN" -o "$T/r.db" 2>/dev/null <<'SPEC'
n=2 day=2024-06-15 lang=fr stage=result end=finished score=30 ans=q1:visibility:2:0
SPEC
"$R" "$T/r.db" --format html -o "$T/report.html" || fail "html written" "exit $?"
[ -s "$T/report.html" ] && pass "html written" || fail "html written" "empty"

for bad in 'http://' 'https://' '<script' '<link' '@import' '<img' '<iframe' 'url(http'; do
	if grep -qiF -- "$bad" "$T/report.html"; then fail "self-contained: no $bad" "$(grep -oiF -- "$bad" "$T/report.html" | head -1)"; else pass "self-contained: no $bad"; fi
done
for id in chart-funnel chart-scores chart-questions chart-days; do
	grep -q "<svg id='$id'" "$T/report.html" && pass "svg $id in the file" || fail "svg $id in the file" "missing"
done
grep -q "name='viewport'" "$T/report.html" && pass "viewport for phones" || fail "viewport for phones" "missing"
grep -q "@page{size:A4" "$T/report.html" && pass "A4 print rule" || fail "A4 print rule" "missing"
grep -q "masqué" "$T/report.html" && pass "hidden figures are labelled" || fail "hidden figures are labelled" "no 'masqué'"

CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$CHROME" ]; then
	fail "chromium" "not installed (Debian package chromium)"
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
	grep -q "<svg id=\"$id\"" "$T/dom.html" && pass "chromium DOM has $id" || fail "chromium DOM has $id" "$(head -c 300 "$T/dom.html")"
done
# Perturbed figures (statistics v2) carry their mark on the page.
grep -q "<div class=\"card\"><b>≈ [0-9]" "$T/dom.html" && pass "chromium DOM: figures marked ≈" ||
	fail "chromium DOM: figures marked ≈" "$(grep -o '<div class="card">.\{0,40\}' "$T/dom.html" | head -2)"
rects=$(grep -o '<rect' "$T/dom.html" | wc -l)
[ "$rects" -ge 40 ] && pass "chromium DOM has $rects bars" || fail "chromium DOM bars" "$rects"

check_shot() { # name png min-blue min-teal
	if [ ! -s "$2" ]; then
		fail "$1" "no screenshot ($(tail -3 "$T/chrome.log"))"
		return
	fi
	set -- "$1" "$2" "$3" "$4" $($PNG "$2" 2563eb) $($PNG "$2" 0d9488)
	# $5 width, $6 height, $7 blue pixels, $8 ink, $11 teal pixels
	if [ "${7:-0}" -ge "$3" ] && [ "${11:-0}" -ge "$4" ]; then
		pass "$1 (${5}x$6, $7 blue and ${11} teal chart pixels)"
	else
		fail "$1" "blue=${7:-?} teal=${11:-?}, want >= $3 and >= $4"
	fi
}
chrome --window-size=1000,1800 --screenshot="$SHOTS/report-desktop.png" "file://$T/report.html" >/dev/null
check_shot "desktop screenshot shows the charts" "$SHOTS/report-desktop.png" 5000 5000
chrome --window-size=390,2400 --screenshot="$SHOTS/report-phone.png" "file://$T/report.html" >/dev/null
check_shot "phone screenshot shows the charts" "$SHOTS/report-phone.png" 1500 1500

chrome --print-to-pdf="$T/report.pdf" --no-pdf-header-footer "file://$T/report.html" >/dev/null
if [ "$(head -c 4 "$T/report.pdf" 2>/dev/null)" = "%PDF" ]; then
	pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$T/report.pdf")
	pass "prints to PDF ($pages A4 pages)"
else
	fail "prints to PDF" "no PDF"
fi
# A4 is 595 x 842 points.
grep -aqE 'MediaBox \[0 0 59[45]\.?[0-9]* 84[12]' "$T/report.pdf" && pass "PDF pages are A4" || fail "PDF pages are A4" "$(grep -ao 'MediaBox[^]]*]' "$T/report.pdf" | head -1)"
