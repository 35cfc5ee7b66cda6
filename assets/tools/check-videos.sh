#!/bin/sh
# Checks the videos, subtitles and posters of a module folder (default: the
# bundled tu-me-suis) against what the kiosk expects: H.264 + AAC in MP4,
# at most 1280x720, yuv420p, index at the start, 10-45 s for the
# placeholders, subtitles in UTF-8 whose last cue ends before the video, a
# poster per chapter, and the whole folder under 15 MB. A video that has a
# scene script (SCRIPTS, default voiceover/ next to this file) must have
# been made from that script as it is now: the SHA-256 that make-videos.sh
# writes into the video's comment tag matches the script, and the subtitles
# say word for word what the script's cards say (speaker names and the
# silent title card aside). A real film has no script and skips this.
# Prints "PASS name" / "FAIL name: why" lines; exits 1 if anything failed.
#   assets/tools/check-videos.sh [MODULE_DIR] [MIN_SECONDS MAX_SECONDS]
MOD=${1:-$(dirname "$0")/../modules/tu-me-suis}
SCRIPTS=${SCRIPTS:-$(dirname "$0")/voiceover}
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

# The words a scene script gives its subtitles, one line: every card but
# the title, without its speaker ("Name, role >> ") or voice spelling
# (" | ..."), in the same order. And the words of an SRT's cues, one line.
script_words() {
	awk 'NR > 1 && !/^(#|$)/ { sub(/ \| .*/, ""); sub(/^.* >> /, ""); print }' "$1" | tr -s ' \n' '  ' | sed 's/ *$//'
}
srt_words() {
	tr -d '\r' <"$1" | awk '/-->/ { t = 1; next } /^$/ { t = 0; next } t' | tr -s ' \n' '  ' | sed 's/ *$//'
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
	# One ffprobe a video (it loads some 200 libraries: the costly part).
	info=$(ffprobe -v error -show_entries stream=codec_type,codec_name,width,height,pix_fmt \
		-show_entries format=duration:format_tags=comment -of default=nw=1 "$v") ||
		{ fail "$name" "unreadable"; continue; }
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
	script="$SCRIPTS/$ch.$lang.txt"
	if [ -f "$script" ]; then
		want="voiceover sha256 $(sha256sum <"$script" | cut -d' ' -f1)"
		tag=$(echo "$info" | sed -n 's/^TAG:comment=//p')
		[ "$tag" = "$want" ] || why="$why not made from $ch.$lang.txt as it is now (regenerate: make-videos.sh $ch.$lang);"
		if [ -s "$srt" ] && [ "$(srt_words "$srt")" != "$(script_words "$script")" ]; then
			why="$why subtitles differ from $ch.$lang.txt: \"$(srt_words "$srt" | cut -c1-60)…\";"
		fi
	fi
	if [ -z "$why" ]; then pass "$name (${dur}s)"; else fail "$name" "${why# }"; fi
done

kb=$(du -sk "$MOD" | cut -f1)
if [ "$kb" -lt 15360 ]; then pass "size (${kb} KB)"; else fail size "${kb} KB, over 15 MB"; fi
[ "$fails" -eq 0 ]
