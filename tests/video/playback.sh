#!/bin/sh
# Video playback end to end: the real kiosk, headless, on clips made here
# with ffmpeg (solid red, so screenshots can be checked for real frames).
# Checks frames, letterboxing, our subtitles on and off, the end of a video
# continuing the chapter, the share watched, and broken files.
BUILD=${BUILD:-build}
# The first-frame line is a debug line (per session: PRIVACY.md).
export KIOSK_DEBUG=1
K=$BUILD/kiosk
PROBE=$BUILD/tools/pngprobe
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

for tool in ffmpeg sqlite3; do
	command -v $tool >/dev/null || { fail setup "$tool is not installed (make deps-test)"; exit 1; }
done
[ -x "$K" ] && [ -x "$PROBE" ] || { fail setup "build $K and $PROBE first (make test)"; exit 1; }

# ---- clips ----
ff() { ffmpeg -nostdin -v error -y "$@"; }
C=$T/clips
mkdir -p "$C"
red() { echo "color=c=red:s=$1:r=25:d=$2"; }
ff -f lavfi -i "$(red 640x360 10)" -f lavfi -i sine=f=440:d=10 -c:v libx264 -preset ultrafast \
	-pix_fmt yuv420p -c:a aac -shortest "$C/h264.mp4"
ff -f lavfi -i "$(red 640x360 3)" -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$C/short.mp4"
ff -f lavfi -i "$(red 331x187 12)" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 100k \
	"$C/odd.webm"
ff -f lavfi -i "$(red 360x640 12)" -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
	"$C/portrait.mp4"
ff -f lavfi -i sine=f=440:d=4 -c:a aac "$C/audio.m4a"
: >"$C/zero.mp4"
head -c 3000 "$C/h264.mp4" >"$C/truncated.mp4" # the index (moov) is at the end: cut off
head -c 30000 /dev/urandom >"$C/garbage.mp4"
printf '1\r\n00:00:00,000 --> 00:01:00,000\r\nSOUS-TITRE DE TEST\r\n' >"$C/long.srt"
for f in h264.mp4 short.mp4 odd.webm portrait.mp4 audio.m4a truncated.mp4 long.srt; do
	[ -s "$C/$f" ] || { fail setup "ffmpeg could not make $f"; exit 1; }
done

# A copy of the mini module whose first chapter plays CLIP with SRT.
module() { # name clip srt
	d=$T/mod-$1
	cp -r tests/fixtures/mini "$d"
	cp "$C/$2" "$d/videos/$2"
	cp "$C/$3" "$d/subtitles/$3" 2>/dev/null
	sed -i "s#fr: videos/public-fr.mp4#fr: videos/$2#; s#fr: subtitles/public.fr.srt#fr: subtitles/$3#" \
		"$d/module.yaml"
	echo "$d"
}

# run NAME MODULE SIZE SUBTITLES SCRIPT-LINES...: exit status in $rc. The
# clock is real while a video plays (--video-time real) unless VT=fast:
# only the opening takes real time, for the cases about the flow around a
# playing video rather than the playback itself.
# FIRST_S: the kiosk's first-picture bound; 60 (only a hang takes that
# long: a loaded machine took more than 3 s) but for the broken files.
# Each timeline starts at the video's first picture (wait-frame), not at a
# guess of when it comes.
VT=real
FIRST_S=60
run() {
	name=$1 mod=$2 size=$3 subs=$4
	shift 4
	mkdir -p "$T/shots/$name"
	printf 'database: %s\nvideo:\n  subtitles: %s\n  first_frame_timeout_s: %s\n' \
		"$T/$name.db" "$subs" "$FIRST_S" >"$T/$name.yaml"
	{
		echo "tap 0.5 0.5"
		echo "press Français"
		echo "press Qui me voit ?"
		echo "press Voir la vidéo"
		for l in "$@"; do echo "$l"; done
	} >"$T/$name.script"
	timeout 120 "$K" --headless --script "$T/$name.script" --config "$T/$name.yaml" \
		--content "$mod" --shots "$T/shots/$name" --size "$size" --video-time "$VT" \
		>"$T/$name.out" 2>"$T/$name.err"
	rc=$?
	[ $rc -eq 0 ] || sed 's/^/    /' "$T/$name.err" | tail -5
}

shot() { echo "$T/shots/$1/$2.png"; }
# is_red FILE X Y / is_dark FILE X Y
is_red() { $PROBE pixel "$1" "$2" "$3" | awk '{ exit !($1 > 200 && $2 < 60 && $3 < 60) }'; }
is_dark() { $PROBE pixel "$1" "$2" "$3" | awk '{ exit !($1 < 40 && $2 < 40 && $3 < 50) }'; }
white_in() { $PROBE box "$1" "$2" "$3" "$4" "$5" | awk '{ print $5 }'; }
share_of() { sqlite3 "$T/$1.db" "SELECT video_share FROM chapter WHERE chapter = 'public'" 2>/dev/null; }

