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

# The forced-command keys of docs/fleet.md (issue 25), with sshd's part
# played by a stand-in: rsync hands the command it would send over SSH to
# the key's forced command, as sshd does with SSH_ORIGINAL_COMMAND.
#   the reports key:  command="rrsync -ro /var/lib/kiosk/outbox",restrict
#   the content key:  command="rrsync -wo /var/lib/kiosk/inbox",restrict
if command -v rrsync >/dev/null 2>&1; then
	forced() { # folder mode -> a stand-in for "ssh kiosk-sync@kiosk-1" with that key
		cat >"$TMP/ssh-$2" <<SH
#!/bin/sh
shift # the host
SSH_ORIGINAL_COMMAND="\$*" exec rrsync -$2 "$1"
SH
		chmod +x "$TMP/ssh-$2"
	}
	forced "$K/outbox" ro
	forced "$K/inbox" wo
	mkdir -p "$C/pulled"
	rsync -a -e "$TMP/ssh-ro" kiosk-1:/ "$C/pulled/" >"$TMP/ro.out" 2>&1 &&
		[ -n "$(ls "$C/pulled")" ] && pass "reports key: the outbox is pulled ($(ls "$C/pulled" | tr '\n' ' '))" ||
		fail "reports key pull" "$(cat "$TMP/ro.out")"
	echo evil >"$TMP/evil.db"
	rsync -a -e "$TMP/ssh-ro" "$TMP/evil.db" kiosk-1:/ >"$TMP/ro2.out" 2>&1
	[ $? -ne 0 ] && [ ! -e "$K/outbox/evil.db" ] && pass "reports key: read-only, nothing written into the outbox" ||
		fail "reports key write" "$(cat "$TMP/ro2.out")"
	rsync -a -e "$TMP/ssh-ro" kiosk-1:../ "$C/pulled/up/" >"$TMP/ro3.out" 2>&1
	[ ! -e "$C/pulled/up/inbox" ] && pass "reports key: nothing above the outbox (no inbox, no database)" ||
		fail "reports key escape" "$(ls "$C/pulled/up")"
	cp "$C/authoring/mini-4.kbundle" "$TMP/mini-5.kbundle"
	rsync -a --delay-updates -e "$TMP/ssh-wo" "$TMP/mini-5.kbundle" kiosk-1:/ >"$TMP/wo.out" 2>&1 &&
		[ -f "$K/inbox/mini-5.kbundle" ] && pass "content key: a bundle is put into the inbox" ||
		fail "content key push" "$(cat "$TMP/wo.out")"
	rsync -a -e "$TMP/ssh-wo" kiosk-1:/ "$C/inbox-copy/" >"$TMP/wo2.out" 2>&1
	[ $? -ne 0 ] && [ ! -e "$C/inbox-copy/mini-4.kbundle" ] && pass "content key: write-only, the inbox cannot be read back" ||
		fail "content key read" "$(cat "$TMP/wo2.out")"
else
	fail "rrsync" "rrsync missing (Debian package rsync)"
fi
