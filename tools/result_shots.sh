#!/bin/sh
# The result screen, passed and failed, in each language of a module at
# both screen shapes: OUT/result-LANG-passed|failed-WxH.png (docs/module.md;
# the README's copies are docs/shots/result-*.png). Run from the repository
# root after make: sh tools/result_shots.sh [MODULE_DIR] [OUT]
set -eu
module=${1:-assets/modules/tu-me-suis}
out=${2:-build/shots/result}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'kiosk_id: shots\ndatabase: %s/kiosk.db\n' "$tmp" >"$tmp/kiosk.yaml"
for lang in fr:Français en:English de:Deutsch; do
	code=${lang%%:*} name=${lang#*:}
	for res in right:passed wrong:failed; do
		for size in 1920x1080 1080x1920; do
			printf 'tap 0.5 0.5\npress %s\nexpect home\npress @ui.start_quiz\nexpect quiz\nanswer-all %s\nexpect result\nshot result-%s-%s-%s\n' \
				"$name" "${res%%:*}" "$code" "${res#*:}" "$size" >"$tmp/s.script"
			build/kiosk --headless --script "$tmp/s.script" --size "$size" \
				--config "$tmp/kiosk.yaml" --content "$module" --shots "$out" >/dev/null
		done
	done
done
ls "$out"/result-*.png
