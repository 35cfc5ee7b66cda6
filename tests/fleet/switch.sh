#!/bin/sh
# The kiosk picks up a new `current` at its next attract screen, without a
# restart; a session in progress keeps its module; a broken new module is
# rolled back by the kiosk itself, with a journal line. The script is fed
# through a FIFO so the link can be switched in the middle of it.
. tests/lib.sh
R=$TMP/root
mkdir -p "$R/versions"
cp -R "$MINI" "$R/versions/mini-3"
cp -R "$MINI" "$R/versions/mini-4"
sed -i -e 's/^version: .*/version: 4/' -e 's/Qui me voit ?/Qui me voit (v4) ?/' "$R/versions/mini-4/module.yaml"
cp -R "$MINI" "$R/versions/mini-5"
sed -i -e 's/^version: .*/version: 5/' -e 's/^pass_mark: .*/pass_mark: 170/' "$R/versions/mini-5/module.yaml"
ln -s versions/mini-3 "$R/current"
# Short timeouts: a session ends by inactivity in 13 s of virtual time.
sed -i -e 's/^idle_timeout_s: .*/idle_timeout_s: 10/' -e 's/^still_there_s: .*/still_there_s: 3/' "$TMP/kiosk.yaml"

# wait_for TEXT FILE: up to 20 s of real time.
wait_for() {
	i=0
	while ! grep -qF -- "$1" "$2" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -gt 200 ] && return 1
		sleep 0.1
	done
}

mkfifo "$TMP/fifo"
"$KIOSK" --headless --script "$TMP/fifo" --size 1280x720 --trace --config "$TMP/kiosk.yaml" \
	--content "$R/current" >"$TMP/trace" 2>"$TMP/err" &
pid=$!
exec 3>"$TMP/fifo"
say() { echo "$1" >&3; }
say "tap 0.5 0.5"
say "press Français"
say "expect home"
wait_for "screen home" "$TMP/trace" || fail "switch" "the kiosk did not reach home: $(cat "$TMP/err")"
# A new version arrives in the middle of the session.
ln -s versions/mini-4 "$R/.new" && mv -T "$R/.new" "$R/current"
say "wait 5000"
say "press Qui me voit ?"
say "expect chapter"
say "press Retour"
say "expect home"
# The session ends by inactivity; back on attract, the kiosk looks again.
say "wait 35000"
say "expect attract"
say "wait 6000"
say "tap 0.5 0.5"
say "press Français"
say "expect home"
say "press Qui me voit (v4) ?"
say "expect chapter"
say "press Retour"
say "wait 35000"
say "expect attract"
exec 3>&-
wait $pid
rc=$?
# Every press of the script found its label: "Qui me voit ?" (version 3)
# inside the first session, "Qui me voit (v4) ?" in the next one.
if [ "$rc" -eq 0 ]; then
	pass "a session in progress keeps its module while current moves"
else
	fail "a session keeps its module" "exit $rc: $(grep -v '^<7>' "$TMP/err" | head -5)"
fi
if [ "$rc" -eq 0 ] && grep -q "showing module mini version 4" "$TMP/err"; then
	pass "the next session after attract shows version 4 (no restart)"
else
	fail "switch at attract" "exit $rc: $(grep -v '^<7>' "$TMP/err" | head -8)"
fi

# A broken version (a pass mark over 100) reaches current: the kiosk keeps
# showing version 4 and puts it back as current by itself.
ln -s versions/mini-4 "$R/previous"
ln -s versions/mini-5 "$R/.new" && mv -T "$R/.new" "$R/current"
PIN='hold 0.03 0.03 3500\nexpect trainer-pin\npress 2\npress 4\npress 6\npress 8\npress 1\npress 3\npress OK\nexpect trainer\npress Fermer\nexpect attract\n'
printf "${PIN}tap 0.5 0.5\npress Français\nexpect home\npress Qui me voit (v4) ?\nexpect chapter\n" |
	KIOSK_DEBUG=1 run_script broken-start 1280x720 --content "$R/current"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(readlink "$R/current")" = versions/mini-4 ] &&
	grep -q "cannot be shown .*rolled back to" "$TMP/broken-start.err"; then
	pass "a broken current at start-up: rolled back to version 4 and shown ($(grep -o 'rolled back to.*' "$TMP/broken-start.err"))"
	grep -q "trainer: shown: content mini-5 refusé (voir le journal), retour à mini-4" "$TMP/broken-start.err" &&
		pass "the trainer screen says so" || fail "trainer note at start-up" "$(grep -i content "$TMP/broken-start.err" | head -3)"
else
	fail "rollback at start-up" "exit $rc, current $(readlink "$R/current"): $(grep -v '^<7>' "$TMP/broken-start.err" | head -5)"
fi
mkfifo "$TMP/fifo2"
KIOSK_DEBUG=1 "$KIOSK" --headless --script "$TMP/fifo2" --size 1280x720 --config "$TMP/kiosk.yaml" \
	--content "$R/current" >/dev/null 2>"$TMP/err2" &
pid=$!
exec 3>"$TMP/fifo2"
say "wait 1000"
say "expect attract"
i=0
while ! grep -q "store: " "$TMP/err2" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
ln -s versions/mini-5 "$R/.new" && mv -T "$R/.new" "$R/current"
say "wait 6000"
printf "$PIN" >&3
say "tap 0.5 0.5"
say "press Français"
say "press Qui me voit (v4) ?"
say "expect chapter"
exec 3>&-
wait $pid
rc=$?
if [ "$rc" -eq 0 ] && [ "$(readlink "$R/current")" = versions/mini-4 ] &&
	grep -q "mini-5 cannot be shown .*rolled back" "$TMP/err2"; then
	pass "a broken new current on attract: the kiosk rolls back by itself and goes on"
	grep -q "trainer: shown: content mini-5 refusé (voir le journal), on garde mini-4" "$TMP/err2" &&
		pass "the trainer screen says so" || fail "trainer note on attract" "$(grep -i content "$TMP/err2" | head -3)"
else
	fail "rollback on attract" "exit $rc, current $(readlink "$R/current"): $(grep -v '^<7>' "$TMP/err2" | head -5)"
fi
