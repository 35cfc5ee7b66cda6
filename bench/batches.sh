#!/bin/sh
# Statistics v2 figures (issue 21), printed as "bench batches: ..." lines
# (bench/run.sh puts them in its table; by hand: BUILD=build sh bench/batches.sh):
#  - closing a day and writing the batch file, with 25 months (1,000,000
#    sessions) in the database: the close (STORE_CLOSE, what the store's
#    background thread runs) and the outbox's batch file (kiosk-export),
#    target <= 1 s together;
#  - kiosk-report --fleet over 100 kiosks x 25 months of batch files,
#    target <= 1 s.
# The databases are generated once into $BUILD/bench/ and reused.
BUILD=${BUILD:-build}
R=$BUILD/kiosk-report
GEN=$BUILD/tools/gen_sessions
EXPORT=$BUILD/kiosk-export
DIR=$BUILD/bench
N=${BENCH_SESSIONS:-1000000}
KIOSKS=${BENCH_KIOSKS:-100}
mkdir -p "$DIR"
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{printf "%.3f", $2 - $1}'; }
# The CPU seconds (user + system) of this shell's children so far: on a
# shared machine the wall-clock figures vary with its load, these do not.
# cpu NAME notes them (in this shell: `times` in a command substitution
# would see the subshell's), cpu_s NAME prints them.
cpu() { times >"$T/cpu.$1"; }
cpu_s() { awk 'NR == 2 { split($1, u, "m"); split($2, s, "m"); printf "%.3f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$T/cpu.$1"; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# 25 months: 2023-01-01 .. 2025-01-30 (761 days); every day but the last
# closed, as on a kiosk the evening of its last day.
big=$DIR/batches-$N.db
if [ ! -s "$big" ] || [ "$GEN" -nt "$big" ]; then
	rm -f "$big" "$big.tmp"
	echo "bench batches: generating $N sessions over 25 months (once, a few minutes)" >&2
	"$GEN" -o "$big.tmp" --random "$N" --seed 11 --days 761 --from 2023-01-01 \
		--close 2025-01-29 --kiosk-id bench >/dev/null 2>&1 && mv "$big.tmp" "$big" || exit 1
fi
cp "$big" "$T/k.db"
# The night before: the day before the last closed, its batch file in the
# outbox (what kiosk-export builds on; untimed).
last=$(sqlite3 "$T/k.db" "SELECT max(day) FROM stat_day")
before=$(sqlite3 "$T/k.db" "SELECT max(day) FROM stat_day WHERE day < '$last'")
printf 'kiosk_id: bench\ndatabase: %s\n' "$T/k.db" >"$T/k.yaml"
"$GEN" -o "$T/k.db" --close "$before" --kiosk-id bench </dev/null >/dev/null 2>&1 || exit 1
"$EXPORT" --outbox "$T/out" --config "$T/k.yaml" --day 2025-01-30 --no-journal >/dev/null 2>&1 || exit 1
load0=$(cut -d' ' -f1 /proc/loadavg)
cpu c0
t0=$(now)
"$GEN" -o "$T/k.db" --close "$last" --kiosk-id bench </dev/null >/dev/null 2>&1 || exit 1
t1=$(now)
cpu c1
"$EXPORT" --outbox "$T/out" --config "$T/k.yaml" --day 2025-01-31 --no-journal >"$T/export.out" 2>&1 || exit 1
t2=$(now)
batches=$(sqlite3 "$T/k.db" "SELECT count(*) FROM batch")
file_ms=$(sed -n 's/.* in \([0-9]*\) ms (.*$/\1/p' "$T/export.out")
file_cpu=$(sed -n 's/.* ms (\([0-9]*\) ms of CPU)$/\1/p' "$T/export.out")
close_s=$(secs "$t0" "$t1")
echo "bench batches: close of the last day with $N sessions in the database: $close_s s ($(secs "$(cpu_s c0)" "$(cpu_s c1)") s of CPU)"
echo "bench batches: batch file of the $batches closed batches, the previous night's file in the outbox: $file_ms ms ($file_cpu ms of CPU; kiosk-export in all, with its check of the whole database and the health file: $(secs "$t1" "$t2") s)"
echo "bench batches: close + batch file: $(echo "$close_s $file_ms" | awk '{printf "%.3f", $1 + $2 / 1000}') s (load average $load0 before)"

# The fleet: one kiosk's 25 months of welcome days (40 people a day), its
# batch file copied under 100 kiosk ids.
one=$DIR/fleet-kiosk.db
if [ ! -s "$one" ] || [ "$GEN" -nt "$one" ]; then
	rm -f "$one"
	"$GEN" -o "$one" --random 30000 --seed 5 --days 761 --from 2023-01-01 --kiosk-id k000 \
		>/dev/null 2>&1 || exit 1
fi
printf 'kiosk_id: k000\ndatabase: %s\n' "$one" >"$T/f.yaml"
"$EXPORT" --outbox "$T/f0" --config "$T/f.yaml" --day 2025-01-31 --no-journal >/dev/null 2>&1 || exit 1
mkdir -p "$T/fleet"
for i in $(seq 1 "$KIOSKS"); do
	id=$(printf 'k%03d' "$i")
	f=$T/fleet/$id-2025-01-31.db
	cp "$T/f0/k000-2025-01-31.db" "$f"
	# Every table of a batch file has the kiosk id.
	sqlite3 "$f" "SELECT 'UPDATE ' || name || ' SET kiosk = ''$id'';' FROM sqlite_schema
		WHERE type = 'table'" | sqlite3 "$f" || exit 1
	sqlite3 "$f" "VACUUM" || exit 1
done
rows() { # the rows of a file's tables named like $2
	sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB '$2'" |
		while read -r t; do sqlite3 "$1" "SELECT count(*) FROM $t"; done | awk '{ n += $1 } END { print n }'
}
f1=$T/fleet/k001-2025-01-31.db
rows="$(sqlite3 "$f1" "SELECT count(*) FROM b_batch") batches, $(rows "$f1" 'b_*') rows, $(rows "$f1" 's_*') rows of sums"
for fmt in json text; do
	: >"$T/times"
	: >"$T/cpus"
	load0=$(cut -d' ' -f1 /proc/loadavg)
	for i in 1 2 3; do
		cpu c0
		t0=$(now)
		"$R" --fleet "$T/fleet" --format $fmt -o "$T/fleet.$fmt" 2>/dev/null || exit 1
		secs "$t0" "$(now)" >>"$T/times"
		echo >>"$T/times"
		cpu c1
		secs "$(cpu_s c0)" "$(cpu_s c1)" >>"$T/cpus"
		echo >>"$T/cpus"
	done
	med=$(sort -n "$T/times" | sed -n 2p)
	cmed=$(sort -n "$T/cpus" | sed -n 2p)
	echo "bench batches: kiosk-report --fleet, $KIOSKS kiosks x 25 months ($rows each), --format $fmt: $med s (median of 3; $cmed s of CPU; load average $load0 before)"
done
n=$(python3 -c "import json; print(json.load(open('$T/fleet.json'))['total']['sessions'])" 2>/dev/null)
echo "bench batches: fleet total ≈ $n sessions ($KIOSKS x 30000)"
