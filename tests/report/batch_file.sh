#!/bin/sh
# The nightly batch file (kiosk-export, docs/reports.md « Fichiers de
# lots »), as bench/batches.sh times it:
#  - each night only the batches closed since the previous night's file
#    are computed; the others are copied from that file, and the result is
#    the file a first night would write, byte for byte;
#  - a published batch is never computed again (it never changes), even if
#    the kiosk's counters of its days did;
#  - a previous file that cannot give its batches (another kiosk's, one
#    whose batches are not the database's, another version's, not a
#    database) is set aside with a message and every batch computed again;
#  - the sums the file carries (s_* tables) give the report every figure
#    that its batches give, noise included, and a file whose sums do not
#    match its batches is refused.
. tests/lib.sh
R=$REPORT
T=$TMP
EXPORT="$ROOT/$BUILD/kiosk-export"
"$GEN" -o "$T/a.db" --kiosk-id hall 2>/dev/null <<'SPEC'
n=6 day=2024-05-01 kiosk=hall stage=result score=80 passed=1 ans=q1:o1:0:1,q2:o1:1:0 ch=c1:1:100 cq=c1:q6:1:0
n=7 day=2024-05-02 kiosk=hall lang=en stage=result score=40 passed=0 ans=q1:o1:2:0,q2:o1:1:1 ch=c1:1:50 cq=c1:q6:0:1
n=5 day=2024-05-03 kiosk=hall stage=result score=60 passed=1 label=rh ans=q1:o1:0:1,q2:o1:0:0 ch=c1:1:80
SPEC
printf 'kiosk_id: hall\ndatabase: %s\n' "$T/a.db" >"$T/a.yaml"
night() { # outbox day: kiosk-export's messages in $T/night.err
	"$EXPORT" --outbox "$1" --config "$T/a.yaml" --day "$2" --no-journal >/dev/null 2>"$T/night.err"
}
night "$T/out" 2024-05-04
echo 'n=8 day=2024-05-06 kiosk=hall stage=result score=90 passed=1 ans=q1:o1:0:1,q2:o1:1:1 ch=c1:1:100' |
	"$GEN" -o "$T/a.db" --kiosk-id hall 2>/dev/null
night "$T/out" 2024-05-07
[ -s "$T/night.err" ] && fail "the second night builds on the first" "$(cat "$T/night.err")" ||
	pass "the second night builds on the first (no message)"
night "$T/fresh" 2024-05-07
cmp -s "$T/out/hall-2024-05-07.db" "$T/fresh/hall-2024-05-07.db" &&
	pass "a night's file built on the previous one is the first night's file, byte for byte" ||
	fail "built on the previous one" "$(cmp "$T/out/hall-2024-05-07.db" "$T/fresh/hall-2024-05-07.db")"
n=$(sqlite3 "$T/out/hall-2024-05-07.db" "SELECT group_concat(batch || ':' || sessions, ' ') FROM b_batch")
[ "$n" = "2024-05-01:6 2024-05-02:7 2024-05-03:5 2024-05-06:8" ] && pass "batches: $n" || fail "batches" "$n"

# A published batch never changes: its rows come from the previous file,
# whatever the kiosk's counters of its days say now.
rows() { sqlite3 "$1" "SELECT group_concat(question || choice || '=' || answers, ' ') FROM b_answer WHERE batch = '2024-05-01'"; }
before=$(rows "$T/out/hall-2024-05-07.db")
sqlite3 "$T/a.db" "UPDATE stat_answer SET answers = answers + 100 WHERE day = '2024-05-01'"
night "$T/out" 2024-05-08
after=$(rows "$T/out/hall-2024-05-08.db")
[ -n "$before" ] && [ "$before" = "$after" ] &&
	pass "a published batch is copied, never computed again ($after)" ||
	fail "published batch computed again" "before: $before, after: $after"
sqlite3 "$T/a.db" "UPDATE stat_answer SET answers = answers - 100 WHERE day = '2024-05-01'"

# Previous files that cannot give their batches.
set_aside() { # name file-setup expected-message
	rm -rf "$T/bad" && mkdir "$T/bad"
	cp "$T/out/hall-2024-05-07.db" "$T/bad/hall-2024-05-07.db"
	eval "$2"
	night "$T/bad" 2024-05-08
	if ! grep -qF "$3" "$T/night.err" || ! grep -qF "every batch is computed again" "$T/night.err"; then
		fail "$1" "$(cat "$T/night.err")"
	elif ! cmp -s "$T/bad/hall-2024-05-08.db" "$T/out/hall-2024-05-08.db"; then
		fail "$1" "the file is not the one built from the database"
	else
		pass "$1: set aside, every batch computed again"
	fi
}
set_aside "a previous file whose batch differs from the database's" \
	"sqlite3 \"\$T/bad/hall-2024-05-07.db\" \"UPDATE b_batch SET sessions = 9 WHERE batch = '2024-05-02'\"" \
	"its batches are not the database's"