# ---- H.264/AAC: frames, our subtitles on then off, end continues ----
m=$(module h264 h264.mp4 long.srt)
run h264 "$m" 1280x720 true "wait-frame" "wait 1000" "shot start" "wait 4500" "shot sub-on" "expect video" \
	"tap 0.5 0.4" "press Sous-titres" "tap 0.5 0.4" "wait 300" "shot sub-off" "wait-screen quiz" \
	"expect quiz" # a second tap hides the controls at once: the timing stays short
[ $rc -eq 0 ] && pass "h264: plays to the end, the chapter goes on to its questions" ||
	fail "h264" "kiosk exited with $rc (see above)"
is_red "$(shot h264 start)" 640 300 && pass "h264: a real frame (red) is on screen" ||
	fail "h264 frame" "pixel 640,300 is $($PROBE pixel "$(shot h264 start)" 640 300), not red"
grep -q "first frame on screen after" "$T/h264.err" && pass "h264: first frame logged" ||
	fail "h264 first frame" "no '<6>video: ... first frame' line"
w=$(white_in "$(shot h264 sub-on)" 0.2 0.75 0.6 0.24)
[ "${w:-0}" -gt 300 ] && pass "subtitles: visible when on ($w white px in the band)" ||
	fail "subtitles on" "only ${w:-?} white pixels at the bottom of the video"
w=$(white_in "$(shot h264 sub-off)" 0.2 0.75 0.6 0.24)
[ "${w:-1}" -eq 0 ] && is_red "$(shot h264 sub-off)" 640 660 &&
	pass "subtitles: the button turns them off (no text, the frame shows)" ||
	fail "subtitles off" "$w white pixels at the bottom of the video"
s=$(share_of h264)
[ "$s" = 100 ] && pass "share: 100 % stored for a video watched to its end" ||
	fail "share end" "video_share is '$s'"

# ---- skip: the chapter goes on, the share is what was seen ----
VT=fast
run skip "$m" 1280x720 true "wait-frame" "wait 4500" "tap 0.5 0.4" "press Passer la vidéo" "expect quiz"
s=$(share_of skip)
[ $rc -eq 0 ] && [ -n "$s" ] && [ "$s" -gt 0 ] && [ "$s" -lt 90 ] &&
	pass "skip: goes on to the questions, share $s % stored" ||
	fail "skip" "rc $rc, video_share '$s'"

# ---- back in the header: back to the chapter, share kept ----
run back "$m" 1280x720 true "wait-frame" "wait 2500" "press Retour" "expect chapter" "wait 500"
VT=real
s=$(share_of back)
[ $rc -eq 0 ] && [ -n "$s" ] && [ "$s" -gt 0 ] && pass "back: returns to the chapter, share $s % stored" ||
	fail "back" "rc $rc, video_share '$s'"

# ---- idle timeout suspended while playing (idle_timeout_s is at least 10) ----
printf 'database: %s\nidle_timeout_s: 10\nvideo:\n  first_frame_timeout_s: 60\n' "$T/idle.db" >"$T/idle.yaml"
printf 'tap 0.5 0.5\npress Français\npress Qui me voit ?\npress Voir la vidéo\nwait 14000\nexpect video\n' \
	>"$T/idle.script"
m2=$(module idle h264.mp4 long.srt)
sed -i 's#fr: videos/h264.mp4#fr: videos/long.mp4#' "$m2/module.yaml"
ff -f lavfi -i "$(red 320x180 30)" -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$m2/videos/long.mp4"
# The idle timer runs on the app clock: --video-time fast lets 14 s of it
# pass without waiting them.
timeout 120 "$K" --headless --script "$T/idle.script" --config "$T/idle.yaml" --content "$m2" \
	--size 1280x720 --video-time fast >/dev/null 2>"$T/idle.err" &&
	pass "idle: no 'still there?' while a video plays" ||
	fail "idle" "$(grep -m1 expected "$T/idle.err")"

# ---- VP9, odd size, landscape and portrait windows ----
m=$(module odd odd.webm long.srt)
run odd "$m" 1280x720 false "wait-frame" "wait 1000" "shot land" "expect video"
f=$(shot odd land)
[ $rc -eq 0 ] && is_red "$f" 640 400 && is_red "$f" 95 400 && is_dark "$f" 40 400 && is_dark "$f" 1240 400 &&
	pass "vp9 331x187: frames, pillarboxed in a landscape window" ||
	fail "vp9 landscape" "rc $rc; 640,400 $($PROBE pixel "$f" 640 400); 40,400 $($PROBE pixel "$f" 40 400)"
run oddp "$m" 720x1280 false "wait-frame" "wait 1000" "shot port" "expect video"
f=$(shot oddp port)
[ $rc -eq 0 ] && is_red "$f" 360 690 && is_dark "$f" 360 300 && is_dark "$f" 360 1100 &&
	pass "vp9 331x187: letterboxed in a portrait window" ||
	fail "vp9 portrait" "rc $rc; 360,690 $($PROBE pixel "$f" 360 690); 360,300 $($PROBE pixel "$f" 360 300)"
