#!/bin/sh
# kiosk-bundle: keygen, pack, install, rollback, inbox; every refusal case
# (unsigned, unknown key, tampered file, tampered manifest, truncated,
# older, failing kiosk --check, path traversal, a link in the tar) exits 2
# with one line why and leaves the running content untouched.
. tests/lib.sh
BUNDLE="$ROOT/$BUILD/kiosk-bundle"
if [ ! -x "$BUNDLE" ]; then
	fail bundle "$BUNDLE not built"
	exit 0
fi
K=$TMP/authors
R=$TMP/root

# A module of the mini fixture at version $2 in $TMP/$1.
module() {
	cp -R "$MINI" "$TMP/$1"
	sed -i "s/^version: .*/version: $2/" "$TMP/$1/module.yaml"
}
install_b() { # file -> $TMP/out, returns kiosk-bundle's status
	"$BUNDLE" install "$1" --keys "$TMP/keys" --root "$R" --config "$TMP/kiosk.yaml" \
		>"$TMP/out" 2>&1
}
# refused NAME FILE TEXT: exit 2, the line says TEXT, current unchanged.
refused() {
	before=$(readlink "$R/current")
	install_b "$2"
	rc=$?
	after=$(readlink "$R/current")
	left=$(ls -A "$R/versions" | grep -c incoming)
	if [ "$rc" -eq 2 ] && grep -q "refused .*$3" "$TMP/out" && [ "$before" = "$after" ] &&
		[ "$left" -eq 0 ]; then
		pass "refused: $1 ($(grep refused "$TMP/out" | sed 's/.*: refused [^:]*: //'))"
	else
		fail "refused: $1" "exit $rc, current $before -> $after, $left staging left: $(tr '\n' ' ' <"$TMP/out")"
	fi
}

