#!/bin/sh
# kiosk --check on a slow machine: kiosk-content runs it at Nice=10 beside
# a running kiosk, where a good video may take more than the kiosk's 5 s
# (first_frame_timeout_s) to be read and to show its first picture (4 of 24
# in the VM under TCG). The check must still accept it (it waits up to
# 60 s: a refused bundle is not tried again), and a broken video must still
# fail at once, by its own event, not by that bound.
#
# The slowness is made without load, the same on every run: strace holds
# the first opening of the good video in each libVLC thread 8 s (its
# syscall delay injection, -P: that file only). So its reading, its first
# picture and its picture near the end each come 8 s late, on any machine.
# Not a named pipe: the check refuses what is not a regular file. Not a
# late first timestamp: that video would be late in front of a person too.
. tests/lib.sh

command -v strace >/dev/null || { fail setup "strace is not installed (make deps-test)"; exit 1; }
command -v ffmpeg >/dev/null || { fail setup "ffmpeg is not installed (make deps-test)"; exit 1; }
[ -x "$KIOSK" ] || { fail setup "build $KIOSK first (make test)"; exit 1; }

# ---- a good video, slow to open ----
cp -r "$MINI" "$TMP/slow"
V=$TMP/slow/videos/public-fr.mp4
# The kiosk's own settings ($TMP/kiosk.yaml: first_frame_timeout_s left at
# its 5 s): the check must not use them.
timeout 180 strace -f -qq --seccomp-bpf -o "$TMP/strace.log" -P "$V" -e trace=openat \
	-e inject=openat:delay_enter=8s:when=1 \
	"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$TMP/slow" >"$TMP/slow.out" 2>&1
rc=$?
# strace's own failure (no ptrace here) is not the check's.
if grep -q '^strace: ' "$TMP/slow.out"; then
	fail setup "strace cannot run the check: $(grep '^strace: ' "$TMP/slow.out" | head -2 | tr '\n' ' ')"
	exit 1
fi
delayed=$(grep -c "\"$V\".*(DELAYED)" "$TMP/strace.log")
check "a good video 8 s late: kiosk --check exits 0" \
	sh -c "[ $rc -eq 0 ] || { echo exit $rc; tail -5 '$TMP/slow.out'; exit 1; }"
# Else the test proves nothing (-P misses a path spelt otherwise).
check "... the delay was there: its opening held 8 s to read it and again to play it" \
	sh -c "[ $delayed -ge 2 ] || { echo '$delayed openings held:'; cat '$TMP/strace.log'; exit 1; }"
check "... reports nothing wrong with it" sh -c "! grep 'cannot be played' '$TMP/slow.out'"
has "... and counts it in the video time" "$TMP/slow.out" \
	'videos: fr 0:03.0 (1 video), en 0:03.0 (1 video); 2 subtitle files checked'
# Word for word what the same module gets without the delay.
"$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$TMP/slow" >"$TMP/fast.out" 2>&1
check "... the same report as without the delay" diff "$TMP/fast.out" "$TMP/slow.out"

# ---- broken videos: reported at once, not after the 60 s ----
# Noise (no track VLC can read), and a film whose second half is missing
# (it plays, then ends without a picture near its end).
seq 1 40000 | gzip -9n | tail -c +200 | head -c 30000 >"$TMP/garbage.mp4"
ffmpeg -nostdin -v error -y -f lavfi -i "color=c=red:s=320x180:r=25:d=5" -f lavfi \
	-i sine=f=440:d=5 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest \
	-movflags +faststart "$TMP/fast.mp4"
head -c $(($(wc -c <"$TMP/fast.mp4") / 2)) "$TMP/fast.mp4" >"$TMP/cut.mp4"
cp -r "$MINI" "$TMP/broken"
cp "$TMP/garbage.mp4" "$TMP/cut.mp4" "$TMP/broken/videos/"
sed -i 's#fr: videos/public-fr.mp4#fr: videos/garbage.mp4#; s#en: videos/public-en.mp4#en: videos/cut.mp4#' \
	"$TMP/broken/module.yaml"
t0=$(date +%s)
timeout 180 "$KIOSK" --check --config "$TMP/kiosk.yaml" --content "$TMP/broken" \
	>"$TMP/broken.out" 2>&1
rc=$?
secs=$(($(date +%s) - t0))
echo "# broken videos reported in $secs s"
check "broken videos: kiosk --check exits 2" test "$rc" -eq 2
has "... the noise is reported" "$TMP/broken.out" \
	"videos/garbage.mp4 cannot be played: no video or sound track: not a video VLC can read"
has "... the film cut short is reported" "$TMP/broken.out" \
	"videos/cut.mp4 cannot be played: no picture from 0:03.0 on: the file seems cut short"
# Only a hang waits for the 60 s; this bound catches one, it measures nothing.
check "... at once, not after the 60 s a good video may take (< 40 s here)" test "$secs" -lt 40
