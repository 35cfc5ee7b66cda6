#!/bin/sh
# kiosk --check opens every video with libVLC and reads every subtitle file
# strictly: broken media made here with ffmpeg must each be reported once,
# at the right FILE:LINE:COL, all of them in one run, with exit status 2;
# the bundled module and the test module must pass.
. tests/lib.sh

command -v ffmpeg >/dev/null || { fail setup "ffmpeg is not installed (make deps-test)"; exit 1; }
[ -x "$KIOSK" ] || { fail setup "build $KIOSK first (make test)"; exit 1; }

# ---- media ----
C=$TMP/clips
mkdir -p "$C"
ff() { ffmpeg -nostdin -v error -y "$@"; }
red="color=c=red:s=320x180:r=25:d=5"
ff -f lavfi -i "$red" -f lavfi -i sine=f=440:d=5 -c:v libx264 -preset ultrafast \
	-pix_fmt yuv420p -c:a aac -shortest "$C/good.mp4"
ff -f lavfi -i "$red" -f lavfi -i sine=f=440:d=5 -c:v libx264 -preset ultrafast \
	-pix_fmt yuv420p -c:a aac -shortest -movflags +faststart "$C/fast.mp4"
ff -f lavfi -i sine=f=440:d=4 -c:a aac "$C/audio.m4a"
: >"$C/zero.mp4"
head -c 3000 "$C/good.mp4" >"$C/truncated.mp4" # the index (moov) is at the end: cut off
# The index is at the start, the second half of the film is missing.
head -c $(($(wc -c <"$C/fast.mp4") / 2)) "$C/fast.mp4" >"$C/cut.mp4"
# Noise, but the same on every run: compressed digits without their header.
seq 1 40000 | gzip -9n | tail -c +200 | head -c 30000 >"$C/garbage.mp4"
for f in good.mp4 fast.mp4 audio.m4a truncated.mp4 cut.mp4 garbage.mp4; do
	[ -s "$C/$f" ] || { fail setup "could not make $f"; exit 1; }
done
printf '1\n00:00:00,000 --> 00:00:01,000\nUn\n\n2\n00:00:01,500 --> 00:00:04,200\nDeux\n' \
	>"$C/long.fr.srt"
cat >"$C/bad.fr.srt" <<'SRT'
1
00:00:00,000 --> 00:00:01.000
Virgule oubliée

2
00:00:02,000 --> 00:00:01,500
La fin avant le début

3
00:00:02,000 --> 00:00:02,500
Bien

4
00:00:02,400 --> 00:00:02,900
Chevauche

x
00:00:03,000 --> 00:00:04,000
Numéro
SRT
printf '1\r\n00:00:00,000 --> 00:00:01,000\r\nR\351seaux\r\n' >"$C/latin1.en.srt"

# A copy of the mini module; its first chapter's video and subtitles in
# French and English are replaced by the given clips ("-" keeps them).
module() { # name fr-video en-video fr-srt en-srt
	d=$TMP/$1
	rm -rf "$d"
	cp -r "$MINI" "$d"
	[ "$2" = - ] || { cp "$C/$2" "$d/videos/"; sed -i "s#fr: videos/public-fr.mp4#fr: videos/$2#" "$d/module.yaml"; }
	[ "$3" = - ] || { cp "$C/$3" "$d/videos/"; sed -i "s#en: videos/public-en.mp4#en: videos/$3#" "$d/module.yaml"; }
	[ "$4" = - ] || { cp "$C/$4" "$d/subtitles/"; sed -i "s#fr: subtitles/public.fr.srt#fr: subtitles/$4#" "$d/module.yaml"; }
	[ "$5" = - ] || { cp "$C/$5" "$d/subtitles/"; sed -i "s#en: subtitles/public.en.srt#en: subtitles/$5#" "$d/module.yaml"; }
}

# pos NAME KEY LANG: "LINE:COL" of the value of KEY's LANG entry.
pos() {
	awk -v key="    $2: {" -v lang="$3: " 'index($0, key) == 1 {
		print NR ":" index($0, lang) + length(lang); exit }' "$TMP/$1/module.yaml"
}

# The kiosk's own settings: `kiosk --check` gives a good video 60 s for its
# first picture whatever first_frame_timeout_s says (check/slow_video.sh);
# the broken videos are found by events (no track, a decoder error, the
# end reached), not by that bound.
cp "$TMP/kiosk.yaml" "$TMP/check.yaml"

# run NAME: kiosk --check on $TMP/NAME; stdout+stderr in $TMP/NAME.out, status in $rc.
run() {
	timeout 120 "$KIOSK" --check --config "$TMP/check.yaml" --content "$TMP/$1" \
		>"$TMP/$1.out" 2>&1
	rc=$?
}

