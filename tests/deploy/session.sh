#!/bin/sh
# What kiosk.service runs around the kiosk, with stand-ins for cage and the
# kiosk (the real ones: tests/deploy/cage.sh and the VM test):
# - kiosk-cage: the renderer decision (GLES as wlroots chooses; pixman at
#   once when cage crashes at start, kept for that display, tried afresh on
#   another; WLR_RENDERER as set), each logged; a SIGTERM to it (a stop, a
#   restart, a start that timed out: KillMode=mixed) stops cage's client
#   first, never cage;
# - kiosk-guard: the out-of-order page from the first failure until the
#   kiosk runs again, the growing retry delay, the watchdog handed on, a
#   clean stop.
. tests/lib.sh
CAGE_SH="$ROOT/packaging/libexec/kiosk-cage"
GUARD="$ROOT/packaging/libexec/kiosk-guard"
S="$TMP/session"
mkdir -p "$S/sys/class/drm/card0/device" "$S/cache"
echo 0x1af4 >"$S/sys/class/drm/card0/device/vendor"
echo 0x1050 >"$S/sys/class/drm/card0/device/device"
mkdir -p "$S/drivers/virtio-pci"
ln -s "$S/drivers/virtio-pci" "$S/sys/class/drm/card0/device/driver"

# The stand-in cage: logs the renderer it was given, crashes (SIGSEGV) with
# GLES when $S/gles-crashes exists, as Debian's cage does in kms_swrast;
# else runs its client.
cat >"$S/cage" <<'EOF'
#!/bin/sh
echo "cage renderer=${WLR_RENDERER:-auto}" >>"$FAKE_LOG"
echo "${WLR_LIBINPUT_NO_DEVICES:-unset}" >"$FAKE_DIR/nodev"
if [ -z "${WLR_RENDERER:-}" ] && [ -e "$FAKE_DIR/gles-crashes" ]; then
	kill -SEGV $$
fi
while [ "$1" != "--" ]; do shift; done
shift
exec "$@"
EOF
chmod +x "$S/cage"
# kcage ARG...: kiosk-cage with the stand-in, stderr (the journal) in $S/err.
kcage() {
	FAKE_LOG="$S/log" FAKE_DIR="$S" KIOSK_CAGE="$S/cage" KIOSK_SYSFS="$S/sys" \
		KIOSK_DEV_INPUT="${DEV_INPUT:-$S/input}" CACHE_DIRECTORY="$S/cache" "$CAGE_SH" "$@" 2>"$S/err"
}
mkdir -p "$S/input" "$S/noinput"
: >"$S/input/event0"

# Input devices: wlroots adds those present at its start only without
# WLR_LIBINPUT_NO_DEVICES (with it the first tap after boot was lost).
: >"$S/log"
kcage -d -- true
if [ "$(cat "$S/nodev")" = unset ] && ! grep -q 'no input device' "$S/err"; then
	pass "kiosk-cage: with an input device, cage starts without WLR_LIBINPUT_NO_DEVICES (the devices added at its start)"
else
	fail "kiosk-cage input" "WLR_LIBINPUT_NO_DEVICES=$(cat "$S/nodev"); $(cat "$S/err")"
fi
: >"$S/log"
DEV_INPUT="$S/noinput" kcage -d -- true
if [ "$(cat "$S/nodev")" = 1 ] && grep -q '^<4>kiosk-cage: no input device' "$S/err"; then
	pass "kiosk-cage: with no input device at all, cage starts anyway (WLR_LIBINPUT_NO_DEVICES=1), logged"
else
	fail "kiosk-cage no input" "WLR_LIBINPUT_NO_DEVICES=$(cat "$S/nodev"); $(cat "$S/err")"
fi

: >"$S/log"
kcage -d -- true
if [ "$(cat "$S/log")" = "cage renderer=auto" ] && [ ! -e "$S/cache/renderer" ]; then
	pass "kiosk-cage: a working GLES display keeps wlroots' own choice, nothing recorded"
else
	fail "kiosk-cage gles" "$(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi

