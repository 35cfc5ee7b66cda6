#!/bin/sh
# kiosk-report as the test suites run it ($REPORT in tests/lib.sh): the real
# binary ($REPORT_BIN), and every JSON report it writes with exit 0 is
# validated against docs/report.schema.json. The verdict goes to the
# suite's own output (descriptor 9, opened by tests/lib.sh), so an invalid
# report fails the suite that wrote it, whatever it does with the
# command's output; without descriptor 9, to standard error.
json=0 out= prev=
for a in "$@"; do
	case "$prev" in
	--format) [ "$a" = json ] && json=1 ;;
	-o) out=$a ;;
	esac
	case "$a" in
	--format=json) json=1 ;;
	-o?*) out=${a#-o} ;;
	esac
	prev=$a
done
[ "$json" = 1 ] || exec "$REPORT_BIN" "$@"

stdout=
if [ -z "$out" ]; then
	stdout=$(mktemp "${TMPDIR:-/tmp}/report-json.XXXXXX")
	"$REPORT_BIN" "$@" >"$stdout"
	rc=$?
	cat "$stdout"
	out=$stdout
else
	"$REPORT_BIN" "$@"
	rc=$?
fi
if [ "$rc" -eq 0 ]; then
	{ : >&9; } 2>/dev/null && say=9 || say=2
	name="json schema: kiosk-report $*"
	if err=$(python3 "$REPORT_ROOT/tests/tools/json_schema.py" "$REPORT_ROOT/docs/report.schema.json" "$out" 2>&1); then
		echo "PASS $name" >&$say
	else
		echo "FAIL $name: $(echo "$err" | head -5 | tr '\n' ' ')" >&$say
	fi
fi
[ -n "$stdout" ] && rm -f "$stdout"
exit "$rc"
