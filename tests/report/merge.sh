#!/bin/sh
# Several files reported together: a file given twice, a copy of a file, or
# a session present in two files is counted once.
. tests/lib.sh
R=$REPORT
T=$TMP
total() { # file -> sessions of the total, or "null"
	grep -F '"key": "total"' "$1" | grep -oE '"sessions": [0-9a-z]+' | cut -d' ' -f2
}
expect_total() { # name want files...
	name=$1 want=$2
	shift 2
	"$R" "$@" --format json -o "$T/out.json" 2>"$T/err" ||
		{ fail "$name" "exit $?: $(cat "$T/err")"; return; }
	got=$(total "$T/out.json")
	if [ "$got" = "$want" ]; then pass "$name ($got sessions)"; else fail "$name" "got $got, want $want"; fi
}
id() { printf 'id=%032x' "$1"; }

{
	for i in 1 2 3 4 5 6; do
		echo "$(id $i) day=2024-05-0$((i % 3 + 1)) stage=result score=80 passed=1 ans=q1:o1:0:1,q2:o1:1:0 ch=c1:1:100"
	done
} | "$GEN" -o "$T/a.db" 2>/dev/null
{
	for i in 4 5 6 7 8 9 10 11; do
		echo "$(id $i) day=2024-05-0$((i % 3 + 1)) stage=result score=80 passed=1 ans=q1:o1:0:1,q2:o1:1:0 ch=c1:1:100"
	done
} | "$GEN" -o "$T/b.db" 2>/dev/null
"$GEN" -o "$T/c.db" 2>/dev/null <<'SPEC'
n=5 day=2024-06-01 lang=en stage=home
SPEC
cp "$T/a.db" "$T/a-copy.db"
ln -s "$T/a.db" "$T/a-link.db"

expect_total "one file" 6 "$T/a.db"
expect_total "same file twice" 6 "$T/a.db" "$T/a.db"
expect_total "file and a symlink to it" 6 "$T/a.db" "$T/a-link.db"
expect_total "file and its copy" 6 "$T/a.db" "$T/a-copy.db"
expect_total "overlapping files (3 shared)" 11 "$T/a.db" "$T/b.db"
expect_total "overlap, other order" 11 "$T/b.db" "$T/a.db"
expect_total "three files" 16 "$T/a.db" "$T/b.db" "$T/c.db" "$T/a-copy.db"
expect_total "merge with --from" 5 "$T/a.db" "$T/b.db" "$T/c.db" --from 2024-06-01

# Child rows (answers, chapters) of a shared session are counted once too.
"$R" "$T/a.db" "$T/b.db" --format json -o "$T/m.json"
l=$(grep -F '"question": "q1"' "$T/m.json")
case "$l" in *'"answered": 11'*'"right_pct": 100.0'*) pass "shared answers counted once" ;; *) fail "shared answers counted once" "$l" ;; esac
l=$(grep -F '"chapter": "c1"' "$T/m.json")
case "$l" in *'"opened_by": 11'*) pass "shared chapters counted once" ;; *) fail "shared chapters counted once" "$l" ;; esac
l=$(grep -F '"objective": "o1", "questions"' "$T/m.json")
case "$l" in *'"answered": 22'*'"right_pct": 50.0'*) pass "objective over merged files" ;; *) fail "objective over merged files" "$l" ;; esac
grep -q '"files": 2' "$T/m.json" && pass "two files read" || fail "two files read" "$(grep files "$T/m.json")"

# The inputs are only read.
before=$(cksum <"$T/a.db")
"$R" "$T/a.db" "$T/b.db" >/dev/null 2>&1
[ "$(cksum <"$T/a.db")" = "$before" ] && pass "inputs untouched" || fail "inputs untouched" "a.db changed"
