#!/bin/sh
# Attack (issue 10): a module whose files point out of its folder (an
# absolute path, "..", a link) would make the kiosk show any file of the
# machine. Before the fix, --check accepted all three.
. tests/lib.sh
cp -r "$MINI" "$TMP/m"
ln -s /etc/hostname "$TMP/m/images/link.png"
sed -i -e 's|fr: videos/public-fr.mp4|fr: /etc/hostname|' \
	-e 's|en: subtitles/public.en.srt|en: ../../../etc/hostname|' \
	-e 's|image: images/public.png|image: images/link.png|' "$TMP/m/module.yaml"
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$TMP/m" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 2 ] && pass "--check fails (exit 2)" || fail "--check fails (exit 2)" "exit $rc: $(cat "$TMP/err")"
has "absolute path refused" "$TMP/err" "/etc/hostname: absolute path"
has "'..' refused" "$TMP/err" "../../../etc/hostname: '..' in the path"
has "link out of the folder refused" "$TMP/err" "images/link.png: a link leading out"
grep -q "module.yaml:[0-9]*:[0-9]*: /etc/hostname" "$TMP/err" && pass "reported at its YAML position" || fail "reported at its YAML position" "$(cat "$TMP/err")"
