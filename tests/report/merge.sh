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

# Files written before chapter answers were kept (kiosk schema version 4,
# and the batch files of such a kiosk, without b_chapter_answer) are read
# as they are: the same figures, no chapter question; merged with a newer
# kiosk's file, the newer one's chapter questions and everyone's other
# figures. The kiosk itself migrates its version 4 file when it opens it.
spec='n=6 day=2024-05-01 kiosk=old stage=result score=80 passed=1 ans=q1:o1:0:1 ch=c1:1:100'
echo "$spec" | "$GEN" -o "$T/v4.db" --schema 4 --seed 3 --kiosk-id old 2>/dev/null
echo "$spec cq=c1:q6:1:1" | "$GEN" -o "$T/v5.db" --seed 3 --kiosk-id old 2>/dev/null
printf 'kiosk_id: old\ndatabase: %s\n' "$T/v5.db" >"$T/v5.yaml"
"$EXPORT" --outbox "$T/out5" --config "$T/v5.yaml" --day 2024-05-04 --no-journal >/dev/null 2>&1
cp "$T/out5/old-2024-05-04.db" "$T/old-batches.db"
# As the previous release wrote it: no b_chapter_answer, and no sums (s_*).
sqlite3 "$T/old-batches.db" "SELECT 'DROP TABLE ' || name || ';' FROM sqlite_schema WHERE type = 'table' AND
	(name GLOB 's_*' OR name = 'b_chapter_answer')" | sqlite3 "$T/old-batches.db"
sqlite3 "$T/old-batches.db" "VACUUM"
v=$(sqlite3 "$T/v4.db" 'PRAGMA user_version')
for f in v4.db old-batches.db; do
	if "$R" "$T/$f" --format json -o "$T/$f.json" 2>"$T/err"; then
		got=$(python3 -c "import json; d = json.load(open('$T/$f.json')); print(d['total']['sessions'] is not None, len(d['questions']), d['chapter_questions'])")
		[ "$got" = "True 1 []" ] && pass "$f (schema $v, or a batch file without chapter answers): read, no chapter question ($got)" ||
			fail "$f read" "$got"
	else
		fail "$f read" "exit $?: $(cat "$T/err")"
	fi
done
"$GEN" -o "$T/new.db" --kiosk-id new 2>/dev/null <<'SPEC'
n=7 day=2024-05-01 kiosk=new stage=result score=40 passed=0 ans=q1:o1:1:0 ch=c1:1:50 cq=c1:q6:2:0
SPEC
"$R" "$T/old-batches.db" "$T/new.db" --format json -o "$T/mixed.json" 2>"$T/err"
got=$(python3 -c "
import json; d = json.load(open('$T/mixed.json'))
print(sorted(g['key'] for g in d['kiosks']), [(q['question'], q['answered']) for q in d['chapter_questions']])" 2>&1)
case "$got" in
"['new', 'old'] [('q6', "[5-9]")]") pass "an old kiosk's batch file merged with a new kiosk's database: both kiosks, the new one's chapter question ($got)" ;;
*) fail "old and new merged" "$got $(cat "$T/err")" ;;
esac
# The outbox of a kiosk whose file is still at version 4 (not restarted
# since the update): a batch file with an empty b_chapter_answer.
printf 'kiosk_id: old\ndatabase: %s\n' "$T/v4.db" >"$T/v4.yaml"
"$EXPORT" --outbox "$T/out4" --config "$T/v4.yaml" --day 2024-05-04 --no-journal >/dev/null 2>"$T/err4"
got=$(sqlite3 "$T/out4/old-2024-05-04.db" "SELECT (SELECT count(*) FROM b_chapter_answer) || '/' || (SELECT sum(sessions) FROM b_day)" 2>&1)
[ "$got" = "0/6" ] && pass "kiosk-export of a version 4 file: its 6 sessions, no chapter answer ($got)" ||
	fail "export of a version 4 file" "$got $(cat "$T/err4")"
