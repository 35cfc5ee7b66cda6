#!/bin/sh
# The kiosk as the package boots it: under cage on wlroots' headless backend
# (pixman renderer, no input devices), SDL on Wayland, as an unprivileged
# user with its own XDG_RUNTIME_DIR, under kiosk.service's system-call
# filter and Environment= lines (and, as a check that the filter bites, once
# without the lines that let Mesa's EGL work under it). CAGE_STARTS (3;
# make bench: 20) starts: each must show the attract screen — a grim
# screenshot compared with the headless script-mode shot of the same size.
# Prints the median and worst time from exec to the first non-black
# screenshot, and the kiosk's own "first frame shown" time (the
# compositor's frame callback). Then portrait (cage -r) and the scripted tap.
#
# Why wf-recorder runs beside grim: cage 0.1.4 puts the kiosk's full-screen
# buffer on the output directly (direct scan-out) and then never repaints its
# own buffer; a screenshot makes it composite one frame with only the damage
# since its last commit (wlroots 0.15), usually none, so grim gets that stale
# buffer: black from before the kiosk mapped, or an old frame (the INFO line
# at the end counts them). A recorder that waits for damage holds direct
# scan-out off, cage composites every frame, and grim sees what is on the
# output. docs/setup.md ("Black screenshots under cage") has the details.
. tests/lib.sh

# CAGE_STARTS=N changes the number of starts; CAGE_RECORD=no leaves the
# recorder out (grim alone, as the black-screen report was made).
STARTS=${CAGE_STARTS:-3}
# The target: the attract screen within 3 s of exec. It is a figure, printed
# here (the median, and how many starts met it) and held by `make bench`
# (CAGE_STARTS=20): a shared, loaded machine is no stopwatch. Each start
# must show the attract screen within HARD_MS, a bound that only a hang or
# a black screen reaches.
LIMIT_MS=3000
HARD_MS=${CAGE_HARD_MS:-60000}
PORTRAIT_STARTS=2
C="$TMP/cage"

for tool in cage grim wf-recorder; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		fail "cage tools" "$tool is missing (make deps-test installs cage, xwayland, grim, wf-recorder)"
		exit 0
	fi
done
[ -x "$KIOSK" ] || { fail "cage kiosk" "$KIOSK not built"; exit 0; }

# The user: an unprivileged system user when run as root, else ourselves.
# RUNAS USER_ENV... COMMAND: as that user, with only the environment given.
if [ "$(id -u)" -eq 0 ]; then
	U=kiosktest
	getent passwd "$U" >/dev/null ||
		useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$U" ||
		{ fail "cage user" "cannot create the system user $U"; exit 0; }
	RUNAS="setpriv --reuid=$U --regid=$U --init-groups env -i PATH=/usr/bin:/bin HOME=/nonexistent"
else
	U=$(id -un)
	RUNAS="env -i PATH=/usr/bin:/bin HOME=$HOME"
fi
WLR="WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland SDL_AUDIODRIVER=dummy"

# The unit's sandbox, as far as it changes what cage and the kiosk can do
# on a display: its system-call filter (tests/tools/seccomp_run.c, from the
# unit's SystemCallFilter= lines) and its Environment= lines. The test's
# own settings come after them (the last assignment wins): its runtime and
# cache directories, the headless output. No systemd as PID 1 here, so no
# systemd-run; the VM test (tests/vm) runs the real unit.
SECCOMP="$ROOT/$BUILD/tools/seccomp_run"
[ -x "$SECCOMP" ] || { fail "cage sandbox" "$SECCOMP not built (make $BUILD/tools/seccomp_run)"; exit 0; }
# unit_sandbox UNIT NAME: writes $C/NAME.allowed and sets UNIT_ENV.
unit_sandbox() {
	sh tests/tools/unit_filter.sh "$1" >"$C/$2.allowed" 2>"$C/$2.err" ||
		{ fail "cage sandbox" "$1: $(cat "$C/$2.err")"; exit 0; }
	UNIT_ENV=$(sed -n 's/^Environment=//p' "$1" | tr '\n' ' ')
}

