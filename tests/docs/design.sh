#!/bin/sh
# docs/design.md is the map of the code: every source file of kiosk/ is
# named in its "Files" part (a name like `store.{c,h}` names both), and
# every file it names exists. The names are taken as they are written
# there: a basename with its folder given by the section or the path.
. tests/lib.sh
doc=docs/design.md
# Every name.c, name.h or name.{c,h} it writes (with or without a folder),
# expanded and reduced to the basename.
grep -oP '[\w./-]+\.(?:\{c,h\}|c|h)(?![\w])' "$doc" | sed -E 's#^.*/##' | while read -r n; do
	case "$n" in
	*.\{c,h\}) echo "${n%.\{c,h\}}.c" && echo "${n%.\{c,h\}}.h" ;;
	*) echo "$n" ;;
	esac
done | sort -u >"$TMP/named"
find kiosk -name '*.[ch]' | sed 's#^.*/##' | sort >"$TMP/files.all"
# Files of tests/ and bench/ may be named too (they are not required).
find tests bench -name '*.[ch]' | sed 's#^.*/##' | sort -u >"$TMP/others"
sort -u "$TMP/files.all" >"$TMP/files"
missing=$(comm -23 "$TMP/files" "$TMP/named" | tr '\n' ' ')
if [ -z "$missing" ]; then
	pass "design.md names every source file of kiosk/ ($(wc -l <"$TMP/files") names)"
else
	fail "design.md names every source file" "not named: $missing"
fi
stale=$(comm -13 "$TMP/files" "$TMP/named" | comm -23 - "$TMP/others" | tr '\n' ' ')
if [ -z "$stale" ]; then
	pass "every file design.md names exists"
else
	fail "every file design.md names exists" "named, not in kiosk/: $stale"
fi
