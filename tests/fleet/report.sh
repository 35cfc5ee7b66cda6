#!/bin/sh
# kiosk-report --fleet DIR: the kiosks seen, their last report, versions and
# problems, and the merged statistics of all their files (a session in two
# nights' files counts once).
. tests/lib.sh
EXPORT="$ROOT/$BUILD/kiosk-export"
F=$TMP/central
mkdir -p "$F"
cp -R "$MINI" "$TMP/mini4"
sed -i 's/^version: .*/version: 4/' "$TMP/mini4/module.yaml"
id() { printf 'id=%032x' "$1"; }
# sessions_near NAME FILE TRUTH: the text report's published total is the
# truth ± 2 (PRIVACY.md: every count is perturbed by at most 2).
sessions_near() {
	n=$(sed -n 's/^ *Sessions \.*[^0-9]*\([0-9][0-9]*\)$/\1/p' "$2" | head -1)
	if [ -n "$n" ] && [ "$n" -ge $(($3 - 2)) ] && [ "$n" -le $(($3 + 2)) ]; then
		pass "$1 (published ≈ $n)"
	else
		fail "$1" "published '$n', truth $3 ± 2"
	fi
}

# Kiosk a: module 4, two nights; the second night's file holds the first's
# sessions again plus 3 new ones.
{ for i in 1 2 3 4 5 6; do echo "$(id $i) kiosk=a day=2024-05-02 stage=result score=80 passed=1"; done; } |
	"$GEN" -o "$TMP/a.db" 2>/dev/null
printf 'kiosk_id: a\ndatabase: %s/a.db\n' "$TMP" >"$TMP/a.yaml"
"$EXPORT" --outbox "$F/a" --config "$TMP/a.yaml" --content "$TMP/mini4" --day 2024-05-06 --no-journal >/dev/null
{ for i in 7 8 9; do echo "$(id $i) kiosk=a day=2024-05-06 stage=home"; done; } |
	"$GEN" -o "$TMP/a2.db" 2>/dev/null
sqlite3 "$TMP/a.db" "ATTACH '$TMP/a2.db' AS n; INSERT INTO session SELECT * FROM n.session;" 2>"$TMP/err" ||
	fail "fixture" "$(cat "$TMP/err")"
"$EXPORT" --outbox "$F/a" --config "$TMP/a.yaml" --content "$TMP/mini4" --day 2024-05-07 --no-journal >/dev/null

# Kiosk b: module 3 behind, last report three days before, its last bundle refused.
mkdir -p "$TMP/broot/versions"
cp -R "$MINI" "$TMP/broot/versions/mini-3"
ln -s versions/mini-3 "$TMP/broot/current"
echo "2024-05-04 refused v5.kbundle: signed by an unknown key 0123456789abcdef" >"$TMP/broot/last-install"
{ for i in 21 22 23 24 25; do echo "$(id $i) kiosk=b day=2024-05-03 lang=en stage=home"; done; } |
	"$GEN" -o "$TMP/b.db" 2>/dev/null
printf 'kiosk_id: b\ndatabase: %s/b.db\n' "$TMP" >"$TMP/b.yaml"
"$EXPORT" --outbox "$F/b" --config "$TMP/b.yaml" --content "$TMP/broot/current" --day 2024-05-04 --no-journal >/dev/null

# Kiosk c: its database is damaged, only the health file comes.
printf 'garbage garbage garbage garbage garbage garbage garbage garbage garbage' >"$TMP/c.db"
printf 'kiosk_id: c\ndatabase: %s/c.db\n' "$TMP" >"$TMP/c.yaml"
"$EXPORT" --outbox "$F/c" --config "$TMP/c.yaml" --content "$TMP/mini4" --day 2024-05-07 --no-journal >/dev/null 2>&1
# The health files read this machine's free disk: the fleet's problems must
# not depend on it, so each kiosk is given a comfortable 50 %.
for h in "$F"/*/*.health; do
	sed -i 's/^disk_free_pct: .*/disk_free_pct: 50/; s/^disk_free_mb: .*/disk_free_mb: 50000/' "$h"
done
# A file still on its way (Syncthing's temporary name) is not read.
echo partial >"$F/.syncthing.d-2024-05-07.db.tmp"

"$REPORT" --fleet "$F" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "kiosk-report --fleet exits 0" test "$rc" -eq 0
line_has "kiosk a: last report, software, module 4" "$TMP/out" "a                2024" "2024-05-07" "1.0.0" "mini v4" " ok "
line_has "kiosk b: module 3, its last report" "$TMP/out" "b                2024" "2024-05-04" "mini v3"
line_has "kiosk c: database damaged" "$TMP/out" "c                2024" "damaged"
line_has "three kiosks seen" "$TMP/out" "Fleet:" "3 kiosk(s)" "newest report 2024-05-07"
line_has "b's problems: late, behind, bundle refused" "$TMP/out" "  b: " "last report 3 days before the newest" \
	"module version 3 while 4 exists" "last bundle: 2024-05-04 refused v5.kbundle"
line_has "c's problems: no statistics, database" "$TMP/out" "  c: " "no statistics file" "database damaged"
if grep -q "  a: " "$TMP/out"; then fail "a has no problem" "$(grep '  a: ' "$TMP/out")"; else pass "a has no problem"; fi
# a's 3 sessions of 2024-05-06 wait in an open batch (fewer than K): 6 + 5.
sessions_near "merged: 6 + 5 sessions of closed batches, each once" "$TMP/out" 11
if grep -q "^d  " "$TMP/out"; then fail "temporary file read" "$(head -12 "$TMP/out")"; else pass "a file still arriving is not read"; fi
line_has "the newest night of a (holding all its batches) and b's file read" "$TMP/out" "Fichiers lus" ": 2"

"$REPORT" --fleet "$F" --format json -o "$TMP/r.json" 2>"$TMP/err"
grep -F '"key": "total"' "$TMP/r.json" | grep -q '"sessions": ' && grep -q "Fleet: 3 kiosk" "$TMP/err" &&
	pass "--format json: the document on its own, the kiosks table on standard error" ||
	fail "fleet json" "$(head -c 300 "$TMP/r.json") / $(head -3 "$TMP/err")"
"$REPORT" --fleet "$TMP/nowhere" >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "not a folder" "$TMP/err" && pass "--fleet on a missing folder: exit 2" ||
	fail "missing fleet dir" "$(cat "$TMP/err")"
mkdir "$TMP/emptyfleet"
"$REPORT" --fleet "$TMP/emptyfleet" >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "no kiosk's files" "$TMP/err" && pass "--fleet on an empty folder: exit 2 with why" ||
	fail "empty fleet" "$(cat "$TMP/err")"

# More files than one report merges (64): the newest of each kiosk is read,
# each holding all of that kiosk's sessions.
for i in $(seq 0 69); do
	cp "$F/a/a-2024-05-07.db" "$F/a/a-$(date -d "2024-01-01 + $i days" +%F).db"
done
"$REPORT" --fleet "$F" >"$TMP/out" 2>"$TMP/err"
line_has "72 files of a: the newest of each kiosk merged" "$TMP/out" "statistics files found" "(73 statistics files found"
sessions_near "still 11 sessions" "$TMP/out" 11