# What the user runs and reads: a copy of the kiosk and the test module.
chmod 0711 "$TMP"
mkdir -p "$C"
unit_sandbox systemd/kiosk.service unit
# SANDBOX: what goes between the user's environment and cage.
sandbox() { SANDBOX="$UNIT_ENV $C/seccomp_run $C/$1.allowed EPERM --"; }
sandbox unit
cp "$KIOSK" "$C/kiosk"
cp "$SECCOMP" "$C/seccomp_run"
cp packaging/libexec/kiosk-cage packaging/libexec/kiosk-guard "$C/"
cp -R "$MINI" "$C/mini"
cp "$TMP/kiosk.yaml" "$C/kiosk.yaml"
chmod -R a+rX "$C"

# The reference: the headless attract screen at the output's size.
run_script ref-landscape 1280x720 <<S
shot attract
S
run_script ref-portrait 720x1280 <<S
shot attract
S
for r in landscape portrait; do
	[ -f "$TMP/ref-$r/attract.png" ] || { fail "cage reference" "no headless $r shot: $(head -c 300 "$TMP/ref-$r.err")"; exit 0; }
done

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Process groups started and not stopped yet: killed however the script ends
# (an interrupted run must not leave a compositor and a kiosk behind).
live=""
trap 'for g in $live; do kill -KILL "-$g" 2>/dev/null; done; [ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM PIPE

# stop PGID: TERM the process group, KILL what is left after 2 s. A kiosk
# whose compositor died while SDL waited for the window's first configure
# spins in SDL (SDL 2.26 Wayland_ShowWindow) and never sees the TERM; under
# systemd the unit's cgroup is killed, here the group is.
stop() {
	live=$(echo " $live " | sed "s/ $1 / /")
	kill -TERM "-$1" 2>/dev/null
	j=0
	while kill -0 "-$1" 2>/dev/null && [ $j -lt 40 ]; do sleep 0.05; j=$((j + 1)); done
	kill -KILL "-$1" 2>/dev/null
}

# like SHOT REF: the attract screen's still part (title, dots; the pulsing
# invitation below is left out) has the reference's colours and text.
like() {
	w=$($PROBE size "$2" | cut -d' ' -f1)
	h=$($PROBE size "$2" | cut -d' ' -f2)
	[ "$($PROBE size "$1")" = "$w $h" ] || return 1
	a=$($PROBE box "$1" 0 0 "$w" $((h * 6 / 10)))
	b=$($PROBE box "$2" 0 0 "$w" $((h * 6 / 10)))
	echo "$a" "$b" | awk '{ d = 0; for (i = 1; i <= 3; i++) { x = $i - $(i + 7); if (x < 0) x = -x; if (x > d) d = x }
		wa = $5; wb = $12; tol = wb / 10 + 50
		exit !(d <= 4 && wa >= wb - tol && wa <= wb + tol) }'
}

# start N REF RECORD CAGE-OPTIONS...: one start of what the unit's
# ExecStart= runs (kiosk-cage, cage, kiosk-guard, the kiosk, or
# $START_KIOSK); sets ms (exec to the first
# non-black shot, empty if none within the limit), shown (yes if that shot
# is the attract screen) and first (the kiosk's own first-frame time).
start() {
	n=$1 ref=$2 record=$3
	shift 3
	x="$TMP/xdg$n"
	install -d -o "$U" -m 0700 "$x"
	ms="" shown="" first="" blackshots=0 shots=0
	t0=$(now_ms)
	# setsid: cage and the kiosk in one process group, stopped by its id.
	# shellcheck disable=SC2086
	setsid $RUNAS $SANDBOX env XDG_RUNTIME_DIR="$x" XDG_CACHE_HOME="$x" RUNTIME_DIRECTORY="$x" \
		CACHE_DIRECTORY="$x" $WLR ${START_ENV:-} "$C/kiosk-cage" "$@" -- "$C/kiosk-guard" "${START_KIOSK:-$C/kiosk}" \
		--config "$C/kiosk.yaml" --content "$C/mini" --db "$x/kiosk.db" >"$C/log$n" 2>&1 </dev/null &
	pid=$!
	live="$live $pid"
	rec=""
	while [ $(($(now_ms) - t0)) -lt $HARD_MS ]; do
		if [ ! -S "$x/wayland-0" ]; then
			sleep 0.02
			continue
		fi
		if [ "$record" = yes ] && [ -z "$rec" ]; then
			# shellcheck disable=SC2086
			setsid $RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 \
				wf-recorder -c rawvideo -m null -f /dev/null >"$C/rec$n" 2>&1 </dev/null &
			rec=$!
			live="$live $rec"
		fi
		$RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 grim "$x/shot.png" \
			>/dev/null 2>&1 || { sleep 0.05; continue; }
		shots=$((shots + 1))
		case "$($PROBE box "$x/shot.png" 0 0 $($PROBE size "$x/shot.png"))" in
		"0 0 0 "*) blackshots=$((blackshots + 1)) ;;
		*)
			if [ -z "$ms" ]; then
				ms=$(($(now_ms) - t0))
				like "$x/shot.png" "$ref" && shown=yes
				[ "$record" = yes ] && break
			fi
			;;
		esac
	done
	[ -n "$rec" ] && stop "$rec"
	[ -n "$rec" ] && wait "$rec" 2>/dev/null
	[ -n "${START_KEEP:-}" ] && return
	stop "$pid"
	wait "$pid" 2>/dev/null
	first=$(sed -n 's/.*first frame shown \([0-9]*\) ms.*/\1/p' "$C/log$n" | head -1)
}

