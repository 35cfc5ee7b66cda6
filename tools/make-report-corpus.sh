#!/bin/sh
# Seeds for the report fuzzer: small real kiosk databases (one page size of
# 1024 bytes keeps them a few kB, so mutations hit every structure).
out=${1:?usage: make-report-corpus.sh DIR}
BUILD=${BUILD:-build}
mkdir -p "$out"
seed() { # name spec...
	name=$1
	shift
	rm -f "$out/$name.db"
	sqlite3 "$out/$name.db" "PRAGMA page_size=1024; VACUUM;" || exit 1
	printf '%s\n' "$@" | "$BUILD/tools/gen_sessions" -o "$out/$name.db" 2>/dev/null || exit 1
	sqlite3 "$out/$name.db" "PRAGMA journal_mode=DELETE; VACUUM;" >/dev/null || exit 1
}
seed one "n=6 day=2024-05-02 stage=result score=80 passed=1 ans=q1:o1:0:1,q2:o1:2:0 ch=c1:1:100"
seed mixed "n=7 day=2024-05-02 lang=fr stage=result score=80 passed=1 ans=q1:o1:0:1 ch=c1:1:100,c2:0:-1" \
	"n=5 day=2024-05-03 lang=en stage=home end=abandoned dur=60" \
	"n=6 day=2024-06-01 lang=de kiosk=k2 stage=quiz end=timed-out score=30 passed=0 ans=q1:o1:3:0,q2:o2:1:1"
seed empty "# no session"
