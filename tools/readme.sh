#!/bin/sh
# Rebuilds README.md: the hand-written top (docs/README.top.md), then the
# user guides of docs/ one level down, so each guide is also read alone.
# Each guide starts with one "# Title" and uses "##" and "###" below it.
cd "$(dirname "$0")/.."
{
	cat docs/README.top.md
	for f in docs/setup.md docs/trainer.md docs/fleet.md docs/module.md docs/video.md docs/reports.md docs/performance.md; do
		[ -f "$f" ] || continue
		echo
		# One level down, except inside code blocks (shell comments).
		# Pictures are linked from docs/; the README is one level up.
		awk '/^```/ { code = !code } !code && /^#+ / { $0 = "#" $0 } { print }' "$f" |
			sed 's#](shots/#](docs/shots/#g'
	done
	echo
	echo "## Privacy"
	echo
	echo "What the statistics keep, what they never keep, and why nobody can be"
	echo "singled out is written for the data-protection officer in"
	echo "[PRIVACY.md](PRIVACY.md)."
} >README.md
