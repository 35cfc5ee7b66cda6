#!/bin/sh
# Bad inputs catalogue: broken settings, modules, videos, databases, script
# files and report arguments, each with the exit code and the clear message
# expected. Every case runs under a time limit: a crash (signal, exit 1) or
# a hang (timeout) is counted apart from a wrong message. Prints
# "badinput: cases N, crashes N, hangs N, wrong messages N".
# BADINPUT_LONG=1 (make reliability) adds the 100 MB files.
. tests/lib.sh
SHIM="$ROOT/$BUILD/preload/faultvfs.so"
[ -f "$SHIM" ] || SHIM="$ROOT/build/preload/faultvfs.so"
# Only a hang outlasts it: above kiosk --check's own 60 s for a video's
# first picture (an 8K video on a loaded machine, two test runs side by
# side, took longer than 60 s in all).
LIMIT=${BADINPUT_LIMIT:-180}
B=$TMP/bad
mkdir -p "$B"
cases=0 crashes=0 hangs=0 wrong=0

# bad NAME RC REGEX COMMAND...: runs COMMAND (output in $B/NAME.out); PASS
# if it exits RC within LIMIT seconds and its output matches REGEX.
bad() {
	name=$1 want=$2 re=$3
	shift 3
	cases=$((cases + 1))
	timeout -s KILL "$LIMIT" "$@" >"$B/$name.out" 2>&1
	rc=$?
	if [ "$rc" -eq 137 ]; then
		hangs=$((hangs + 1)); fail "badinput: $name" "no answer within ${LIMIT}s"
	elif [ "$rc" -ge 128 ] || { [ "$rc" -eq 1 ] && [ "$want" -ne 1 ]; }; then
		crashes=$((crashes + 1)); fail "badinput: $name" "exit $rc: $(tail -3 "$B/$name.out" | tr '\n' ' ')"
	elif [ "$rc" -ne "$want" ] || ! grep -Eq -- "$re" "$B/$name.out"; then
		wrong=$((wrong + 1)); fail "badinput: $name" "exit $rc (want $want), /$re/ not in: $(grep -v '^<6>' "$B/$name.out" | head -c 300 | tr '\n' ' ')"
	else
		pass "badinput: $name → exit $rc, $(grep -Eo -- "$re" "$B/$name.out" | head -1)"
	fi
}

check_settings() { # name rc regex file
	bad "settings $1" "$2" "$3" "$KIOSK" --check --config "$4" --content "$MINI"
}
module_with() { # name: a copy of the mini module in $B/NAME, echoed
	rm -rf "${B:?}/$1"
	cp -r "$MINI" "$B/$1"
	echo "$B/$1"
}
check_module() { # name rc regex dir
	bad "module $1" "$2" "$3" "$KIOSK" --check --config "${CHECK_CONFIG:-$TMP/kiosk.yaml}" --content "$4"
}
# Videos that must be found playable get a 60 s first-picture bound: an 8K
# video may take more than 5 s to decode on a loaded machine (only a hang
# takes 60 s); the broken ones keep the kiosk's 5 s.
{ cat "$TMP/kiosk.yaml"; printf 'video:\n  first_frame_timeout_s: 60\n'; } >"$TMP/playable.yaml"

# ---- settings ----
: >"$B/empty.yaml"
head -c 4000 /dev/urandom >"$B/garbage.yaml"
printf 'kiosk_id: "\377\376x"\n' >"$B/utf8.yaml"
printf 'idle_timeout_s: [1, 2]\n' >"$B/types.yaml"
awk 'BEGIN{printf "kiosk_id: "; for (i = 0; i < 200000; i++) printf "abcdefghij"; print ""}' >"$B/huge.yaml"
awk 'BEGIN{printf "kiosk_id: "; for (i = 0; i < 100000; i++) printf "["; print ""}' >"$B/deep.yaml"
printf 'kiosk_id: test\nidle_timout_s: 90\n' >"$B/unknown.yaml"
check_settings empty 0 'is valid' "$B/empty.yaml"
check_settings garbage 2 'garbage.yaml:[0-9]+:[0-9]+: .*(UTF-8|syntax)' "$B/garbage.yaml"
check_settings invalid-utf8 2 'utf8.yaml:1:[0-9]+: .*UTF-8' "$B/utf8.yaml"
check_settings wrong-type 2 'types.yaml:1:[0-9]+: wrong type' "$B/types.yaml"
check_settings huge-text 2 'huge.yaml:1:[0-9]+: too long' "$B/huge.yaml"
check_settings deep-nesting 2 'deep.yaml:[0-9]+:[0-9]+: ' "$B/deep.yaml"
check_settings unknown-key 2 'unknown.yaml:2:1: .*idle_timout_s' "$B/unknown.yaml"
check_settings missing 2 'nowhere.yaml:0:0: cannot open: No such file' "$B/nowhere.yaml"
check_settings directory 2 "$B:[0-9]+:[0-9]+: " "$B"
# Broken settings and --content: the module asked for is checked, not the
# default one (which used to be reported missing).
check "badinput: settings broken: no message about the default module" sh -c \
	"! grep -q 'assets/modules/tu-me-suis' '$B/settings garbage.out'"
