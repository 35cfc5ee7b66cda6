#!/bin/sh
# Attack (issue 10): read the order in which sessions were saved from the
# raw bytes of the database file (cell offsets in b-tree pages, the WAL).
# Before the fix: one welcome day's page gave back 100 % of the order.
. tests/lib.sh
P=${PAGEORDER:-"$ROOT/$BUILD/tools/pageorder"}
[ -x "$P" ] || P="$ROOT/build/tools/pageorder"

# The strongest form: the same sessions saved in two orders give the same
# file, byte for byte.
"$P" twins "$TMP/a.db" "$TMP/b.db" 200 5 2>"$TMP/twins.err"
if cmp -s "$TMP/a.db" "$TMP/b.db"; then
	pass "same sessions, two save orders: identical files"
else
	fail "same sessions, two save orders: identical files" "$(cmp "$TMP/a.db" "$TMP/b.db" 2>&1)"
fi

# The same with the running kiosk's rewrite in a thread of its own: the
# pages are the same (the header counts transactions, which differ).
"$P" twins "$TMP/c.db" "$TMP/d.db" 200 5 background 2>"$TMP/twins.err"
if cmp -s -i 100 "$TMP/c.db" "$TMP/d.db.live" && cmp -s -i 100 "$TMP/c.db" "$TMP/d.db"; then
	pass "background rewrite: identical pages, while running and after"
else
	fail "background rewrite: identical pages, while running and after" "$(cmp -i 100 "$TMP/c.db" "$TMP/d.db.live" 2>&1) $(ls -la "$TMP")"
fi

# The attacker's view: one day of 40 sessions, cells sorted by offset.
"$P" save "$TMP/day.db" 40 1 "$TMP/order" 2>/dev/null
"$P" scan "$TMP/day.db" "$TMP/order" >"$TMP/scan" 2>&1
cat "$TMP/scan"
pct=$(sed -n 's/.*save order recovered: \([0-9]*\).*/\1/p' "$TMP/scan")
if [ -n "$pct" ] && [ "$pct" -lt 75 ]; then
	pass "cell offsets give back no save order ($pct % of pairs, 50 % is chance)"
else
	fail "cell offsets give back no save order" "$(cat "$TMP/scan")"
fi
for side in -wal -journal -shm; do
	if [ -e "$TMP/day.db$side" ]; then fail "no $side file left" "$(ls -la "$TMP")"; else pass "no $side file left"; fi
done

# A reader holding the file: the save must not wait for it.
"$P" locked "$TMP/day.db" >"$TMP/locked" 2>/dev/null
cat "$TMP/locked"
ms=$(sed -n 's/.*holding the file: \([0-9]*\) ms.*/\1/p' "$TMP/locked")
# Queued, not written: the proof that it did not wait. Its time is a figure;
# the bound (under the 2 s a waiting save would take: BUSY_TIMEOUT_MS is 0,
# the rewrite's own timeout 2000) only tells a wait from a loaded machine.
echo "figure: a save with a reader holding the file took ${ms:-?} ms"
if grep -q "holding the file: .*waiting in memory: 1" "$TMP/locked" && [ -n "$ms" ] && [ "$ms" -lt 1900 ]; then
	pass "a save never waits for a reader (queued, $ms ms)"
else
	fail "a save never waits for a reader" "$(cat "$TMP/locked")"
fi
has "the queued session is saved once the reader leaves" "$TMP/locked" "after the reader left: waiting in memory: 0"
