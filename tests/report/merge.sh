#!/bin/sh
# Several files reported together (statistics v2): a file given twice, a
# copy, a symlink, a kiosk database with its own batch files, two nights'
# batch files of one kiosk — each closed batch (kiosk id, first day) counts
# once, and the report is the same, figure for figure, noise included. The
# exact equality with one database is tests/unit/test_report_merge.c.
. tests/lib.sh
R=$REPORT
T=$TMP
EXPORT="$ROOT/$BUILD/kiosk-export"
same() { # name files...: the JSON report of the files equals that of a.db
	name=$1
	shift
	"$R" "$@" --format json -o "$T/out.json" 2>"$T/err" || { fail "$name" "exit $?: $(cat "$T/err")"; return; }
	grep -v '"files"' "$T/out.json" >"$T/out.cmp"
	if cmp -s "$T/out.cmp" "$T/ref.cmp"; then pass "$name"; else fail "$name" "$(diff "$T/ref.cmp" "$T/out.cmp" | head -5)"; fi
}
"$GEN" -o "$T/a.db" --kiosk-id hall 2>/dev/null <<'SPEC'
n=6 day=2024-05-01 kiosk=hall stage=result score=80 passed=1 ans=q1:o1:0:1,q2:o1:1:0 ch=c1:1:100
n=7 day=2024-05-02 kiosk=hall stage=result score=40 passed=0 ans=q1:o1:2:0,q2:o1:1:1 ch=c1:1:50
n=2 day=2024-05-03 kiosk=hall lang=en stage=home
SPEC
"$R" "$T/a.db" --format json -o "$T/ref.json"
grep -v '"files"' "$T/ref.json" >"$T/ref.cmp"
cp "$T/a.db" "$T/a-copy.db"
ln -s "$T/a.db" "$T/a-link.db"
same "same file twice" "$T/a.db" "$T/a.db"
same "file and a symlink to it" "$T/a.db" "$T/a-link.db"
same "file and its copy" "$T/a.db" "$T/a-copy.db"
printf 'kiosk_id: hall\ndatabase: %s\n' "$T/a.db" >"$T/a.yaml"
"$EXPORT" --outbox "$T/out" --config "$T/a.yaml" --day 2024-05-04 --no-journal >/dev/null 2>&1
same "the batch file alone publishes what its database does" "$T/out/hall-2024-05-04.db"
same "the database with its batch file: each batch once" "$T/a.db" "$T/out/hall-2024-05-04.db"
# The next night, after more days: the older file's batches are in the new one.
cp "$T/out/hall-2024-05-04.db" "$T/night1.db"
echo 'n=5 day=2024-05-06 kiosk=hall stage=result score=90 passed=1 ans=q1:o1:0:1,q2:o1:1:1 ch=c1:1:100' |
	"$GEN" -o "$T/a.db" --kiosk-id hall 2>/dev/null
"$EXPORT" --outbox "$T/out" --config "$T/a.yaml" --day 2024-05-07 --no-journal >/dev/null 2>&1
"$R" "$T/out/hall-2024-05-07.db" --format json -o "$T/ref.json"
grep -v '"files"' "$T/ref.json" >"$T/ref.cmp"
same "two nights' batch files of one kiosk: the newer one's figures" "$T/night1.db" "$T/out/hall-2024-05-07.db"
n=$(sqlite3 "$T/out/hall-2024-05-07.db" "SELECT group_concat(batch || '..' || last_day || ':' || sessions, ' ') FROM b_batch")
[ "$n" = "2024-05-01..2024-05-01:6 2024-05-02..2024-05-02:7 2024-05-03..2024-05-06:7" ] &&
	pass "batches: $n (the 2 of 2024-05-03 waited for the next day)" || fail "batches" "$n"
# A period is a union of batches: the one that ends in it.
"$R" "$T/a.db" --from 2024-05-05 --to 2024-05-31 --format json -o "$T/p.json"
got=$(python3 -c "import json; d = json.load(open('$T/p.json')); print([g['key'] for g in d['days']])")
[ "$got" = "['2024-05-03/2024-05-06']" ] && pass "--from 2024-05-05: the batch that ends in the period, whole ($got)" ||
	fail "period" "$got"
grep -q '"files": 2' "$T/out.json" && pass "two files read" || fail "two files read" "$(grep files "$T/out.json")"
# The inputs are only read.
before=$(cksum <"$T/a.db")
"$R" "$T/a.db" "$T/out/hall-2024-05-07.db" >/dev/null 2>&1
[ "$(cksum <"$T/a.db")" = "$before" ] && pass "inputs untouched" || fail "inputs untouched" "a.db changed"