if [ -n "${BADINPUT_LONG:-}" ]; then
	{ echo "kiosk_id: test"; head -c 100000000 /dev/zero | tr '\0' '#'; echo; } >"$B/big.yaml"
	check_settings 100MB 2 'big.yaml:[0-9]+:[0-9]+: ' "$B/big.yaml"
	rm -f "$B/big.yaml"
fi

# ---- module ----
m=$(module_with m-empty); : >"$m/module.yaml"
check_module empty 2 'module.yaml:[0-9]+:[0-9]+: ' "$m"
m=$(module_with m-garbage); head -c 4000 /dev/urandom >"$m/module.yaml"
check_module garbage 2 'module.yaml:[0-9]+:[0-9]+: ' "$m"
m=$(module_with m-utf8); sed -i 's/^id: mini/id: "mini\xff"/' "$m/module.yaml"
check_module invalid-utf8 2 'module.yaml:[0-9]+:[0-9]+: .*UTF-8' "$m"
m=$(module_with m-huge); awk 'NR == 1 {printf "# "; for (i = 0; i < 2000000; i++) printf "x"; print ""} {print}' "$MINI/module.yaml" >"$m/module.yaml"
check_module huge-comment 0 'is valid' "$m"
m=$(module_with m-deep); { cat "$MINI/module.yaml"; printf 'extra: '; awk 'BEGIN{for (i = 0; i < 100000; i++) printf "{a: "; print ""}'; } >"$m/module.yaml"
check_module deep-nesting 2 'module.yaml:[0-9]+:[0-9]+: ' "$m"
m=$(module_with m-1000q)
awk '/^questions:/ {print; q = 1; next} q && /^[a-z]/ {
	for (i = 0; i < 1000; i++) {
		printf "  - id: gen-%d\n    chapter: public\n    objective: audience\n", i
		printf "    text: {fr: \"Question %d ?\", en: \"Question %d?\"}\n", i, i
		printf "    choices:\n      - {fr: \"Oui\", en: \"Yes\"}\n      - {fr: \"Non\", en: \"No\"}\n"
		printf "    answer: 1\n    explain: {fr: \"Parce que.\", en: \"Because.\"}\n"
	}
	q = 0 } {print}' "$MINI/module.yaml" >"$m/module.yaml"
check_module 1000-questions 2 'module.yaml:[0-9]+:[0-9]+: .*(at most|too many)' "$m"
rm -rf "$B/m-missing"; mkdir -p "$B/m-missing"
check_module missing 2 'm-missing/module.yaml:0:0: cannot open' "$B/m-missing"
if [ -n "${BADINPUT_LONG:-}" ]; then
	m=$(module_with m-100MB); { cat "$MINI/module.yaml"; head -c 100000000 /dev/zero | tr '\0' '#'; echo; } >"$m/module.yaml"
	check_module 100MB 2 'module.yaml:[0-9]+:[0-9]+: ' "$m"
	rm -rf "$m"
fi