check "keygen makes a key pair" "$BUNDLE" keygen "$K"
mkdir -p "$TMP/keys"
cp "$K"/*.pub "$TMP/keys/"
secret=$(ls "$K"/*.secret)
if [ "$(stat -c %a "$secret")" = 600 ]; then pass "secret key is 0600"; else fail "secret key mode" "$(stat -c %a "$secret")"; fi

module m3 3
module m4 4
module m2 2
check "pack v3" "$BUNDLE" pack "$TMP/m3" --key "$secret" -o "$TMP/v3.kbundle"
check "pack v4" "$BUNDLE" pack "$TMP/m4" --key "$secret" -o "$TMP/v4.kbundle"
check "pack v2" "$BUNDLE" pack "$TMP/m2" --key "$secret" -o "$TMP/v2.kbundle"
"$BUNDLE" pack "$TMP/m4" --key "$secret" -o "$TMP/v4b.kbundle" >/dev/null
if cmp -s "$TMP/v4.kbundle" "$TMP/v4b.kbundle"; then pass "pack is reproducible"; else fail "pack reproducible" "two packs differ"; fi

# The first install, then a newer one; the old current is kept.
if install_b "$TMP/v3.kbundle" && [ "$(readlink "$R/current")" = versions/mini-3 ]; then
	pass "install v3 into an empty root"
else
	fail "install v3" "$(cat "$TMP/out")"
fi
if install_b "$TMP/v4.kbundle" && [ "$(readlink "$R/current")" = versions/mini-4 ] &&
	[ "$(readlink "$R/previous")" = versions/mini-3 ] &&
	cmp -s "$TMP/m4/videos/public-fr.mp4" "$R/current/videos/public-fr.mp4"; then
	pass "install v4: current -> mini-4, previous -> mini-3, files intact"
else
	fail "install v4" "$(cat "$TMP/out")"
fi
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$R/current" >"$TMP/chk" 2>&1
has "the installed module passes kiosk --check" "$TMP/chk" "mini v4 is valid"

refused "same version" "$TMP/v4.kbundle" "older: version 4"
refused "older version" "$TMP/v2.kbundle" "older: version 2"

# Unsigned: a plain tar of the module; a bundle whose signature was removed.
module m5 5
tar cf "$TMP/plain.kbundle" -C "$TMP" m5
refused "unsigned (plain tar)" "$TMP/plain.kbundle" "unsigned"
"$BUNDLE" pack "$TMP/m5" --key "$secret" -o "$TMP/v5.kbundle" >/dev/null
mkdir "$TMP/x5"
tar xf "$TMP/v5.kbundle" -C "$TMP/x5"
(cd "$TMP/x5" && tar cf "$TMP/nosig.kbundle" MANIFEST module)
refused "unsigned (no MANIFEST.sig)" "$TMP/nosig.kbundle" "unsigned: no MANIFEST.sig"
printf 'not a bundle at all\n' >"$TMP/text.kbundle"
refused "not a tar file" "$TMP/text.kbundle" "not a bundle"

# Signed by a key the kiosk does not have.
"$BUNDLE" keygen "$TMP/stranger" >/dev/null
"$BUNDLE" pack "$TMP/m5" --key "$(ls "$TMP"/stranger/*.secret)" -o "$TMP/stranger.kbundle" >/dev/null
refused "unknown key" "$TMP/stranger.kbundle" "signed by an unknown key"

# Tampered: one byte of a module file; the manifest's version.
sed 's/Qui me voit ?/Qui me voiT ?/' "$TMP/v5.kbundle" >"$TMP/tampered.kbundle"
if cmp -s "$TMP/v5.kbundle" "$TMP/tampered.kbundle"; then fail "tamper fixture" "nothing changed"; fi
refused "tampered file" "$TMP/tampered.kbundle" "tampered: module/module.yaml does not match"
sed 's/^version 5$/version 7/' "$TMP/v5.kbundle" >"$TMP/tampered2.kbundle"
refused "tampered manifest" "$TMP/tampered2.kbundle" "tampered: the manifest does not match its signature"

# Truncated: cut in the middle of a video, and right after the signature.
size=$(stat -c %s "$TMP/v5.kbundle")
head -c $((size / 2)) "$TMP/v5.kbundle" >"$TMP/half.kbundle"
refused "truncated (half)" "$TMP/half.kbundle" "truncated"
head -c 2048 "$TMP/v5.kbundle" >"$TMP/head.kbundle"
refused "truncated (headers only)" "$TMP/head.kbundle" "truncated"

# A file that is not in the signed manifest; a path out of the folder; a link.
echo evil >"$TMP/x5/evil"
(cd "$TMP/x5" && tar cPf "$TMP/traversal.kbundle" MANIFEST MANIFEST.sig \
	--transform 's,^evil$,module/../../evil,' evil)
refused "path traversal (module/../../evil)" "$TMP/traversal.kbundle" "path traversal"
(cd "$TMP/x5" && tar cPf "$TMP/absolute.kbundle" MANIFEST MANIFEST.sig \
	--transform 's,^evil$,/tmp/evil,' evil)
refused "absolute path" "$TMP/absolute.kbundle" "path traversal"
ln -s /etc/passwd "$TMP/x5/module/link"
(cd "$TMP/x5" && tar cf "$TMP/link.kbundle" MANIFEST MANIFEST.sig module/link)
refused "a symbolic link in the tar" "$TMP/link.kbundle" "is a link"
rm "$TMP/x5/module/link"
(cd "$TMP/x5" && tar cf "$TMP/extra.kbundle" MANIFEST MANIFEST.sig module/module.yaml evil \
	--transform 's,^evil$,module/extra.yaml,')
refused "a file not in the manifest" "$TMP/extra.kbundle" "not in the signed manifest"
[ ! -e "$TMP/evil" ] && [ ! -e /tmp/evil ] && pass "nothing written outside the root" ||
	fail "traversal" "a file escaped"

# Signed, intact, newer, but the module is broken.
module m9 9
rm "$TMP/m9/videos/public-en.mp4"
"$BUNDLE" pack "$TMP/m9" --key "$secret" -o "$TMP/broken.kbundle" >"$TMP/pack9" 2>&1
has "pack warns about a broken module" "$TMP/pack9" "kiosks will refuse this bundle"
refused "failing kiosk --check" "$TMP/broken.kbundle" "fails kiosk --check"
grep -q "public-en.mp4" "$TMP/out" && pass "the check's own lines are in the output" ||
	fail "check lines" "$(cat "$TMP/out")"

# Rollback swaps current and previous; without a previous it is refused.
if "$BUNDLE" rollback --root "$R" >"$TMP/out" 2>&1 && [ "$(readlink "$R/current")" = versions/mini-3 ] &&
	[ "$(readlink "$R/previous")" = versions/mini-4 ]; then
	pass "rollback: current -> mini-3"
else
	fail rollback "$(cat "$TMP/out")"
fi
mkdir "$TMP/empty"
"$BUNDLE" rollback --root "$TMP/empty" >"$TMP/out" 2>&1
[ $? -eq 2 ] && grep -q "no previous version" "$TMP/out" && pass "rollback without previous: exit 2" ||
	fail "rollback without previous" "$(cat "$TMP/out")"

# No key at all: nothing can be installed.
mkdir "$TMP/nokeys"
"$BUNDLE" install "$TMP/v5.kbundle" --keys "$TMP/nokeys" --root "$R" >"$TMP/out" 2>&1
[ $? -eq 2 ] && grep -q "no public key" "$TMP/out" && pass "no public key: exit 2" ||
	fail "no keys" "$(cat "$TMP/out")"
"$BUNDLE" frobnicate >"$TMP/out" 2>&1
[ $? -eq 2 ] && pass "unknown command: exit 2" || fail "unknown command" "$(cat "$TMP/out")"

# The inbox: new bundles are installed once, refused ones once, others ignored.
mkdir "$TMP/inbox"
cp "$TMP/v5.kbundle" "$TMP/stranger.kbundle" "$TMP/inbox/"
echo partial >"$TMP/inbox/.syncthing.v6.kbundle.tmp"
# The running kiosk still shows version 4 (a long session): it is kept.
printf 'written: 1\nmodule_dir: %s/versions/mini-4\n' "$R" >"$TMP/status"
"$BUNDLE" inbox "$TMP/inbox" --keys "$TMP/keys" --root "$R" --config "$TMP/kiosk.yaml" \
	--status "$TMP/status" >"$TMP/out" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && [ "$(readlink "$R/current")" = versions/mini-5 ] &&
	grep -q "installed .*v5.kbundle" "$TMP/out" && grep -q "refused .*stranger" "$TMP/out"; then
	pass "inbox: v5 installed, the stranger's refused (exit 2)"
else
	fail inbox "exit $rc: $(cat "$TMP/out")"
fi
"$BUNDLE" inbox "$TMP/inbox" --keys "$TMP/keys" --root "$R" >"$TMP/out" 2>&1
[ $? -eq 0 ] && grep -q "nothing new" "$TMP/out" && pass "inbox: each file is tried once" ||
	fail "inbox twice" "$(cat "$TMP/out")"
[ "$(ls "$R/versions" | tr '\n' ' ')" = "mini-3 mini-4 mini-5 " ] &&
	pass "current, previous and the version on screen are kept" || fail "prune with a status" "$(ls "$R/versions")"
module m6 6
"$BUNDLE" pack "$TMP/m6" --key "$secret" -o "$TMP/v6.kbundle" >/dev/null
install_b "$TMP/v6.kbundle"
[ "$(ls "$R/versions" | tr '\n' ' ')" = "mini-5 mini-6 " ] &&
	pass "older versions are removed (kept: $(ls "$R/versions" | tr '\n' ' '))" || fail prune "$(ls "$R/versions")"

# Issue 25: the module this kiosk takes, the highest version ever
# installed, nothing after the tar's end. Here current is mini-6.
# Another module, signed and newer: refused (before: mini-3 -> autre-9).
cp -R "$MINI" "$TMP/autre9"
sed -i -e 's/^id: .*/id: autre/' -e 's/^version: .*/version: 9/' "$TMP/autre9/module.yaml"
"$BUNDLE" pack "$TMP/autre9" --key "$secret" -o "$TMP/autre9.kbundle" >/dev/null
refused "another module id (mini -> autre 9)" "$TMP/autre9.kbundle" "another module: this kiosk takes mini"
# Replays after a rollback: v8 installed, rolled back to v6, then a signed
# v7 (before: accepted, as newer than the running v6) and v8 again.
for v in 7 8; do
	module "m$v" "$v"
	"$BUNDLE" pack "$TMP/m$v" --key "$secret" -o "$TMP/v$v.kbundle" >/dev/null
