#!/bin/sh
# kiosk-report's command line: help, version, errors and exit codes.
. tests/lib.sh
R=$REPORT
T=$TMP
expect_rc() { # name want command...
	name=$1 want=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then pass "$name"; else fail "$name" "exit $rc, want $want: $(head -3 "$T/err")"; fi
}

"$GEN" -o "$T/a.db" 2>/dev/null <<'SPEC'
n=6 day=2024-05-02 stage=result score=80 passed=1
SPEC
expect_rc "--help exits 0" 0 "$R" --help
grep -q -- "--min-group" "$T/out" && pass "--help lists the options" || fail "--help lists the options" "$(cat "$T/out")"
expect_rc "--version exits 0" 0 "$R" --version
grep -qE '^kiosk-report [0-9]+\.[0-9]+' "$T/out" && pass "--version prints it" || fail "--version prints it" "$(cat "$T/out")"
expect_rc "no database is a usage error" 2 "$R"
expect_rc "unknown format" 2 "$R" "$T/a.db" --format pdf
expect_rc "unknown option" 2 "$R" "$T/a.db" --frobnicate
expect_rc "bad date" 2 "$R" "$T/a.db" --from 02/05/2024
expect_rc "bad --min-group" 2 "$R" "$T/a.db" --min-group zero
expect_rc "--min-group under 5 refused" 2 "$R" "$T/a.db" --min-group 4
grep -q "at least 5" "$T/err" && pass "--min-group floor explained" || fail "--min-group floor explained" "$(cat "$T/err")"
expect_rc "bad --sep" 2 "$R" "$T/a.db" --sep x
expect_rc "missing value" 2 "$R" "$T/a.db" --format
expect_rc "missing file" 1 "$R" "$T/nope.db"
grep -q "nope.db" "$T/err" && pass "missing file is named" || fail "missing file is named" "$(cat "$T/err")"
printf 'not a database at all, just text\n' >"$T/junk.db"
expect_rc "junk file" 1 "$R" "$T/junk.db"
sqlite3 "$T/other.db" "CREATE TABLE t(x)" 2>/dev/null
expect_rc "foreign database" 1 "$R" "$T/other.db"
grep -q "neither a kiosk statistics database nor a batch file" "$T/err" && pass "foreign database explained" || fail "foreign database explained" "$(cat "$T/err")"
expect_rc "foreign file among others" 1 "$R" "$T/a.db" "$T/other.db"
expect_rc "-o writes a file" 0 "$R" "$T/a.db" -o "$T/r.txt"
grep -q "Sessions .* 6" "$T/r.txt" && [ ! -s "$T/out" ] && pass "-o output goes to the file" || fail "-o output goes to the file" "$(head -3 "$T/r.txt")"
expect_rc "unwritable -o" 1 "$R" "$T/a.db" -o "$T/no/such/dir/r.txt"
# A database in WAL mode whose log is folded back reads as usual; one with
# a log next to it (written by something else right now) is refused rather
# than read half (the reader is immutable: it takes no lock).
sqlite3 "$T/a.db" "PRAGMA journal_mode=WAL" >/dev/null 2>&1
expect_rc "reads a WAL-mode database" 0 "$R" "$T/a.db" --format json
printf 'x' >"$T/a.db-wal"
expect_rc "a -wal file next to it is refused" 1 "$R" "$T/a.db" --format json
grep -q "backup" "$T/err" && pass "the refusal says how to copy" || fail "the refusal says how to copy" "$(cat "$T/err")"
rm -f "$T/a.db-wal"
# File names that look like URI syntax.
odd="$T/stats?x=1#%41 é.db"
cp "$T/a.db" "$odd"
expect_rc "odd file name" 0 "$R" "$odd" --format json
grep -q '"sessions": 6' "$T/out" && pass "odd file name read" || fail "odd file name read" "$(head -c 300 "$T/out")"
expect_rc "odd file name in a merge" 0 "$R" "$odd" "$T/a.db" --format json
grep -q '"sessions": 6' "$T/out" && pass "odd file name merged" || fail "odd file name merged" "$(head -c 300 "$T/out")"