# ---- videos: --check names the file and the reason; the kiosk says so on
# screen and lets the person go on ----
video_case() { # name rc regex: $B/v-NAME has the video in place
	check_module "video $1" "$2" "$3" "$B/v-$1"
	printf 'tap 0.5 0.5\npress Français\npress @chapter.1\npress @ui.watch_video\nwait 6000\nexpect video\npress @ui.continue_chapter\nexpect quiz\n' >"$B/v.script"
	bad "video $1 on screen" 0 '' "$KIOSK" --headless --script "$B/v.script" \
		--config "$TMP/kiosk.yaml" --content "$B/v-$1" --size 640x480
}
ff() { ffmpeg -nostdin -v error -y "$@"; }
m=$(module_with v-zero); : >"$m/videos/public-fr.mp4"
video_case zero 2 'public-fr.mp4.*empty'
m=$(module_with v-truncated); head -c 3000 "$MINI/videos/public-fr.mp4" >"$m/videos/public-fr.mp4"
video_case truncated 2 'public-fr.mp4'
m=$(module_with v-audio-only); ff -f lavfi -i sine=f=440:d=2 -c:a aac "$m/videos/a.m4a" && mv "$m/videos/a.m4a" "$m/videos/public-fr.mp4"
video_case audio-only 2 'public-fr.mp4.*(picture|video)'
m=$(module_with v-garbage); head -c 30000 /dev/urandom >"$m/videos/public-fr.mp4"
video_case garbage 2 'public-fr.mp4'
m=$(module_with v-fifo); rm -f "$m/videos/public-fr.mp4"; mkfifo "$m/videos/public-fr.mp4"
check_module "video fifo" 2 'not a regular file: videos/public-fr.mp4' "$B/v-fifo"
bad "video fifo: the kiosk refuses the module" 2 'not a regular file: videos/public-fr.mp4' \
	"$KIOSK" --headless --script "$B/v.script" --config "$TMP/kiosk.yaml" --content "$B/v-fifo"
m=$(module_with v-8k); ff -f lavfi -i color=c=red:s=7680x4320:r=1:d=3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$m/videos/public-fr.mp4"
CHECK_CONFIG=$TMP/playable.yaml
check_module "video 8k" 0 'is valid' "$m"
m=$(module_with v-portrait); ff -f lavfi -i color=c=red:s=360x640:r=25:d=3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$m/videos/public-fr.mp4"
check_module "video portrait" 0 'is valid' "$m"
unset CHECK_CONFIG

# ---- databases: the session is played to the end whatever the database
# does, and the reason is logged ----
session='tap 0.5 0.5\npress Français\npress @ui.start_quiz\nanswer-all right\nexpect result\npress @ui.finish\nexpect attract\n'
printf "$session" >"$B/session.script"
db_case() { # name regex db [env...]
	name=$1 re=$2 db=$3
	shift 3
	bad "database $name" 0 "$re" env "$@" "$KIOSK" --headless --script "$B/session.script" \
		--config "$TMP/kiosk.yaml" --db "$db" --content "$MINI" --size 640x480
}
head -c 20000 /dev/urandom >"$B/corrupt.db"
cp "$B/corrupt.db" "$B/garbage.db"
db_case corrupt 'failed its check \(file is not a database\); kept as .*corrupt.db.corrupt-' "$B/corrupt.db"
"$KIOSK" --headless --script "$B/session.script" --config "$TMP/kiosk.yaml" --db "$B/ro.db" \
	--content "$MINI" --size 640x480 >/dev/null 2>&1
if [ "$(id -u)" -ne 0 ]; then # root writes to a read-only file anyway
	chmod 444 "$B/ro.db"
	db_case read-only '(read-only|readonly|attempt to write)' "$B/ro.db"
	chmod 644 "$B/ro.db"
fi
mkdir -p "$B/dir.db"
db_case directory 'dir.db' "$B/dir.db"
db_case missing-folder 'nowhere/kiosk.db' "$B/nowhere/kiosk.db"
[ -f "$SHIM" ] && db_case full-disk '(full|disk)' "$B/full.db" LD_PRELOAD="${LD_PRELOAD:+$LD_PRELOAD }$SHIM" KIOSK_FAULT=write:40:full
# Locked by another process for the whole run: the session still ends.
cp "$B/ro.db" "$B/locked.db"
# The count is printed once the lock is held: wait for it.
{ echo 'BEGIN EXCLUSIVE;'; echo 'SELECT count(*) FROM session;'; sleep 30; echo 'COMMIT;'; } |
	sqlite3 "$B/locked.db" >"$B/lock.out" 2>&1 &
