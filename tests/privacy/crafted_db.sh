#!/bin/sh
# Attack (issue 10): a crafted database handed to kiosk-report. Before the
# fix: a negative score wrote out of bounds (segfault, or "free(): invalid
# pointer"), and an SQL error gave an empty report with exit 0. Each case
# must now end with exit 1 and a message naming the file, never a crash
# (under `make asan` the same script runs on the sanitized binary).
. tests/lib.sh
R=$REPORT
"$GEN" -o "$TMP/good.db" 2>/dev/null <<'SPEC'
n=6 day=2024-05-02 stage=result score=80 passed=1 ans=q1:o1:0:1 ch=c1:1:100 cq=c1:q6:1:1
SPEC
"$GEN" -o "$TMP/good2.db" --schema 2 2>/dev/null <<'SPEC'
n=6 day=2024-05-02 stage=result score=80 passed=1 ans=q1:o1:0:1 ch=c1:1:100
SPEC
crafted() { # name sql [base]: a copy of good.db (or base.db) altered by sql, checks ignored
	cp "$TMP/${3:-good}.db" "$TMP/$1.db"
	sqlite3 "$TMP/$1.db" "PRAGMA ignore_check_constraints=1; PRAGMA writable_schema=0; $2" 2>"$TMP/$1.sqlerr" ||
		{ fail "$1: crafted" "$(cat "$TMP/$1.sqlerr")"; return; }
	for fmt in text csv json html; do
		"$R" "$TMP/$1.db" --format "$fmt" >"$TMP/$1.out" 2>"$TMP/$1.err"
		rc=$?
		if [ $rc -ne 1 ] || ! grep -q "$1.db" "$TMP/$1.err"; then
			fail "$1 ($fmt): exit 1 with the file named" "exit $rc: $(head -c 300 "$TMP/$1.err")"
			return
		fi
	done
	pass "$1: refused in every format ($(head -c 120 "$TMP/$1.err"))"
}
# Counters are read through the closed batches that cover their days
# (2024-05-02 here): what is crafted sits inside one.
crafted score-minus-1e9 "INSERT INTO stat_score VALUES('2024-05-02','m',-1000000000,5,0)"
crafted score-minus-30 "INSERT INTO stat_score VALUES('2024-05-02','m',-30,5,0)"
crafted score-1000 "INSERT INTO stat_score VALUES('2024-05-02','m',1000,5,0)"
crafted choice-99 "INSERT INTO stat_answer VALUES('2024-05-02','m','q9','o1',99,0,3,0)"
crafted negative-count "UPDATE stat_day SET sessions = -5"
crafted negative-key "UPDATE stat_day SET k_passed = -5"
crafted overflow "INSERT INTO stat_day SELECT day, module, 'de', 9000000000000000000, 0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0 FROM stat_day; INSERT INTO stat_day SELECT day, module, 'en', 9000000000000000000, 0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0 FROM stat_day WHERE lang = 'fr'"
crafted inconsistent "UPDATE stat_day SET passed = sessions + 10"
crafted quote-in-id "UPDATE stat_chapter SET chapter = 'c\"1<script>'"
crafted missing-table "DROP TABLE stat_answer"
crafted text-in-count "DROP TABLE stat_score; CREATE TABLE stat_score (day, module, score, sessions); INSERT INTO stat_score VALUES ('2024-05-02', 'm', 'abc', 'x')"
crafted bad-day "UPDATE batch SET last_day = '2024-13-45'"
crafted bad-kiosk "UPDATE batch SET kiosk = 'Marie Dupont'"
# The chapters' questions (schema version 5).
crafted chapter-choice-99 "INSERT INTO stat_chapter_answer VALUES('2024-05-02','m','c1','q9',99,0,3,0)"
crafted chapter-negative "UPDATE stat_chapter_answer SET answers = -3"
crafted chapter-right-2 "UPDATE stat_chapter_answer SET correct = 2"
crafted chapter-name "UPDATE stat_chapter_answer SET chapter = 'Marie Dupont'"

# A file name is a file name: URI syntax in it is not obeyed.
cp "$TMP/good.db" "$TMP/x.db"
mkdir -p "$TMP/file:x.db?vfs=memdb&mode=rwc"
"$R" "file:$TMP/x.db?mode=rw" >"$TMP/u.out" 2>"$TMP/u.err"
[ $? -eq 1 ] && pass "a URI given as the file is not opened as a URI" || fail "a URI given as the file is not opened as a URI" "$(cat "$TMP/u.err")"

# Outputs: CSV cells that start a formula are neutralised.
"$GEN" -o "$TMP/dash.db" 2>/dev/null <<'SPEC'
n=6 day=2024-05-02 module=-cmd stage=result score=80 passed=1 ans=-q1:o1:0:1
SPEC
"$R" "$TMP/dash.db" --format csv -o "$TMP/dash.csv"
if grep -q ",-cmd," "$TMP/dash.csv"; then fail "CSV formula cells neutralised" "$(grep -- '-cmd' "$TMP/dash.csv" | head -2)"; else pass "CSV formula cells neutralised"; fi
# Files older than schema 4 have no closed batch: refused, named.
crafted old-schema "UPDATE session SET duration_s = -600" good2
# The counters of the label rows and the item analysis.
crafted group-negative "UPDATE stat_group SET duration_sum = -600"
crafted group-huge "UPDATE stat_group SET duration_sum = 9000000000000000000"
crafted item-negative "UPDATE stat_item SET rest_sum = -3"