# series NAME COUNT REF CAGE-OPTIONS...: COUNT starts, PASS if each showed
# the attract screen within the limit; prints the figures.
series() {
	name=$1 count=$2 ref=$3
	shift 3
	: >"$C/$name.ms"
	: >"$C/$name.first"
	bad=""
	i=1
	while [ $i -le "$count" ]; do
		start "$name$i" "$ref" "${CAGE_RECORD:-yes}" "$@"
		if [ -z "$ms" ]; then
			bad="$bad #$i:black($shots-shots,first-frame:${first:-none})"
		elif [ -z "$shown" ]; then
			bad="$bad #$i:not-attract(${ms}ms)"
			mkdir -p "$BUILD/test-logs" && cp "$TMP/xdg$name$i/shot.png" "$BUILD/test-logs/cage-$name$i.png"
		fi
		[ -n "$ms" ] && echo "$ms" >>"$C/$name.ms"
		[ -n "$first" ] && echo "$first" >>"$C/$name.first"
		i=$((i + 1))
	done
	n_ok=$((count - $(echo "$bad" | wc -w)))
	fig=$(sort -n "$C/$name.ms" | awk '{ v[NR] = $1 } END { if (NR) printf "median %d ms, worst %d ms", v[int((NR + 1) / 2)], v[NR]; else printf "no shot" }')
	kf=$(sort -n "$C/$name.first" | awk '{ v[NR] = $1 } END { if (NR) printf "median %d ms, worst %d ms", v[int((NR + 1) / 2)], v[NR]; else printf "none" }')
	n_fast=$(awk -v l=$LIMIT_MS '$1 <= l' "$C/$name.ms" | wc -l)
	if [ -z "$bad" ]; then
		pass "cage $name: $n_ok/$count starts show the attract screen ($n_fast within $LIMIT_MS ms, all within $HARD_MS ms); exec to first non-black screenshot: $fig; kiosk's first frame shown: $kf"
	else
		fail "cage $name" "$n_ok/$count starts show the attract screen within $HARD_MS ms, $n_fast within $LIMIT_MS ms (failed:$bad); exec to first non-black screenshot: $fig; kiosk's first frame shown: $kf; cage log: $(grep -v 'Basic output test' "$C/log$name${bad%%:*}" 2>/dev/null | head -c 300 | tr '\n' ' ')"
	fi
}

series landscape "$STARTS" "$TMP/ref-landscape/attract.png"

# The sandbox is really applied: the unit without the two lines that let
# Mesa's EGL find its Wayland display (SystemCallFilter=mincore,
# EGL_PLATFORM=wayland), as shipped before issue 23, must fail the way the
# VM showed it.
sed '/^SystemCallFilter=mincore/d; /^Environment=EGL_PLATFORM=/d' systemd/kiosk.service >"$C/nomincore.service"
unit_sandbox "$C/nomincore.service" nomincore
sandbox nomincore
hard=$HARD_MS
HARD_MS=4000
start nomincore "$TMP/ref-landscape/attract.png" no
HARD_MS=$hard
if [ -z "$ms" ] && grep -q 'EGL not initialized' "$C/lognomincore"; then
	pass "cage sandbox: without mincore and EGL_PLATFORM the kiosk fails under the unit's filter as in the VM ($(grep -o 'gfx: [^<]*EGL not initialized' "$C/lognomincore" | head -1))"
else
	fail "cage sandbox" "the filter without mincore did not fail as in the VM (first shot after ${ms:-never} ms): $(head -c 300 "$C/lognomincore" | tr '\n' ' ')"