touch "$S/gles-crashes"
: >"$S/log"
kcage -d -- true
rc=$?
if [ $rc -eq 0 ] && [ "$(tr '\n' ' ' <"$S/log")" = "cage renderer=auto cage renderer=pixman " ] &&
	grep -q '^<4>kiosk-cage: cage crashed (signal 11) .* again with pixman' "$S/err" &&
	grep -q '^display .*card0=virtio-pci:0x1af4:0x1050:' "$S/cache/renderer"; then
	pass "kiosk-cage: cage crashing at start with GLES is started again at once with pixman, logged, kept ($(grep '^<4>' "$S/err" | head -c 120)...)"
else
	fail "kiosk-cage fallback" "rc $rc; cage runs: $(tr '\n' ' ' <"$S/log"); log: $(cat "$S/err")"
fi

: >"$S/log"
kcage -d -- true
if [ "$(cat "$S/log")" = "cage renderer=pixman" ] && grep -q '^<6>kiosk-cage: renderer pixman: GLES crashed cage on this display before' "$S/err"; then
	pass "kiosk-cage: the next start goes straight to pixman on that display, logged"
else
	fail "kiosk-cage kept" "$(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi

# Another display (a GPU put in): GLES is tried again.
echo 0x8086 >"$S/sys/class/drm/card0/device/vendor"
rm "$S/gles-crashes"
: >"$S/log"
kcage -d -- true
if [ "$(cat "$S/log")" = "cage renderer=auto" ]; then
	pass "kiosk-cage: another display tries GLES afresh"
else
	fail "kiosk-cage new display" "$(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi

: >"$S/log"
WLR_RENDERER=vulkan kcage -d -- true
if [ "$(cat "$S/log")" = "cage renderer=vulkan" ] && grep -q 'renderer vulkan, as set' "$S/err"; then
	pass "kiosk-cage: WLR_RENDERER from /etc/default/kiosk is used as it is"
else
	fail "kiosk-cage as set" "$(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi

# A crash after the start window is a crash, not a renderer problem.
touch "$S/gles-crashes"
: >"$S/log"
cat >"$S/slowcage" <<'EOF'
#!/bin/sh
echo "cage renderer=${WLR_RENDERER:-auto}" >>"$FAKE_LOG"
echo "${WLR_LIBINPUT_NO_DEVICES:-unset}" >"$FAKE_DIR/nodev"
sleep 2
kill -SEGV $$
EOF
chmod +x "$S/slowcage"
rm -f "$S/cache/renderer"
FAKE_LOG="$S/log" KIOSK_CAGE="$S/slowcage" KIOSK_SYSFS="$S/sys" KIOSK_CRASH_WINDOW=1 \
	CACHE_DIRECTORY="$S/cache" "$CAGE_SH" -- true 2>"$S/err"
rc=$?
if [ $rc -eq 139 ] && [ "$(cat "$S/log")" = "cage renderer=auto" ] && [ ! -e "$S/cache/renderer" ]; then
	pass "kiosk-cage: a crash after the start window is passed on to systemd (status $rc), GLES kept"
else
	fail "kiosk-cage late crash" "rc $rc; $(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi

# A display cage cannot open at all (bochs-drm: wlroots 0.15 wants PRIME
# import; cage exits at once, status 1): no renderer helps. With a display
# card, the client runs without cage (SDL kmsdrm), said clearly; the client
# is what was after "--", with the kmsdrm driver and the GBM platform.
printf '#!/bin/sh\necho "cage renderer=${WLR_RENDERER:-auto}" >>"$FAKE_LOG"\nexit 1\n' >"$S/nocage"
chmod +x "$S/nocage"
cat >"$S/client" <<'EOF2'
#!/bin/sh
echo "client $* video=${SDL_VIDEODRIVER:-} direct=${KIOSK_DIRECT:-} egl=${EGL_PLATFORM:-}${KIOSK_FBDEV:+ fb=$KIOSK_FBDEV}" >>"$FAKE_LOG"
[ -z "${CLIENT_RUNS:-}" ] || { trap 'echo "client stopped" >>"$FAKE_LOG"; exit 0' TERM; while :; do sleep 0.05; done; }
exit 3
EOF2
chmod +x "$S/client"
mkdir -p "$S/dri" "$S/nodri"
: >"$S/dri/card0"
nocage() {
	FAKE_LOG="$S/log" KIOSK_CAGE="$S/nocage" KIOSK_SYSFS="$S/sys" CACHE_DIRECTORY="$S/cache" \
		EGL_PLATFORM=wayland KIOSK_DEV_DRI="$1" KIOSK_DEV_FB="${2:-$S/nofb}" \
		"$CAGE_SH" -d -- "$S/client" --config x 2>"$S/err"
}
: >"$S/log"
rm -f "$S/cache/renderer"
nocage "$S/dri"
rc=$?
if [ $rc -eq 3 ] && [ "$(cat "$S/log")" = "cage renderer=auto
client --config x video=kmsdrm direct=1 egl=drm" ] && [ ! -e "$S/cache/renderer" ] &&
	grep -q "^<3>kiosk-cage: cage could not start on this display (exit status 1, .*running the kiosk without cage, straight on $S/dri/card0 (SDL kmsdrm)" "$S/err"; then
	pass "kiosk-cage: cage unable to open the display (status 1): the client runs without cage (kmsdrm, its own status $rc passed on), logged"
else
	fail "kiosk-cage direct" "rc $rc; $(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi
: >"$S/log"
nocage "$S/nodri"
rc=$?
if [ $rc -eq 1 ] && [ "$(cat "$S/log")" = "cage renderer=auto" ] &&
	grep -q '^<2>kiosk-cage: cage could not start (exit status 1, .*no display card .* nor framebuffer' "$S/err"; then
	pass "kiosk-cage: cage unable to start, no display card and no framebuffer: said so, status 1 passed on, nothing run"
else
	fail "kiosk-cage no card" "rc $rc; $(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi
# No card but the firmware's framebuffer (efifb: QEMU's ramfb under UEFI, a
# GPU the kernel has no driver for): the client with the framebuffer named,
# drawn offscreen.
: >"$S/fb0"
: >"$S/log"
nocage "$S/nodri" "$S/fb0"
rc=$?
if [ $rc -eq 3 ] && [ "$(sed -n 2p "$S/log")" = "client --config x video=offscreen direct=1 egl=surfaceless fb=$S/fb0" ] &&
	grep -q "^<3>kiosk-cage: .*only the framebuffer $S/fb0 .*running the kiosk without cage on the framebuffer" "$S/err"; then
	pass "kiosk-cage: no display card, only a framebuffer: the client runs without cage, told to draw offscreen onto it (KIOSK_FBDEV), said so"
else
	fail "kiosk-cage framebuffer" "rc $rc; $(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi
# A stop of the client run without cage: SIGTERM to kiosk-cage reaches it.
: >"$S/log"
FAKE_LOG="$S/log" KIOSK_CAGE="$S/nocage" KIOSK_SYSFS="$S/sys" CACHE_DIRECTORY="$S/cache" \
	CLIENT_RUNS=1 KIOSK_DEV_DRI="$S/dri" "$CAGE_SH" -d -- "$S/client" --config x 2>"$S/err" &
k=$!
wait_for "$S/log" "client --config" 60 || true
kill -TERM $k
wait $k
rc=$?
if [ $rc -eq 0 ] && grep -q 'client stopped' "$S/log" && grep -q 'stopping: the kiosk, run without cage' "$S/err"; then
	pass "kiosk-cage: a stop reaches the client run without cage, status 0"
else
	fail "kiosk-cage direct stop" "rc $rc; $(cat "$S/log" "$S/err" | tr '\n' ' ')"
fi

# The guard. The stand-in kiosk: --out-of-order logs "page up" / "page
# down"; else it logs its start and WATCHDOG_PID, fails (exit 1) while
# $S/fails holds a number above 0 (counting down), else runs until TERM.
cat >"$S/kiosk" <<'EOF'
#!/bin/sh
now() { echo $(($(date +%s%N) / 1000000 - T0)); }
if [ "$2" = --standby ]; then
	# Ready (its process named kiosk-page) STANDBY_DELAY seconds later.
	echo "$(now) standby up" >>"$FAKE_LOG"
	sleep "${STANDBY_DELAY:-0}"
	echo "$(now) standby ready" >>"$FAKE_LOG"
	exec "$FAKE_DIR/kiosk-page" 1000
fi
if [ "$1" = --out-of-order ]; then
	echo "$(now) page up $$" >>"$FAKE_LOG"
	trap 'echo "$(now) page down" >>"$FAKE_LOG"; exit 0' TERM
	while :; do sleep 0.05; done
fi
n=$(cat "$FAKE_DIR/fails")
echo "$(now) kiosk start watchdog_pid=${WATCHDOG_PID:-none}" >>"$FAKE_LOG"
if [ "$n" -gt 0 ]; then
	echo $((n - 1)) >"$FAKE_DIR/fails"
	echo "$(now) kiosk fail" >>"$FAKE_LOG"
	exit 1
fi
trap 'echo "$(now) kiosk stop" >>"$FAKE_LOG"; exit 0' TERM
while :; do sleep 0.05; done
EOF
chmod +x "$S/kiosk"
cp "$(command -v sleep)" "$S/kiosk-page"
mkdir -p "$S/run"
# guard_bg FAILS [VAR=VALUE...]: kiosk-guard on the stand-in kiosk in the
# background ($g), the kiosk failing FAILS times first; the guard's journal
# in $S/guard.err, the stand-ins' log in $S/log (milliseconds from $T0).
guard_bg() {
	: >"$S/log"
	echo "$1" >"$S/fails"
	shift
	T0=$(($(date +%s%N) / 1000000))
	env FAKE_LOG="$S/log" FAKE_DIR="$S" T0=$T0 RUNTIME_DIRECTORY="$S/run" "$@" \
		"$GUARD" "$S/kiosk" --config x 2>"$S/guard.err" &
	g=$!
}
guard_bg 3 WATCHDOG_PID=1234 KIOSK_RETRY_FIRST=1 KIOSK_RETRY_MAX=3 KIOSK_PAGE_OVERLAP=1
# 3 failures: retries after 1, 2 and 3 s (capped), then it runs; the page
# goes 1 s after that start: the event waited for (however long a loaded
# machine takes to run the stand-ins).
wait_for "$S/log" "page down" 120 || fail "kiosk-guard page" "no 'page down' within 120 s"
kill -TERM $g # what kiosk-cage does at a stop (tested below)
wait $g
grc=$?
kill -0 $g 2>/dev/null && kill -KILL $g
# The log, as "MS event": the starts, the page's life.
starts=$(grep -c 'kiosk start' "$S/log")
first_fail=$(grep 'kiosk start' "$S/log" | head -1 | cut -d' ' -f1)
page_up=$(grep 'page up' "$S/log" | head -1 | cut -d' ' -f1)
page_ups=$(grep -c 'page up' "$S/log")
page_down=$(grep 'page down' "$S/log" | head -1 | cut -d' ' -f1)
last_start=$(grep 'kiosk start' "$S/log" | tail -1 | cut -d' ' -f1)
# From each failure to the next start: the delay, plus a shell's starts on
# a machine that may be loaded (each at least the delay, each longer).
gaps=$(grep 'kiosk start\|kiosk fail' "$S/log" | awk '/start/ && f { printf "%s%.1f", sep, ($1 - f) / 1000; sep = " " } /fail/ { f = $1 }')
if [ "$starts" -eq 4 ] && [ "$page_ups" -eq 1 ] && [ -n "$page_up" ] && [ $((page_up - first_fail)) -lt 1000 ] &&
	[ -n "$page_down" ] && [ "$page_down" -gt "$last_start" ] && ! grep -q 'watchdog_pid=1234' "$S/log" &&
	[ "$(grep -c '^<3>kiosk-guard: the kiosk stopped (exit status 1)' "$S/guard.err")" -eq 3 ]; then
	pass "kiosk-guard: the page $((page_up - first_fail)) ms after the first failure, up until the kiosk ran again ($((page_down - last_start)) ms after its start), one page for 3 failures; watchdog handed on"
else
	fail "kiosk-guard page" "starts $starts, pages $page_ups (up $page_up, down $page_down, first failure $first_fail, last start $last_start); log: $(tr '\n' ' ' <"$S/log"); journal: $(tr '\n' ' ' <"$S/guard.err")"
fi
# The delays the guard chose (its journal), and each start at least that
# long after its failure (a loaded machine only adds to them).
delays=$(sed -n 's/.*next start in \([0-9]*\) s.*/\1/p' "$S/guard.err" | tr '\n' ' ')
if [ "$delays" = "1 2 3 " ] && echo "$gaps" | awk '{ exit !($1 >= 0.9 && $2 >= 1.9 && $3 >= 2.9) }'; then
	pass "kiosk-guard: retries 1, 2, then 3 s (the cap) after each failure, as set: started ${gaps} s after each"
else
	fail "kiosk-guard delay" "delays '${delays}'s, starts ${gaps} s after each failure, want 1 2 3"
fi
if [ "$grc" -eq 0 ] && grep -q 'kiosk stop' "$S/log"; then
	pass "kiosk-guard: SIGTERM stops the kiosk, and the guard ends with status 0"
else
	fail "kiosk-guard stop" "guard status $grc; $(tr '\n' ' ' <"$S/log")"
fi

# The page up when the kiosk starts stays under it until the standby page
# is ready (here: overlap 1 s, standby started 2 s after the start and
# ready 3 s later): a kiosk dying in between finds a page (the VM's crash
# loop found black for 11-23 s).
guard_bg 1 STANDBY_DELAY=3 KIOSK_RETRY_FIRST=1 KIOSK_PAGE_OVERLAP=1 KIOSK_STANDBY_AFTER=2
wait_for "$S/log" "page down" 60 || true
kill -TERM $g
wait $g
second=$(grep 'kiosk start' "$S/log" | sed -n 2p | cut -d' ' -f1)
ready=$(grep 'standby ready' "$S/log" | head -1 | cut -d' ' -f1)
down=$(grep 'page down' "$S/log" | head -1 | cut -d' ' -f1)
if [ -n "$second" ] && [ -n "$ready" ] && [ -n "$down" ] && [ "$down" -ge "$ready" ]; then
	pass "kiosk-guard: the page stays under the restarted kiosk until the standby page is ready ($((ready - second)) ms after the start), gone $((down - ready)) ms after that"
else
	fail "kiosk-guard overlap until standby" "start ${second:-none}, standby ready ${ready:-never}, page down ${down:-never}; log: $(tr '\n' ' ' <"$S/log")"
fi

# Without cage (KIOSK_DIRECT=1): one program at a time can hold the card.
# The page goes before each start of the kiosk, never beside it, and no
# standby page waits (here due 1 s after each start).
guard_bg 2 KIOSK_DIRECT=1 KIOSK_RETRY_FIRST=1 KIOSK_RETRY_MAX=1 KIOSK_PAGE_OVERLAP=5 \
	KIOSK_STANDBY_AFTER=1
wait_for "$S/log" "kiosk start.*" 60 || true
# The third start runs; 3 s more for a standby or an overlap to show.
i=0
while [ "$(grep -c 'kiosk start' "$S/log")" -lt 3 ] && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 3
kill -TERM $g
wait $g
# At most one of them at a time: a page up from "page up" to "page down",
# a kiosk from "kiosk start" to "kiosk fail"/"kiosk stop".
overlap=$(awk '/page up/ { p = 1 } /page down/ { p = 0 } /kiosk start/ { if (p) bad++; k = 1 }
	/kiosk (fail|stop)/ { k = 0 } /page up/ { if (k) bad++ } END { print bad + 0 }' "$S/log")
if [ "$(grep -c 'kiosk start' "$S/log")" -eq 3 ] && [ "$(grep -c 'page up' "$S/log")" -eq 2 ] &&
	[ "$overlap" -eq 0 ]; then
	pass "kiosk-guard without cage: the page after each failure and gone before the next start, never beside the kiosk, no standby page (3 starts, 2 pages)"
else
	fail "kiosk-guard direct" "$overlap overlaps; log: $(tr '\n' ' ' <"$S/log"); journal: $(tr '\n' ' ' <"$S/guard.err")"
fi

# The stop (issue 23: a start that timed out made cage abort). Debian's
# cage 0.1.4 aborts on SIGTERM while its client is connected; the stand-in
# does the same. systemd sends SIGTERM to kiosk-cage alone (KillMode=mixed),
# which must pass it to cage's client and let cage exit by itself: with the
# renderer as wlroots chooses, and as set (WLR_RENDERER, where kiosk-cage
# once exec'd cage and the SIGTERM reached cage itself).
cat >"$S/abortcage" <<'EOF'
#!/bin/sh
while [ "$1" != "--" ]; do shift; done
shift
"$@" &
c=$!
trap 'if kill -0 $c 2>/dev/null; then echo "cage abort" >>"$FAKE_LOG"; exit 134; fi' TERM
while kill -0 $c 2>/dev/null; do wait $c; done
echo "cage exit" >>"$FAKE_LOG"
EOF
cat >"$S/client" <<'EOF'
#!/bin/sh
echo "client up" >>"$FAKE_LOG"
trap 'echo "client stop" >>"$FAKE_LOG"; exit 0' TERM
while :; do sleep 0.05; done
EOF
chmod +x "$S/abortcage" "$S/client"
rm -f "$S/cache/renderer"
for how in auto pixman; do
	: >"$S/log"
	r=""
	[ $how = pixman ] && r=pixman
	FAKE_LOG="$S/log" KIOSK_CAGE="$S/abortcage" KIOSK_SYSFS="$S/sys" CACHE_DIRECTORY="$S/cache" \
		WLR_RENDERER=$r "$CAGE_SH" -- "$S/client" 2>"$S/err" &
	kc=$!
	wait_for "$S/log" "client up" 60
	kill -TERM $kc
	wait $kc
	rc=$?
	if [ $rc -eq 0 ] && [ "$(tr '\n' ' ' <"$S/log")" = "client up client stop cage exit " ]; then
		pass "kiosk-cage: SIGTERM (renderer ${r:-as wlroots chooses}) stops cage's client first, cage exits by itself, status 0"
	else
		fail "kiosk-cage stop ($how)" "status $rc; $(tr '\n' ' ' <"$S/log") $(tr '\n' ' ' <"$S/err")"
	fi
done

# A page that goes while the guard waits (killed, crashed) is shown again.
guard_bg 100 KIOSK_RETRY_FIRST=30
wait_for "$S/log" "page up" 120
first_page=$(sed -n 's/.* page up //p' "$S/log" | head -1)
killed_at=$(($(date +%s%N) / 1000000 - T0))
[ -n "$first_page" ] && kill -KILL "$first_page"
# The guard waits 30 s before its next start: the page must come back
# before that (the event: a second "page up"), not with the next start.
while [ "$(grep -c 'page up' "$S/log")" -lt 2 ] &&
	[ $(($(date +%s%N) / 1000000 - T0 - killed_at)) -lt 20000 ]; do
	sleep 0.05
done
kill -TERM $g
wait $g
ups=$(grep -c 'page up' "$S/log")
if [ "$ups" -eq 2 ] && grep -q 'the out-of-order page stopped .*showing it again' "$S/guard.err"; then
	pass "kiosk-guard: a page killed while the guard waits is shown again ($(grep 'page up' "$S/log" | tail -1 | cut -d' ' -f1) ms, killed at $killed_at ms)"
else
	fail "kiosk-guard page again" "$ups pages: $(tr '\n' ' ' <"$S/log") $(tr '\n' ' ' <"$S/guard.err")"
fi

# cage 0.1.4 ends when the pipe its child inherited closes: when the guard
# and every process that inherited it have gone. The guard's timers are
# subshells running `sleep`; ended alone, their sleep lived on (orphaned)
# and kept cage up 30 s after a stop, until systemd's stop timeout killed
# it (the VM's reboots, issue 23). Here the pipe is the guard's stdout: a
# kiosk that dies twice (the second time while the page's 20 s timer runs),
# then a stop; the pipe must close at once, not 20 s later.
cat >"$S/k2" <<'EOF'
#!/bin/sh
trap 'exit 0' TERM
[ "$1" = --out-of-order ] || echo $$ >>"$FAKE_DIR/k2.pids"
while :; do sleep 0.05; done
EOF
chmod +x "$S/k2"
: >"$S/k2.pids"
rm -f "$S/eof"
(FAKE_DIR="$S" KIOSK_RETRY_FIRST=1 KIOSK_PAGE_OVERLAP=20 KIOSK_STANDBY_AFTER=100 \
	"$GUARD" "$S/k2" 2>"$S/g2.err" | cat >/dev/null
	date +%s%N >"$S/eof") &
n_pids() { wc -l <"$S/k2.pids"; }
i=0
while [ "$(n_pids)" -lt 1 ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
kill -KILL "$(sed -n 1p "$S/k2.pids")"
while [ "$(n_pids)" -lt 2 ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i + 1)); done
sleep 0.5
kill -KILL "$(sed -n 2p "$S/k2.pids")"
sleep 1
g2=$(pgrep -f "$GUARD $S/k2" | head -1)
t0=$(date +%s%N)
kill -TERM $g2
i=0
while [ ! -s "$S/eof" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
if [ -s "$S/eof" ]; then
	ms=$((($(cat "$S/eof") - t0) / 1000000))
else
	ms=30000
fi
if [ "$(n_pids)" -eq 2 ] && [ "$ms" -lt 10000 ]; then
	pass "kiosk-guard: stopped with a page timer running, nothing of it left: cage's pipe closed $ms ms after the stop"
else
	fail "kiosk-guard orphans" "$(n_pids) kiosk starts; cage's pipe closed ${ms} ms after the stop (an orphaned timer holds it 20 s); $(tr '\n' ' ' <"$S/g2.err")"
fi

# cage crashing with GLES after its client started (the VM's 7th boot of a
# power-cut run: the first tap after this fallback was lost). The orphaned
# guard of the crashed cage must not live on beside the next cage's: one
# kiosk, the old one stopped, before cage starts again with pixman.
cat >"$S/cage-late" <<'EOF2'
#!/bin/sh
echo "cage renderer=${WLR_RENDERER:-auto}" >>"$FAKE_LOG"
while [ "$1" != "--" ]; do shift; done
shift
[ -n "${WLR_RENDERER:-}" ] && exec "$@"
"$@" &
n=0
while ! grep -q 'kiosk start' "$FAKE_LOG" && [ $n -lt 2400 ]; do sleep 0.05; n=$((n + 1)); done
kill -SEGV $$
EOF2
chmod +x "$S/cage-late"
rm -f "$S/cache/renderer" "$S/run/guard.pid"
: >"$S/log"
echo 0 >"$S/fails"
T0=$(($(date +%s%N) / 1000000))
FAKE_LOG="$S/log" FAKE_DIR="$S" T0=$T0 KIOSK_CAGE="$S/cage-late" KIOSK_SYSFS="$S/sys" \
	KIOSK_DEV_INPUT="$S/input" CACHE_DIRECTORY="$S/cache" RUNTIME_DIRECTORY="$S/run" \
	KIOSK_RETRY_FIRST=1 KIOSK_STANDBY_AFTER=600 \
	"$CAGE_SH" -d -- "$GUARD" "$S/kiosk" --config late 2>"$S/late.err" &
kc=$!
# The second cage's kiosk: the event waited for, then a moment in which an
# orphaned guard would have started its own again (its retry: 1 s).
n=0
while [ "$(grep -c 'kiosk start' "$S/log")" -lt 2 ] && [ $n -lt 2400 ]; do sleep 0.05; n=$((n + 1)); done
sleep 3
running=$(pgrep -fc "^/bin/sh $S/kiosk --config late" || true)
old=$(sed -n "s/.*the crashed cage's client (kiosk-guard, pid \([0-9]*\)) stopped first.*/\1/p" "$S/late.err")
gone=no
[ -n "$old" ] && ! kill -0 "$old" 2>/dev/null && gone=yes
kill -TERM $kc
wait $kc
if [ "$(grep -c 'kiosk start' "$S/log")" -eq 2 ] && [ "$running" -eq 1 ] && [ "$gone" = yes ] &&
	grep -q 'kiosk stop' "$S/log"; then
	pass "kiosk-cage: cage crashing after its client started: the old guard and its kiosk stopped before cage starts again with pixman; one kiosk"
else
	fail "kiosk-cage late crash" "$running kiosks running 3 s after the second start, the old guard (pid ${old:-not named}) gone: $gone; log: $(tr '\n' ' ' <"$S/log"); journal: $(tr '\n' ' ' <"$S/late.err")"
fi
pkill -f "$S/kiosk --config late" 2>/dev/null || true
