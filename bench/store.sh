#!/bin/sh
# Prints what a session end costs the kiosk's UI thread: one save and the
# rewrite of the file that follows it (PRIVACY.md: no trace of the order of
# sessions), on a database of 25 months of a busy kiosk (20,000 sessions).
BUILD=${BUILD:-build}
GEN=$BUILD/tools/gen_sessions
P=$BUILD/tools/pageorder
DIR=$BUILD/bench
N=${BENCH_STORE_SESSIONS:-20000}
mkdir -p "$DIR"
db=$DIR/store-$N.db
rm -f "$db" "$db.pin-lock"
"$GEN" -o "$db" --random "$N" --seed 3 --days 500 --from 2022-06-01 2>/dev/null || exit 1
sqlite3 "$db" "PRAGMA journal_mode=DELETE" >/dev/null || exit 1
echo "bench store: $N sessions, $(du -h "$db" | cut -f1)"
for mode in sync background; do
	"$P" bench "$db" 20 $mode 2>/dev/null | sed 's/^/bench store: /' || exit 1
done