# expect NAME DESCRIPTION < lines: exit 2 and exactly these problem lines.
expect() {
	cat >"$TMP/$1.want"
	# Media problems only: the large-text layout warnings of the fixture
	# are the fit check's business (tests/check/fit.sh).
	grep -E '^[^ ]+:[0-9]+:[0-9]+: ' "$TMP/$1.out" | grep -v ': warning: ' >"$TMP/$1.got"
	if [ "$rc" -ne 2 ]; then
		fail "$2" "exit status $rc, not 2: $(head -c 400 "$TMP/$1.out" | tr '\n' ' ')"
	elif ! cmp -s "$TMP/$1.want" "$TMP/$1.got"; then
		fail "$2" "$(diff "$TMP/$1.want" "$TMP/$1.got" | grep '^[<>]' | head -8 | tr '\n' ' ')"
	else
		pass "$2"
	fi
}

# ---- one broken video at a time ----
video_case() { # name clip message
	module "$1" "$2" - - -
	run "$1"
	expect "$1" "video $2: $3" <<EOF
$TMP/$1/module.yaml:$(pos "$1" video fr): videos/$2 cannot be played: $3
EOF
}
video_case zero zero.mp4 "empty file"
video_case truncated truncated.mp4 "no video or sound track: not a video VLC can read"
video_case audio audio.m4a "no video track (sound only)"
video_case garbage garbage.mp4 "no video or sound track: not a video VLC can read"
video_case cut cut.mp4 "no picture from 0:03.0 on: the file seems cut short"

# ---- subtitles ----
module long - - long.fr.srt -
run long
expect long "subtitles running past the end of the video, at the subtitles entry" <<EOF
$TMP/long/module.yaml:$(pos long subtitles fr): subtitles/long.fr.srt runs to 0:04.2, past the end of videos/public-fr.mp4 (0:03.0)
EOF

module badsrt - - bad.fr.srt latin1.en.srt
run badsrt
S=$TMP/badsrt/subtitles
expect badsrt "every problem of the SRT files, at their line and column" <<EOF
$S/bad.fr.srt:2:26: bad timing line: ',' expected before the milliseconds; expected HH:MM:SS,mmm --> HH:MM:SS,mmm
$S/bad.fr.srt:6:18: cue 2 ends (00:00:01,500) before it starts (00:00:02,000)
$S/bad.fr.srt:14:1: cue 4 starts (00:00:02,400) before the previous cue ends (00:00:02,500): cues overlap
$S/bad.fr.srt:17:1: bad cue number: a number (5) expected
$S/latin1.en.srt:3:2: not UTF-8 (byte 0xE9): save the file as UTF-8
EOF

# ---- everything at once: the check does not stop at the first problem ----
module all zero.mp4 audio.m4a bad.fr.srt latin1.en.srt
run all
S=$TMP/all/subtitles
expect all "videos and subtitles broken together: all reported in one run" <<EOF
$TMP/all/module.yaml:$(pos all video fr): videos/zero.mp4 cannot be played: empty file
$S/bad.fr.srt:2:26: bad timing line: ',' expected before the milliseconds; expected HH:MM:SS,mmm --> HH:MM:SS,mmm
$S/bad.fr.srt:6:18: cue 2 ends (00:00:01,500) before it starts (00:00:02,000)
$S/bad.fr.srt:14:1: cue 4 starts (00:00:02,400) before the previous cue ends (00:00:02,500): cues overlap
$S/bad.fr.srt:17:1: bad cue number: a number (5) expected
$TMP/all/module.yaml:$(pos all video en): videos/audio.m4a cannot be played: no video track (sound only)
$S/latin1.en.srt:3:2: not UTF-8 (byte 0xE9): save the file as UTF-8
EOF

# A missing file is reported once (by the content check), not again here.
module missing - - - -
sed -i "s#fr: videos/public-fr.mp4#fr: videos/nowhere.mp4#" "$TMP/missing/module.yaml"
run missing
expect missing "a missing video is reported once" <<EOF
$TMP/missing/module.yaml:$(pos missing video fr): file not found: videos/nowhere.mp4
EOF

# ---- good modules ----
module good good.mp4 - - -
sed -i 's|^    video_seconds: 3|    video_seconds: 5|' "$TMP/good/module.yaml" # its longest video
run good
check "a good H.264 clip passes, its duration in the summary" sh -c "[ $rc -eq 0 ] &&
	grep -qx 'videos: fr 0:05.0 (1 video), en 0:03.0 (1 video); 2 subtitle files checked' '$TMP/good.out'"

"$KIOSK" --check --config "$TMP/check.yaml" --content "$MINI" >"$TMP/mini.out" 2>&1
check "the mini module passes, with the video time per language" sh -c "[ $? -eq 0 ] &&
	grep -qx 'videos: fr 0:03.0 (1 video), en 0:03.0 (1 video); 2 subtitle files checked' '$TMP/mini.out'"

B=assets/modules/tu-me-suis
timeout 300 "$KIOSK" --check --config "$TMP/check.yaml" --content "$B" >"$TMP/bundled.out" 2>&1
brc=$?
check "bundled module: no video or subtitle problem" sh -c \
	"! grep -E 'cannot be played|past the end of|\\.srt:[0-9]+:' '$TMP/bundled.out'"
check "bundled module: kiosk --check exits 0" sh -c "[ $brc -eq 0 ] && grep -q '^videos: fr ' '$TMP/bundled.out'"