fi
unit_sandbox systemd/kiosk.service unit
sandbox unit
series portrait "$PORTRAIT_STARTS" "$TMP/ref-portrait/attract.png" -r
echo "INFO cage renderer: $(grep -o 'gfx: renderer .*' "$C/loglandscape1" | head -1) (no GPU here: Mesa draws in software and hands cage shared-memory buffers)"

# A kiosk that cannot run (here: one that exits at once with status 1, as
# the real one does when it cannot open its window): kiosk-guard puts the
# out-of-order page (kiosk --out-of-order) on the screen.
printf '#!/bin/sh\n[ "$1" = --out-of-order ] && exec "%s/kiosk" "$@"\nexit 1\n' "$C" >"$C/failing-kiosk"
chmod a+rx "$C/failing-kiosk"
START_KIOSK="$C/failing-kiosk" start page "$TMP/ref-landscape/attract.png" yes
# The page: the brand blue in the corner, white text in the upper half.
shot="$TMP/xdgpage/shot.png"
corner=$([ -f "$shot" ] && $PROBE pixel "$shot" 5 5)
text=$([ -f "$shot" ] && $PROBE box "$shot" 0 0 1280 400 | awk '{ print $5 }')
if [ -n "$ms" ] && [ "$corner" = "29 53 87" ] && [ "${text:-0}" -gt 500 ] &&
	grep -q 'kiosk-guard: the kiosk stopped (exit status 1)' "$C/logpage"; then
	pass "cage out-of-order: a kiosk that cannot run is replaced by the out-of-order page ${ms} ms after exec ($(grep -o 'kiosk-guard: the kiosk stopped[^;]*' "$C/logpage" | head -1))"
else
	fail "cage out-of-order" "first shot after ${ms:-never} ms, corner '$corner', text pixels '$text': $(grep -v 'Basic output' "$C/logpage" | head -c 400 | tr '\n' ' ')"
fi
[ -f "$shot" ] && mkdir -p "$BUILD/test-logs" && cp "$shot" "$BUILD/test-logs/cage-out-of-order.png"

# A clean stop (`systemctl stop` or `restart kiosk`, a start that timed
# out, a stop by Conflicts=): systemd's SIGTERM reaches kiosk-cage alone
# (KillMode=mixed), which ends the kiosk first, and cage exits without the
# abort Debian's cage 0.1.4 has when SIGTERM finds its client connected
# (seen in the VM at a start timeout, issue 23); the way the unit stopped
# before (SIGTERM to the whole group at once) is shown beside it.
# stop_kind unit|group: one start, stopped that way; sets st (its status).
stop_kind() {
	START_KEEP=yes start "stop$1" "$TMP/ref-landscape/attract.png" yes
	if [ "$1" = unit ]; then
		kill -TERM "$pid"
	else
		kill -TERM "-$pid"
	fi
	(sleep 15 && kill -KILL "-$pid" 2>/dev/null) &
	w=$!
	{ wait "$pid"; } 2>/dev/null # the shell's "Aborted" for the old way
	st=$?
	kill "$w" 2>/dev/null
	live=$(echo " $live " | sed "s/ $pid / /")
}
stop_kind unit
unit_st=$st
stop_kind group
if [ "$unit_st" -eq 0 ] && ! grep -q 'Assertion' "$C/logstopunit"; then
	pass "cage clean stop: SIGTERM to kiosk-cage alone, cage exits with status 0, no abort (SIGTERM to the whole group, as the unit stopped before: status $st$(grep -q 'wl_display_terminate: Assertion' "$C/logstopgroup" && echo ', the wl_display_terminate abort'))"
else
	fail "cage clean stop" "status $unit_st: $(grep -v 'Basic output' "$C/logstopunit" | tail -5 | tr '\n' ' ')"
fi