lpid=$!
wait_for "$B/lock.out" "" 60 || fail "badinput: lock" "sqlite3 did not take the lock: $(cat "$B/lock.out")"
start=$(date +%s%N)
db_case locked '(locked|busy)' "$B/locked.db"
ms=$((($(date +%s%N) - start) / 1000000))
kill $lpid 2>/dev/null
wait $lpid 2>/dev/null
echo "badinput: a session against a database locked by another process took $ms ms"

# ---- script files ----
script_case() { # name rc regex text
	printf "$4" >"$B/$1.script"
	bad "script $1" "$2" "$3" "$KIOSK" --headless --script "$B/$1.script" \
		--config "$TMP/kiosk.yaml" --content "$MINI" --size 640x480
}
bad "script missing" 2 'nowhere.script: No such file' "$KIOSK" --headless --script "$B/nowhere.script" \
	--config "$TMP/kiosk.yaml" --content "$MINI"
script_case unknown 2 ':1: unknown command "frobnicate"' 'frobnicate\n'
script_case bad-args 2 ':2: bad arguments for tap' 'wait 10\ntap 0.5\n'
script_case negative-wait 2 'bad arguments for wait' 'wait -5\n'
script_case nan-wait 2 'bad arguments for wait' 'wait nan\n'
script_case huge-hold 2 'bad arguments for hold' 'hold 0.5 0.5 1e30\n'
script_case bad-key 2 'bad arguments for key' 'key ctrl+nosuchkey\n'
script_case shot-path 2 'bad arguments for shot' 'shot ../x\n'
script_case no-label 3 'no control labelled "Nulle part"' 'press Nulle part\n'
script_case bad-ref 3 'unknown label reference "@ui.nope"' 'press @ui.nope\n'
script_case never-screen 3 'wait-screen: the screen is still attract after 500 ms, not quiz' 'wait-screen quiz 500\n'
script_case bad-wait-screen 2 'bad arguments for wait-screen' 'wait-screen quiz -1\n'
script_case no-video 3 'wait-video: after 500 ms the video is at -1 ms, not 1000 .screen attract.' 'wait-video 1000 500\n'
script_case bad-wait-video 2 'bad arguments for wait-video' 'wait-video 1000 -5\n'
head -c 3000 /dev/urandom | tr -d '\n' >"$B/garbage.script"
bad "script garbage" 2 'garbage.script:1: ' "$KIOSK" --headless --script "$B/garbage.script" \
	--config "$TMP/kiosk.yaml" --content "$MINI"
awk 'BEGIN{printf "wait "; for (i = 0; i < 3000; i++) printf "1"; print ""}' >"$B/long.script"
bad "script long line" 2 'long.script:1: line longer than' "$KIOSK" --headless --script "$B/long.script" \
	--config "$TMP/kiosk.yaml" --content "$MINI"
bad "option --video-time bad" 2 'video-time wants real or fast' "$KIOSK" --headless --script "$B/session.script" --video-time slow
bad "option --size bad" 2 'size wants WxH' "$KIOSK" --headless --script "$B/session.script" --size 10x10

# ---- kiosk-report arguments ----
"$KIOSK" --headless --script "$B/session.script" --config "$TMP/kiosk.yaml" --db "$B/good.db" \
	--content "$MINI" --size 640x480 >/dev/null 2>&1
bad "report no database" 2 '[Uu]sage|database' "$REPORT"
bad "report missing database" 1 'nowhere.db: cannot read' "$REPORT" "$B/nowhere.db"
bad "report garbage database" 1 'garbage.db' "$REPORT" "$B/garbage.db"
bad "report bad format" 2 'format' "$REPORT" "$B/good.db" --format pdf
bad "report bad date" 2 '(date|from)' "$REPORT" "$B/good.db" --from 2024-13-45
bad "report min-group below 5" 2 'min-group' "$REPORT" "$B/good.db" --min-group 1
bad "report unknown option" 2 '[Uu]sage|unknown|unrecognized' "$REPORT" "$B/good.db" --frobnicate
bad "report output in a missing folder" 1 'nowhere/r.html: No such file' "$REPORT" "$B/good.db" --format html -o "$B/nowhere/r.html"

echo "badinput: cases $cases, crashes $crashes, hangs $hangs, wrong messages $wrong"