set_aside "a previous file missing a batch" \
	"sqlite3 \"\$T/bad/hall-2024-05-07.db\" \"DELETE FROM b_batch WHERE batch = '2024-05-02'\"" \
	"its batches are not the database's"
set_aside "a previous file of another kiosk id" \
	"sqlite3 \"\$T/bad/hall-2024-05-07.db\" \"UPDATE b_batch SET kiosk = 'other'\"" \
	"its batches are not the database's"
set_aside "a previous file of another version (one table less)" \
	"sqlite3 \"\$T/bad/hall-2024-05-07.db\" \"DROP TABLE b_item\"" \
	"not a batch file of this version"
set_aside "a previous file that is not a database" \
	"head -c 5000 /dev/urandom >\"\$T/bad/hall-2024-05-07.db\"" \
	"every batch is computed again"

# The sums: the same report, figure for figure, as the batches alone.
f=$T/out/hall-2024-05-07.db
n=$(sqlite3 "$f" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 's_*' ORDER BY name)")
missing=
for t in s_answer s_batch s_chapter s_chapter_answer s_day s_item s_label s_score; do
	case " $n " in *" $t "*) ;; *) missing="$missing $t" ;; esac
done
[ -z "$missing" ] && pass "the file carries its sums: $n" || fail "sums" "no$missing in: $n"
cp "$f" "$T/nosums.db"
for t in $(sqlite3 "$T/nosums.db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 's_*'"); do
	sqlite3 "$T/nosums.db" "DROP TABLE $t"
done
same_json() { # name files...: the JSON of the files equals $T/ref.cmp
	name=$1
	shift
	"$R" "$@" --format json -o "$T/j.json" 2>"$T/err" || { fail "$name" "exit $?: $(cat "$T/err")"; return; }
	grep -v '"files"' "$T/j.json" >"$T/j.cmp"
	cmp -s "$T/j.cmp" "$T/ref.cmp" && pass "$name" || fail "$name" "$(diff "$T/ref.cmp" "$T/j.cmp" | head -5)"
}
"$R" "$T/nosums.db" --format json -o "$T/ref.json" 2>/dev/null
grep -v '"files"' "$T/ref.json" >"$T/ref.cmp"
same_json "read through its sums, the report of the batches" "$f"
"$R" "$T/a.db" --format json -o "$T/ref.json" 2>/dev/null
grep -v '"files"' "$T/ref.json" >"$T/ref.cmp"
same_json "read through its sums, the report of the kiosk's database" "$f"
# Two kiosks merged: through the sums or batch by batch, the same.
mkdir -p "$T/two" "$T/two-nosums"
for id in north south; do
	cp "$f" "$T/two/$id-2024-05-07.db"
	for t in $(sqlite3 "$f" "SELECT name FROM sqlite_schema WHERE type = 'table'"); do
		sqlite3 "$T/two/$id-2024-05-07.db" "UPDATE $t SET kiosk = '$id'"
	done
	cp "$T/two/$id-2024-05-07.db" "$T/two-nosums/$id-2024-05-07.db"
	for t in $(sqlite3 "$f" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 's_*'"); do
		sqlite3 "$T/two-nosums/$id-2024-05-07.db" "DROP TABLE $t"
	done
done
"$REPORT_BIN" --fleet "$T/two-nosums" --format json -o "$T/ref.json" 2>/dev/null
grep -v '"files"' "$T/ref.json" >"$T/ref.cmp"
same_json "two kiosks through their sums: the report of their batches" --fleet "$T/two"
# A period that takes part of the file: its batches, not the sums.
"$R" "$T/nosums.db" --from 2024-05-02 --to 2024-05-03 --format json -o "$T/ref.json" 2>/dev/null
grep -v '"files"' "$T/ref.json" >"$T/ref.cmp"
same_json "part of a file's batches: read batch by batch" "$f" --from 2024-05-02 --to 2024-05-03
# Sums that do not match the batches: refused, not reported.
cp "$f" "$T/altered.db"
sqlite3 "$T/altered.db" "UPDATE s_batch SET sessions = sessions + 1 WHERE batch = '2024-05-02'"
if "$REPORT_BIN" "$T/altered.db" -o "$T/alt.txt" 2>"$T/alt.err"; then
	fail "sums that do not match the batches" "reported: $(head -3 "$T/alt.txt")"
else
	has "sums that do not match the batches: refused" "$T/alt.err" "do not match the batches"
fi
