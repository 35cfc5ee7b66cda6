#!/bin/sh
# make manual: every guide of docs/ as one file, build/manual.md (for those
# who want to read or print it all at once). The guides stay the source;
# each starts with one "# Title" and is put one level down here.
cd "$(dirname "$0")/.."
out=${1:-build/manual.md}
mkdir -p "$(dirname "$out")"
{
	echo "# « Tu me suis ? » — the onboarding kiosk: the manual"
	for f in docs/kiosk.md docs/setup.md docs/trainer.md docs/fleet.md docs/module.md \
		docs/video.md docs/reports.md docs/accessibility.md docs/reference.md \
		docs/design.md docs/testing.md docs/performance.md docs/vm-test.md PRIVACY.md; do
		[ -f "$f" ] || continue
		echo
		# One level down, except inside code blocks (shell comments).
		awk '/^```/ { code = !code } !code && /^#+ / { $0 = "#" $0 } { print }' "$f" |
			sed 's#](shots/#](../docs/shots/#g'
	done
} >"$out"
echo "manual: $out ($(wc -l <"$out") lines)"