done
install_b "$TMP/v8.kbundle" && "$BUNDLE" rollback --root "$R" >/dev/null 2>&1
[ "$(readlink "$R/current")" = versions/mini-6 ] && grep -qx "highest 8" "$R/installed" &&
	pass "v8 installed then rolled back to v6; ROOT/installed keeps mini and 8" ||
	fail "v8 then rollback" "$(readlink "$R/current"): $(cat "$R/installed" "$TMP/out")"
refused "older than the highest ever installed, after a rollback (v7 < v8)" "$TMP/v7.kbundle" \
	"older: version 7 of mini is not newer than the highest installed, 8"
refused "the highest itself again, after a rollback (v8)" "$TMP/v8.kbundle" "older: version 8"
# ROOT/installed removed: the versions kept (mini-8 as previous) are the floor.
rm "$R/installed"
refused "ROOT/installed removed: the version folders kept are the floor" "$TMP/v7.kbundle" \
	"not newer than the highest installed, 8"
echo "module mini" >"$R/installed"
refused "ROOT/installed damaged: nothing installed" "$TMP/v7.kbundle" "installed is damaged"
rm "$R/installed"
# Data after the tar's end: appended bytes, and a second tar behind the first.
module m9b 9
"$BUNDLE" pack "$TMP/m9b" --key "$secret" -o "$TMP/v9.kbundle" >/dev/null
{ cat "$TMP/v9.kbundle"; echo "not signed"; } >"$TMP/trailing.kbundle"
refused "bytes after the end of the tar" "$TMP/trailing.kbundle" "data after the end of the tar"
{ cat "$TMP/v9.kbundle"; tar cf - -C "$TMP" m5; } >"$TMP/twotars.kbundle"
refused "a second tar after the first" "$TMP/twotars.kbundle" "data after the end of the tar"
install_b "$TMP/v9.kbundle" && [ "$(readlink "$R/current")" = versions/mini-9 ] &&
	pass "the same bundle without them is installed (v9)" || fail "v9" "$(cat "$TMP/out")"
