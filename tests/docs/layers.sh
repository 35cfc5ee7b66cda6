#!/bin/sh
# The layers of kiosk/ (tools/layers.sh, docs/design.md): the tree as it is
# passes; an upward include, a circle between two folders, a folder not
# placed, and a reach into another folder's owned state are each refused,
# by the script and by the build itself.
. tests/lib.sh
check "kiosk/ includes only downwards" sh tools/layers.sh

# A copy of the sources to break, one way at a time.
fresh() {
	rm -rf "$TMP/t"
	mkdir -p "$TMP/t"
	cp -r kiosk tools Makefile mk "$TMP/t/"
}
refused() { # name expected-text
	if sh tools/layers.sh "$TMP/t" >"$TMP/out" 2>&1; then
		fail "$1" "accepted"
	elif grep -q -- "$2" "$TMP/out"; then
		pass "$1"
	else
		fail "$1" "$(head -c 400 "$TMP/out" | tr '\n' ' ')"
	fi
}

fresh
echo '#include "screens/ui.h"' >>"$TMP/t/kiosk/context/kiosk.c"
refused "an upward include is refused (context -> screens)" \
	"kiosk/context/kiosk.c:.*context (layer .*) includes screens/ui.h of screens"

fresh
# report uses the platform and the platform the report: a circle.
echo '#include "platform/gfx.h"' >>"$TMP/t/kiosk/report/format.c"
echo '#include "report/report.h"' >>"$TMP/t/kiosk/platform/notify.c"
refused "a circle between two folders is refused" \
	"kiosk/platform/notify.c:.*includes report/report.h of report"

fresh
# A bare name found through -Ikiosk is the top folder's (main), as the
# compiler sees it: the old screens' "app.h".
echo 'int x;' >"$TMP/t/kiosk/top.h"
echo '#include "top.h"' >>"$TMP/t/kiosk/screens/ui.c"
refused "a bare include found from -Ikiosk counts as the top folder's" \
	"kiosk/screens/ui.c:.*includes top.h of main"

fresh
mkdir "$TMP/t/kiosk/extra"
echo '#include "core/log.h"' >"$TMP/t/kiosk/extra/x.c"
refused "a folder not in the layer list is refused" "folder kiosk/extra is not in LAYERS"

fresh
printf 'static int n(struct kiosk *k)\n{\n\treturn k->ui->n_controls;\n}\n' \
	>>"$TMP/t/kiosk/check/check.c"
refused "a reach into another folder's owned state is refused" \
	"kiosk/check/check.c:.*->ui-> is the state of kiosk/screens"

# Calls, from the objects: a core object calling a function that only the
# screens define is refused even without any include (a declaration by
# hand); the same call the other way round passes.
mkdir -p "$TMP/o/kiosk/core" "$TMP/o/kiosk/screens"
printf 'void screen_thing(void);\nvoid core_thing(void) { screen_thing(); }\n' >"$TMP/up.c"
printf 'void screen_thing(void) {}\n' >"$TMP/def.c"
cc -c -o "$TMP/o/kiosk/core/up.o" "$TMP/up.c" && cc -c -o "$TMP/o/kiosk/screens/def.o" "$TMP/def.c"
if sh tools/layers.sh --calls "$TMP/o" "$TMP/o/kiosk/core/up.o" "$TMP/o/kiosk/screens/def.o" \
	>"$TMP/out" 2>&1; then
	fail "an upward call is refused" "accepted"
elif grep -q "kiosk/core/up.o: core (layer 1) calls screen_thing of screens" "$TMP/out"; then
	pass "an upward call is refused"
else
	fail "an upward call is refused" "$(head -c 400 "$TMP/out" | tr '\n' ' ')"
fi
mv "$TMP/o/kiosk/core/up.o" "$TMP/o/kiosk/screens/up.o"
mv "$TMP/o/kiosk/screens/def.o" "$TMP/o/kiosk/core/def.o"
check "a downward call passes" sh tools/layers.sh --calls "$TMP/o" "$TMP/o/kiosk/screens/up.o" \
	"$TMP/o/kiosk/core/def.o"
# The kiosk's own objects as built.
objs=$(find kiosk -name '*.c' | sed "s#^#$BUILD/obj/#;s#\\.c\$#.o#")
check "the built objects call only downwards" sh tools/layers.sh --calls "$BUILD/obj" $objs

# The build runs it: an upward include stops make before anything compiles.
fresh
echo '#include "platform/gfx.h"' >>"$TMP/t/kiosk/core/log.c"
if make -C "$TMP/t" -s BUILD=b b/layers.ok >"$TMP/make.out" 2>&1; then
	fail "the build refuses an upward include" "make succeeded"
elif grep -q "core (layer 1) includes platform/gfx.h" "$TMP/make.out"; then
	pass "the build refuses an upward include"
else
	fail "the build refuses an upward include" "$(head -c 400 "$TMP/make.out" | tr '\n' ' ')"
fi
