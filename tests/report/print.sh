#!/bin/sh
# The printable report: the HTML page printed to PDF by headless Chromium
# must be A4, keep every word inside the page (nothing cut at the right
# edge), and read back (pdftotext) with the item analysis in it.
. tests/lib.sh
R=$REPORT
T=$TMP
sh tests/tools/demo_day.sh | "$GEN" -o "$T/d.db" 2>/dev/null
"$R" "$T/d.db" --content assets/modules/tu-me-suis --format html -o "$T/r.html" ||
	fail "html written" "exit $?"

CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$CHROME" ] || ! command -v pdftotext >/dev/null; then
	fail "chromium and pdftotext" "not installed (Debian packages chromium, poppler-utils)"
	exit 0
fi
profile=$(mktemp -d)
timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$T/r.pdf" \
	"file://$T/r.html" >/dev/null 2>"$T/chrome.log"
rm -rf "$profile"
if [ "$(head -c 4 "$T/r.pdf" 2>/dev/null)" != "%PDF" ]; then
	fail "printed to PDF" "$(tail -3 "$T/chrome.log")"
	exit 0
fi
pages=$(pdfinfo "$T/r.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$T/r.pdf" | sed -n 's/^Page size: *//p')
case "$size" in
*"(A4)"*) pass "PDF is A4 ($size, $pages pages)" ;;
*) fail "PDF is A4" "$size" ;;
esac
[ "$pages" -ge 2 ] && [ "$pages" -le 8 ] && pass "PDF has $pages pages" || fail "PDF page count" "$pages"

# Words joined across line ends, so a wrapped phrase still reads whole.
pdftotext "$T/r.pdf" - | tr '\n' ' ' | tr -s ' ' >"$T/r.txt"
for want in "Statistiques anonymes" "Analyse des questions" "Par borne" "accueil-1" \
	"a ouvert au moins un chapitre" "q-hacked" "discrimination négative" "trop facile" \
	"Que faire en premier" "Données anonymes"; do
	has "PDF text: $want" "$T/r.txt" "$want"
done
# The perturbed figures are printed with their mark (the font has « ≈ »).
n=$(grep -o '≈ [0-9]' "$T/r.txt" | wc -l)
[ "$n" -ge 100 ] && pass "PDF text: $n figures marked ≈" || fail "PDF text: figures marked ≈" "$n"
# The questions to rewrite come first in the printed table too.
first=$(sed 's/.*Analyse des questions//' "$T/r.txt" | sed 's/^[^#]*# Question Réponses Facilité Discrimination Choix//' | grep -oE 'q-[a-z-]+' | head -1)
[ "$first" = q-hacked ] && pass "PDF: first question to rewrite is q-hacked" || fail "PDF: first question" "'$first'"

# Every word's box inside the page (595 x 842 points).
pdftotext -bbox "$T/r.pdf" "$T/bbox.html"
out=$(awk -F'"' '/<word / {for (i = 1; i < NF; i++) if ($i ~ /xMax=$/ && $(i + 1) + 0 > 595) n++} END {print n + 0}' "$T/bbox.html")
words=$(grep -c '<word ' "$T/bbox.html")
[ "$out" = 0 ] && [ "$words" -gt 300 ] && pass "all $words words inside the page width" ||
	fail "words inside the page width" "$out of $words past the right edge"
[ -n "${REPORT_SHOTS:-}" ] && cp "$T/r.pdf" "$REPORT_SHOTS/report-print.pdf"
exit 0
