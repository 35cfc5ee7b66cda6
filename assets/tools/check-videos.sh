#!/bin/sh
# Checks the videos, subtitles and posters of a module folder (default: the
# bundled tu-me-suis) against what the kiosk expects: H.264 + AAC in MP4,
# at most 1280x720, yuv420p, index at the start, 10-45 s for the
# placeholders, subtitles in UTF-8 whose last cue ends before the video, a
# poster per chapter, and the whole folder under 15 MB.
# Prints "PASS name" / "FAIL name: why" lines; exits 1 if anything failed.
#   assets/tools/check-videos.sh [MODULE_DIR] [MIN_SECONDS MAX_SECONDS]
MOD=${1:-$(dirname "$0")/../modules/tu-me-suis}
MIN=${2:-10}
MAX=${3:-45}
fails=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; fails=$((fails + 1)); }

# Seconds of an SRT timestamp HH:MM:SS,mmm.
srt_end() {
	awk -F' --> ' '/-->/ { e = $2 } END {
		split(e, a, /[:,]/); printf "%.3f", a[1] * 3600 + a[2] * 60 + a[3] + a[4] / 1000 }' "$1"
}

# Which of moov (the index) and mdat (the media) comes first in an MP4.
first_box() {
	off=0
	for _ in 1 2 3 4 5 6; do
		size=$(od -An -tu1 -j "$off" -N 4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
		type=$(dd if="$1" bs=1 skip=$((off + 4)) count=4 2>/dev/null)
		case $type in moov | mdat) echo "$type"; return ;; esac
		[ "${size:-0}" -ge 8 ] || return
		off=$((off + size))
	done
}

for v in "$MOD"/videos/*.mp4; do
	[ -e "$v" ] || { fail videos "no video in $MOD/videos"; break; }
	name=$(basename "$v" .mp4) # chN-LANG
	info=$(ffprobe -v error -show_entries stream=codec_type,codec_name,width,height,pix_fmt \
		-show_entries format=duration -of default=nw=1 "$v") || { fail "$name" "unreadable"; continue; }
	why=""
	echo "$info" | grep -q '^codec_name=h264$' || why="$why no H.264 video;"
	echo "$info" | grep -q '^codec_name=aac$' || why="$why no AAC audio;"
	echo "$info" | grep -q '^pix_fmt=yuv420p$' || why="$why not yuv420p;"
	w=$(echo "$info" | sed -n 's/^width=//p')
	h=$(echo "$info" | sed -n 's/^height=//p')
	[ "${w:-9999}" -le 1280 ] && [ "${h:-9999}" -le 720 ] || why="$why ${w}x$h larger than 1280x720;"
	dur=$(echo "$info" | sed -n 's/^duration=//p' | tail -n 1)
	awk -v d="$dur" -v a="$MIN" -v b="$MAX" 'BEGIN { exit !(d >= a && d <= b) }' ||
		why="$why lasts ${dur}s, not $MIN-$MAX s;"
	[ "$(first_box "$v")" = moov ] || why="$why index not at the start (+faststart);"
	ch=${name%-*}
	lang=${name##*-}
	srt="$MOD/subtitles/$ch.$lang.srt"
	if [ ! -s "$srt" ]; then
		why="$why no subtitles $ch.$lang.srt;"
	else
		end=$(srt_end "$srt")
		awk -v e="$end" -v d="$dur" 'BEGIN { exit !(e < d) }' ||
			why="$why last cue ends at ${end}s, after the video (${dur}s);"
		iconv -f UTF-8 -t UTF-8 "$srt" >/dev/null 2>&1 || why="$why subtitles not UTF-8;"
	fi
	[ -s "$MOD/images/$ch.png" ] || why="$why no poster images/$ch.png;"
	if [ -z "$why" ]; then pass "$name (${dur}s)"; else fail "$name" "${why# }"; fi
done

kb=$(du -sk "$MOD" | cut -f1)
if [ "$kb" -lt 15360 ]; then pass "size (${kb} KB)"; else fail size "${kb} KB, over 15 MB"; fi
[ "$fails" -eq 0 ]