# An administrator's switch: named, on the command line, never by the inbox.
"$BUNDLE" inbox "$TMP/inbox" --keys "$TMP/keys" --root "$R" --switch-module autre >"$TMP/out" 2>&1
[ $? -eq 2 ] && [ "$(readlink "$R/current")" = versions/mini-9 ] &&
	pass "inbox with --switch-module: refused arguments (exit 2)" || fail "inbox switch" "$(cat "$TMP/out")"
"$BUNDLE" install "$TMP/autre9.kbundle" --keys "$TMP/keys" --root "$R" --config "$TMP/kiosk.yaml" \
	--switch-module other >"$TMP/out" 2>&1
[ $? -eq 2 ] && grep -q "switch-module other, but the bundle is module autre" "$TMP/out" &&
	pass "--switch-module names the module: another one is refused" || fail "switch other" "$(cat "$TMP/out")"
"$BUNDLE" install "$TMP/autre9.kbundle" --keys "$TMP/keys" --root "$R" --config "$TMP/kiosk.yaml" \
	--switch-module autre >"$TMP/out" 2>&1
[ $? -eq 0 ] && [ "$(readlink "$R/current")" = versions/autre-9 ] && grep -qx "module autre" "$R/installed" &&
	pass "--switch-module autre: installed, and the kiosk takes autre from now on" ||
	fail "switch autre" "$(cat "$TMP/out")"
module m10 10
"$BUNDLE" pack "$TMP/m10" --key "$secret" -o "$TMP/v10.kbundle" >/dev/null
refused "after the switch, mini is the other module" "$TMP/v10.kbundle" "this kiosk takes autre"
