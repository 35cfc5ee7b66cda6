#!/bin/sh
# Prints how long kiosk-report takes over 1,000,000 sessions (target: under
# a second), in each format, and for a merge of two files. The databases
# are generated once into $BUILD/bench/ (a few minutes) and reused.
# `make bench` (bench/run.sh) has the single-file figures in its table; run
# this by hand for the merges: BUILD=build sh bench/report.sh
BUILD=${BUILD:-build}
R=$BUILD/kiosk-report
GEN=$BUILD/tools/gen_sessions
DIR=$BUILD/bench
N=${BENCH_SESSIONS:-1000000}
mkdir -p "$DIR"
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{printf "%.3f", $2 - $1}'; }

big=$DIR/sessions-$N.db
if [ ! -s "$big" ]; then
	t0=$(now)
	"$GEN" -o "$big.tmp" --random "$N" --seed 7 --days 500 --from 2023-01-01 || exit 1
	mv "$big.tmp" "$big"
	echo "bench report: generated $N sessions in $(secs "$t0" "$(now)") s ($(du -h "$big" | cut -f1))"
fi
for fmt in text csv json html; do
	t0=$(now)
	"$R" "$big" --format "$fmt" -o "$DIR/report.$fmt" || exit 1
	echo "bench report: $N sessions, --format $fmt: $(secs "$t0" "$(now)") s"
done
t0=$(now)
"$R" "$big" --format json --from 2023-06-01 --to 2023-12-31 -o /dev/null || exit 1
echo "bench report: $N sessions, --from/--to: $(secs "$t0" "$(now)") s"

# Merges: files sharing no session add up their counts; a file sharing
# sessions with an earlier one is recounted row by row (slower).
m=100000
for s in 1 2; do
	f=$DIR/merge-$s.db
	[ -s "$f" ] || "$GEN" -o "$f" --random $m --seed $s --days 200 2>/dev/null || exit 1
done
t0=$(now)
"$R" "$DIR/merge-1.db" "$DIR/merge-2.db" "$DIR/merge-1.db" --format json -o /dev/null || exit 1
echo "bench report: merge of 2 files x $m sessions: $(secs "$t0" "$(now)") s"
cp "$DIR/merge-1.db" "$DIR/merge-1-copy.db"
t0=$(now)
"$R" "$DIR/merge-1.db" "$DIR/merge-1-copy.db" --format json -o /dev/null || exit 1
echo "bench report: merge of a $m-session file with its copy (all duplicates): $(secs "$t0" "$(now)") s"
rm -f "$DIR/merge-1-copy.db"