m=$(module portrait portrait.mp4 long.srt)
run portrait "$m" 1280x720 false "wait-frame" "wait 1000" "shot p" "expect video"
f=$(shot portrait p)
[ $rc -eq 0 ] && is_red "$f" 640 400 && is_dark "$f" 300 400 && is_dark "$f" 1000 400 &&
	pass "portrait clip: pillarboxed, aspect kept" ||
	fail "portrait clip" "rc $rc; 640,400 $($PROBE pixel "$f" 640 400); 300,400 $($PROBE pixel "$f" 300 400)"

# ---- broken files: a message, a continue button, a log line; never a hang ----
FIRST_S=3 # the sound-only file has no picture: 3 s tell
for clip in zero.mp4 truncated.mp4 audio.m4a garbage.mp4; do
	name=${clip%.*}
	m=$(module "$name" "$clip" long.srt)
	start=$(date +%s)
	run "$name" "$m" 1280x720 true "wait 6000" "shot msg" "press Continuer" "expect quiz"
	took=$(($(date +%s) - start))
	if [ $rc -eq 0 ] && grep -q "cannot play .*$clip" "$T/$name.err"; then
		pass "broken $clip: message, continue goes on (${took}s); logged: $(grep -m1 "cannot play" "$T/$name.err" | sed 's/.*: //')"
	else
		fail "broken $clip" "rc $rc; log: $(tr '\n' ' ' <"$T/$name.err" | cut -c1-300)"
	fi
done
FIRST_S=60
# A file that vanished after the content was checked.
m=$(module gone short.mp4 long.srt)
printf 'tap 0.5 0.5\npress Français\npress Qui me voit ?\nwait 100\n' >"$T/gone.script"
rm -f "$m/videos/short.mp4"
printf 'database: %s\n' "$T/gone.db" >"$T/gone.yaml"
"$K" --check --content "$m" --config "$T/gone.yaml" >/dev/null 2>"$T/gone.err"
[ $? -eq 2 ] && grep -q "short.mp4" "$T/gone.err" && pass "missing file: reported by --check" ||
	fail "missing file" "--check did not report it"

# ---- a short clip: the end continues by itself, without a tap ----
m=$(module short short.mp4 long.srt)
run short "$m" 1280x720 true "wait-frame" "wait-screen quiz"
[ $rc -eq 0 ] && pass "end of a clip: the flow continues by itself" || fail "short" "rc $rc"

# ---- pictures stop but the sound goes on: not a stall, it plays to its end ----
ff -f lavfi -i "$(red 640x360 1)" -f lavfi -i sine=f=440:d=6 -c:v libx264 -preset ultrafast \
	-pix_fmt yuv420p -c:a aac "$C/stillend.mp4"
m=$(module stillend stillend.mp4 long.srt)
run stillend "$m" 1280x720 true "wait-frame" "wait-screen quiz"
if [ $rc -eq 0 ] && ! grep -q "stopped moving" "$T/stillend.err" && [ "$(share_of stillend)" = 100 ]; then
	pass "still picture over running sound: played to its end, no false stall"
else
	fail "stillend" "rc $rc, share $(share_of stillend); $(tr '\n' ' ' <"$T/stillend.err" | head -c 300)"
fi

# ---- paused, "still there?", back: the video goes on where it was ----
printf '1\n00:00:06,000 --> 00:00:20,000\nPLUS TARD\n' >"$C/later.srt"
m=$(module resume h264.mp4 later.srt)
run resume "$m" 1280x720 true "wait-frame" "wait-video 7000" "tap 0.5 0.5" "press Pause" "wait 90000" \
	"expect still-there" "tap 0.5 0.5" "expect video" "wait 1500" "shot resumed"
w=$(white_in "$(shot resume resumed)" 0.0 0.68 1.0 0.12)
if [ $rc -eq 0 ] && [ "${w:-0}" -gt 500 ]; then
	pass "resume: after 'still there?' the paused video goes on where it was ($w subtitle pixels)"
else
	fail "resume" "rc $rc, $w white pixels where the 6 s subtitle should be"
fi
m=$(module restart h264.mp4 later.srt)
run restart "$m" 1280x720 true "wait-frame" "wait-video 7000" "tap 0.5 0.5" "press Pause" "wait 125000" \
	"expect attract" "tap 0.5 0.5" "press Français" "press Qui me voit ?" "press Voir la vidéo" \
	"wait-frame" "wait 1500" "shot fresh"
w=$(white_in "$(shot restart fresh)" 0.0 0.68 1.0 0.12)
if [ $rc -eq 0 ] && [ "${w:-1}" -eq 0 ]; then
	pass "resume: a timed-out session's position is forgotten; the next person starts at 0"
else
	fail "restart" "rc $rc, $w white pixels (the 6 s subtitle) at the start of a new session"
fi
