#!/bin/sh
# make cage-shot: the bundled module's attract screen as cage shows it, on
# wlroots' headless backend (1280x720), taken with grim into
# build/shots/cage-1280x720-attract.png (docs/shots/ has the copy the
# README shows). As root it runs as the unprivileged user kiosktest.
# wf-recorder runs beside grim: see "Black screenshots under cage" in
# docs/setup.md.
BUILD=${BUILD:-build}
out="$BUILD/shots/cage-1280x720-attract.png"
for tool in cage grim wf-recorder; do
	command -v "$tool" >/dev/null 2>&1 || { echo "cage-shot: $tool missing (make deps-test)" >&2; exit 1; }
done
tmp=$(mktemp -d /tmp/kiosk-cage-shot.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 0711 "$tmp"
if [ "$(id -u)" -eq 0 ]; then
	U=kiosktest
	getent passwd "$U" >/dev/null ||
		useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$U" || exit 1
	RUNAS="setpriv --reuid=$U --regid=$U --init-groups env -i PATH=/usr/bin:/bin HOME=/nonexistent"
else
	U=$(id -un)
	RUNAS="env -i PATH=/usr/bin:/bin HOME=$HOME"
fi
mkdir -p "$tmp/c" "$BUILD/shots"
cp "$BUILD/kiosk" "$tmp/c/kiosk"
cp -R assets/modules/tu-me-suis "$tmp/c/module"
printf 'kiosk_id: shot\nlanguage: fr\n' >"$tmp/c/kiosk.yaml"
chmod -R a+rX "$tmp/c"
x="$tmp/xdg"
install -d -o "$U" -m 0700 "$x"
# shellcheck disable=SC2086
setsid $RUNAS XDG_RUNTIME_DIR="$x" WLR_BACKENDS=headless WLR_RENDERER=pixman \
	WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland SDL_AUDIODRIVER=dummy \
	cage -- "$tmp/c/kiosk" --config "$tmp/c/kiosk.yaml" --content "$tmp/c/module" \
	--db "$x/kiosk.db" >"$tmp/log" 2>&1 </dev/null &
pid=$!
i=0
while [ ! -S "$x/wayland-0" ] && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
# shellcheck disable=SC2086
setsid $RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 wf-recorder -c rawvideo -m null \
	-f /dev/null >/dev/null 2>&1 </dev/null &
rec=$!
i=0
while ! grep -q 'first frame shown' "$tmp/log" && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
sleep 1 # the invitation's pulse at its brightest is not needed; a settled frame is
$RUNAS XDG_RUNTIME_DIR="$x" WAYLAND_DISPLAY=wayland-0 grim "$x/shot.png"
rc=$?
kill -TERM "-$rec" "-$pid" 2>/dev/null
sleep 2
kill -KILL "-$rec" "-$pid" 2>/dev/null # a kiosk stuck in SDL after cage went
wait "$pid" 2>/dev/null
wait "$rec" 2>/dev/null
[ $rc -eq 0 ] && cp "$x/shot.png" "$out" && echo "screenshot under cage: $out" && exit 0
echo "cage-shot: no screenshot: $(grep -v 'Basic output' "$tmp/log" | head -5)" >&2
exit 1