# The scripted tap: cage 0.1.4 offers no virtual pointer, touch or keyboard
# protocol and the headless backend has no input device, so no client can
# tap (wtype, the one virtual-input client in Debian 12, is a keyboard; it
# is asked here so that a cage that gains the protocol shows up).
if command -v wtype >/dev/null 2>&1; then
	x="$TMP/xdgtap"
	install -d -o "$U" -m 0700 "$x"
	# shellcheck disable=SC2086
	setsid $RUNAS $SANDBOX env XDG_RUNTIME_DIR="$x" XDG_CACHE_HOME="$x" $WLR cage -- "$C/kiosk" --config "$C/kiosk.yaml" \
		--content "$C/mini" --db "$x/kiosk.db" >"$C/logtap" 2>&1 </dev/null &
	pid=$!
	live="$live $pid"
	i=0
	while [ ! -S "$x/wayland-0" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
	$RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 wtype -k Return >"$C/wtype.out" 2>&1
	stop "$pid"
	wait "$pid" 2>/dev/null
	echo "INFO cage tap: none scripted: cage 0.1.4 has no virtual pointer or touch protocol; wtype (keyboard) says: $(head -1 "$C/wtype.out")"
fi

# The kiosk killed (issue 23: black until the new kiosk drew, 2.6 s to 30 s
# in the VM): kiosk-guard's standby page, started hidden after the kiosk
# (KIOSK_STANDBY_AFTER), is shown by SIGUSR1 at once; beside it, a guard
# with no standby page yet starts the page as a new process. Prints the time
# from the kill to the first screenshot of the page, and the standby page's
# memory. kill_to_page NAME STANDBY_AFTER: sets page_ms, how (its journal).
kill_to_page() {
	START_ENV="KIOSK_STANDBY_AFTER=$2" START_KEEP=yes start "$1" "$TMP/ref-landscape/attract.png" yes
	x="$TMP/xdg$1"
	page_ms="" how="" rss=""
	if [ "$2" -lt 100 ]; then
		wait_for "$C/log$1" "waits hidden (--standby)" 60
		sb=$(pgrep -u "$U" -f "$C/kiosk --out-of-order --standby" | head -1)
		sleep 2 # drawn, hidden
		rss=$(sed -n 's/^VmRSS:[[:space:]]*//p' "/proc/$sb/status" 2>/dev/null)
	fi
	setsid $RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 \
		wf-recorder -c rawvideo -m null -f /dev/null >/dev/null 2>&1 </dev/null &
	rec=$!
	live="$live $rec"
	sleep 1
	t0=$(now_ms)
	# The kiosk alone (the guard's child named kiosk; its page is kiosk-page).
	kill -KILL $(pgrep -x kiosk -P "$(pgrep -f "$C/kiosk-guard" | tr '\n' ',')")
	while [ $(($(now_ms) - t0)) -lt 30000 ]; do
		$RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 grim "$x/k.png" >/dev/null 2>&1 || continue
		t=$(($(now_ms) - t0))
		# The page: the brand blue in the corner, its text, not the attract screen.
		if [ "$($PROBE pixel "$x/k.png" 5 5)" = "29 53 87" ] && ! like "$x/k.png" "$TMP/ref-landscape/attract.png" &&
			[ "$($PROBE box "$x/k.png" 0 0 1280 400 | awk '{ print $5 }')" -gt 500 ]; then
			page_ms=$t
			break
		fi
	done
	how=$(grep -o 'out-of-order page is [a-z]*\|showing the out-of-order page (it waited hidden)' "$C/log$1" | tr '\n' ';')
	stop "$rec"
	stop "$pid"
	wait "$pid" 2>/dev/null
}
kill_to_page standby 2
sb_ms=$page_ms sb_how=$how sb_rss=$rss
kill_to_page fresh 100000
if [ -n "$sb_ms" ] && echo "$sb_how" | grep -q 'page is shown;showing the out-of-order page (it waited hidden)'; then
	pass "cage kill: the kiosk killed, kiosk-guard's standby page on screen ${sb_ms} ms later (a page started then: ${page_ms:-not within 30000} ms; standby page VmRSS $sb_rss)"
else
	fail "cage kill" "the standby page not shown (${sb_ms:-no page within 30 s}; journal: $sb_how); a page started then: ${page_ms:-none} ms ($how)"
fi

# Without the recorder: how many screenshots show cage's stale buffer.
HARD_MS=3000
start plain "$TMP/ref-landscape/attract.png" no
echo "INFO cage grim without a recorder: $blackshots of $shots screenshots black in 3 s (first non-black after ${ms:-never} ms; the kiosk's first frame was shown after ${first:-?} ms)"

# Nothing of ours may be left running (a kiosk spinning after its compositor
# went would eat a core).
left=$(pgrep -f "$C/kiosk" | tr '\n' ' ')
if [ -z "$left" ]; then
	pass "cage cleanup: no kiosk left running"
else
	fail "cage cleanup" "still running: $left"
	for p in $left; do kill -KILL "$p" 2>/dev/null; done
fi
