#!/bin/sh
# The rsync variant of docs/fleet.md, between local folders (the same
# command runs over SSH): `rsync -a --delay-updates` puts a bundle into the
# kiosk's inbox whole, kiosk-bundle inbox installs it; the outbox comes back
# the same way and kiosk-report --fleet reads it.
. tests/lib.sh
BUNDLE="$ROOT/$BUILD/kiosk-bundle"
EXPORT="$ROOT/$BUILD/kiosk-export"
if ! command -v rsync >/dev/null 2>&1; then
	fail rsync "rsync missing (Debian package rsync, in DEBS_TEST)"
	exit 0
fi
C=$TMP/central
K=$TMP/kiosk
mkdir -p "$C/authoring" "$C/reports/kiosk-1" "$K/inbox" "$K/outbox" "$K/root/versions" "$TMP/keys"
"$BUNDLE" keygen "$TMP/authors" >/dev/null
cp "$TMP"/authors/*.pub "$TMP/keys/"
cp -R "$MINI" "$K/root/versions/mini-3"
ln -s versions/mini-3 "$K/root/current"
cp -R "$MINI" "$TMP/mini4"
sed -i 's/^version: .*/version: 4/' "$TMP/mini4/module.yaml"
"$BUNDLE" pack "$TMP/mini4" --key "$(ls "$TMP"/authors/*.secret)" -o "$C/authoring/mini-4.kbundle" >/dev/null

rsync -a --delay-updates "$C/authoring/" "$K/inbox/"
ls -A "$K/inbox" | grep -q '^\.~tmp~' && fail "rsync" "its temporary folder stayed" || pass "rsync --delay-updates: the bundle in the inbox, no temporary left"
"$BUNDLE" inbox "$K/inbox" --keys "$TMP/keys" --root "$K/root" --config "$TMP/kiosk.yaml" >"$TMP/out" 2>&1
[ "$(readlink "$K/root/current")" = versions/mini-4 ] && pass "installed from the inbox: current -> mini-4" ||
	fail "install" "$(cat "$TMP/out")"
# A second run of the same rsync changes nothing and installs nothing.
rsync -a --delay-updates "$C/authoring/" "$K/inbox/"
"$BUNDLE" inbox "$K/inbox" --keys "$TMP/keys" --root "$K/root" >"$TMP/out" 2>&1
grep -q "nothing new" "$TMP/out" && pass "the next rsync brings nothing new" || fail "rsync again" "$(cat "$TMP/out")"

# The outbox carries closed batches (PRIVACY.md): a past day of 5 sessions.
echo "n=5 day=$(date -d "$(date +%Y-%m-01) -1 day" +%F) kiosk=test stage=home" | "$GEN" -o "$TMP/kiosk.db" 2>/dev/null
"$EXPORT" --outbox "$K/outbox" --config "$TMP/kiosk.yaml" --content "$K/root/current" --no-journal >/dev/null 2>&1
rsync -a --delay-updates "$K/outbox/" "$C/reports/kiosk-1/"
"$REPORT" --fleet "$C/reports" >"$TMP/fleet.out" 2>&1
line_has "kiosk-report --fleet over the rsync'd outbox: the kiosk, module 4" "$TMP/fleet.out" "test " "mini v4" " ok "
n=$(sed -n 's/^ *Sessions \.*[^0-9]*\([0-9][0-9]*\)$/\1/p' "$TMP/fleet.out" | head -1)
[ -n "$n" ] && [ "$n" -ge 3 ] && [ "$n" -le 7 ] &&
	pass "kiosk-report --fleet: its 5 sessions, published ≈ $n (± 2)" ||
	fail "kiosk-report --fleet sessions" "$(grep Sessions "$TMP/fleet.out")"
