#!/bin/bash
# Regenerates the placeholder videos, subtitles and posters of the
# « Tu me suis ? » module from the scene scripts in voiceover/.
#
#   assets/tools/make-videos.sh            # every chapter, every language
#   assets/tools/make-videos.sh ch3 ch5.de # only some chapters or clips
#
# Each video is a short scene (at most 45 s) that shows what the chapter's
# text does not say: a situation, colleagues' own ways of doing things. It
# stands in for the filmed testimonial of the campaign, and says so on
# every card. voiceover/chN.LANG.txt holds one line per card; each line
# becomes one card, one spoken sentence (espeak-ng) and one subtitle cue,
# so the subtitles are exactly what is said. The first line is "Scene N.
# Title" and becomes a silent title card of TITLE seconds (the chapter
# screen already shows the title; a spoken one cost every language ~25 s
# of its time budget). A line "Speaker, role >> words" shows
# the speaker above the words, which alone are spoken and subtitled. A line
# may end with " | how to say it" when the synthetic voice mispronounces a
# word: the card and subtitle show the text before the bar, the voice reads
# the text after it. Blank lines and lines starting with # are ignored.
#
# Output, in the module folder:
#   videos/chN-LANG.mp4    H.264 + AAC mono, 1280x720, 25 fps, +faststart
#   subtitles/chN.LANG.srt UTF-8, one cue per sentence (long ones split)
#   images/chN.png         language-neutral poster
# Each video carries the SHA-256 of its script in its `comment` tag, so
# check-videos.sh can tell a video that was not regenerated after its
# script changed (and compares the subtitles with the script word for word).
# The module marks these chapters video_placeholder: true, so that
# `kiosk --check --release` refuses them until the real films replace them.
# Needs: bash, ffmpeg/ffprobe (with libx264, drawtext), espeak-ng, awk,
# fonts-open-sans.
set -euo pipefail
export LC_ALL=C.UTF-8

HERE=$(cd "$(dirname "$0")" && pwd)
MOD=${MOD:-$HERE/../modules/tu-me-suis}
SCRIPTS=${SCRIPTS:-$HERE/voiceover}
FONTDIR=${FONTDIR:-/usr/share/fonts/truetype/open-sans}
FONT_BOLD=$FONTDIR/OpenSans-Bold.ttf
FONT_SEMI=$FONTDIR/OpenSans-Semibold.ttf
FONT_REG=$FONTDIR/OpenSans-Regular.ttf

W=1280 H=720 FPS=25
BG=0x1d3557      # dark blue background
ACCENT=0xe63946  # red accent bar
LIGHT=0xa8dadc   # light cyan for secondary text
LEAD=0.5         # silence before each sentence, seconds
TAIL=0.7         # silence after each sentence
FADE=0.25        # text fade in and out
TITLE=1.6        # the silent title card, seconds
CRF=${CRF:-30}
ABITRATE=${ABITRATE:-32k}

FF=(ffmpeg -hide_banner -loglevel error -nostdin -y)

die() { echo "make-videos: $*" >&2; exit 1; }

for f in "$FONT_BOLD" "$FONT_SEMI" "$FONT_REG"; do
	[ -r "$f" ] || die "missing font $f (apt-get install fonts-open-sans)"
done
for c in ffmpeg ffprobe espeak-ng awk; do
	command -v "$c" >/dev/null || die "missing $c"
done

# Per-language settings: espeak voice and speed (words per minute), the
# brand shown in the header, the "this is a placeholder" notice.
lang_setup() {
	case $1 in
	fr) VOICE=fr RATE=170 ISO=fra
	    NOTICE="Vidéo provisoire · voix de synthèse"
	    BAND="SCÈNE PROVISOIRE · à remplacer par un témoignage filmé" ;;
	en) VOICE=en-gb RATE=165 ISO=eng
	    NOTICE="Placeholder video · synthetic voice"
	    BAND="PLACEHOLDER SCENE · to be replaced by a filmed testimonial" ;;
	de) VOICE=de RATE=165 ISO=deu
	    NOTICE="Platzhaltervideo · synthetische Stimme"
	    BAND="PLATZHALTERSZENE · wird durch einen gefilmten Erfahrungsbericht ersetzt" ;;
	*) die "unknown language $1" ;;
	esac
	# The campaign's name is the same in every language.
	BRAND="Tu me suis"$'\u202f'"?"
}

# The text as drawn: Open Sans has no U+202F (narrow no-break space), so
# the cards use U+2009 (thin space) instead, which looks the same.
for_font() { printf '%s' "${1//$'\u202f'/$'\u2009'}"; }

# What the voice reads: no quotation marks, plain spaces.
for_voice() {
	local s=$1
	s=${s//$'\u202f'/ }; s=${s//$'\u00a0'/ }
	s=${s//«/}; s=${s//»/}; s=${s//“/}; s=${s//”/}; s=${s//„/}
	printf '%s' "$s"
}

# Balanced word wrap on ordinary spaces only (no-break spaces hold words
# together): prints the lines of $2 no longer than $1 characters, with the
# fewest lines and, for that count, the most even lengths.
wrap() {
	local max=$1 text=$2 n try
	local -a words lines
	IFS=' ' read -r -a words <<<"$text"
	greedy() {
		local w line=""
		lines=()
		for w in "${words[@]}"; do
			if [ -z "$line" ]; then
				line=$w
			elif [ $((${#line} + 1 + ${#w})) -le "$1" ]; then
				line="$line $w"
			else
				lines+=("$line")
				line=$w
			fi
		done
		lines+=("$line")
	}
	greedy "$max"
	n=${#lines[@]}
	for ((try = (${#text} + n - 1) / n; try < max; try++)); do
		greedy "$try"
		[ ${#lines[@]} -le "$n" ] && break
	done
	[ ${#lines[@]} -le "$n" ] || greedy "$max"
	printf '%s\n' "${lines[@]}"
}

# Appends to the filter in $DT a drawtext per line of file $1, centred,
# font $2, size $3, colour $4, first baseline $5, line height $6. Each line
# goes through a textfile so no text needs escaping.
add_lines() {
	local file=$1 font=$2 size=$3 color=$4 base=$5 step=$6 i=0 line
	while IFS= read -r line; do
		for_font "$line" >"$file.$i"
		DT+=",drawtext=fontfile=$font:textfile=$file.$i:expansion=none"
		DT+=":fontsize=$size:fontcolor=$color:x=(w-text_w)/2"
		DT+=":y=$((base + i * step))-max_glyph_a"
		i=$((i + 1))
	done <"$file"
}

# The header every card of a clip shares: brand, accent bar, notice, and
# the placeholder band along the bottom.
header_filter() { # tmpdir
	for_font "$BRAND" >"$1/brand.txt"
	for_font "$NOTICE" >"$1/notice.txt"
	for_font "$BAND" >"$1/band.txt"
	DT="drawtext=fontfile=$FONT_SEMI:textfile=$1/brand.txt:expansion=none"
	DT+=":fontsize=30:fontcolor=$LIGHT:x=60:y=46"
	DT+=",drawbox=x=60:y=94:w=90:h=6:color=$ACCENT:t=fill"
	DT+=",drawtext=fontfile=$FONT_REG:textfile=$1/notice.txt:expansion=none"
	DT+=":fontsize=22:fontcolor=white@0.55:x=w-text_w-60:y=52"
	DT+=",drawbox=x=0:y=ih-64:w=iw:h=64:color=$ACCENT@0.85:t=fill"
	DT+=",drawtext=fontfile=$FONT_BOLD:textfile=$1/band.txt:expansion=none"
	DT+=":fontsize=26:fontcolor=white:x=(w-text_w)/2:y=h-32-text_h/2"
}

render() { # filter output.png
	"${FF[@]}" -f lavfi -i "color=c=$BG:s=${W}x$H" -vf "$1,format=rgb24" \
		-frames:v 1 "$2"
}

# Card for line $2 (index $3) into $1/card$3.png: the title card, a
# speaker's words (name above them), or a line of narration.
make_card() { # tmpdir text index
	local t=$1 text=$2 i=$3 n base
	header_filter "$t"
	if [ "$i" -eq 0 ]; then
		# Title card: "Scène 1" small, the title big.
		printf '%s\n' "${text%%. *}" >"$t/c$i.a"
		wrap 22 "${text#*. }" >"$t/c$i.b"
		n=$(wc -l <"$t/c$i.b")
		base=$((330 - (n - 1) * 100 / 2))
		add_lines "$t/c$i.a" "$FONT_SEMI" 40 "$LIGHT" $((base - 110)) 0
		add_lines "$t/c$i.b" "$FONT_BOLD" 84 white "$base" 100
	elif [ "$text" != "${text#* >> }" ]; then
		# A speaker: "Name, role" small, the words big in quotes.
		printf '%s\n' "${text%% >> *}" >"$t/c$i.a"
		wrap 32 "${text#* >> }" >"$t/c$i.b"
		n=$(wc -l <"$t/c$i.b")
		base=$((330 - (n - 1) * 78 / 2 + 40))
		add_lines "$t/c$i.a" "$FONT_SEMI" 36 "$LIGHT" $((base - 90)) 0
		add_lines "$t/c$i.b" "$FONT_SEMI" 56 white "$base" 78
	else
		wrap 32 "$text" >"$t/c$i.b"
		n=$(wc -l <"$t/c$i.b")
		base=$((330 - (n - 1) * 78 / 2 + 20))
		add_lines "$t/c$i.b" "$FONT_SEMI" 56 white "$base" 78
	fi
	render "$DT" "$t/card$i.png"
}

make_poster() { # chapter-number output.png tmpdir
	local t=$3
	printf '%s\n' "$1" >"$t/poster.n"
	for_font "Tu me suis ?" >"$t/poster.b"
	DT="drawbox=x=0:y=0:w=24:h=ih:color=$ACCENT:t=fill"
	DT+=",drawtext=fontfile=$FONT_BOLD:textfile=$t/poster.n:expansion=none"
	DT+=":fontsize=420:fontcolor=white:x=(w-text_w)/2:y=520-max_glyph_a"
	DT+=",drawbox=x=(iw-160)/2:y=560:w=160:h=10:color=$ACCENT:t=fill"
	DT+=",drawtext=fontfile=$FONT_SEMI:textfile=$t/poster.b:expansion=none"
	DT+=":fontsize=44:fontcolor=$LIGHT:x=(w-text_w)/2:y=650-max_glyph_a"
	render "$DT" "$2"
}

seconds() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

srt_time() { # seconds -> HH:MM:SS,mmm
	awk -v s="$1" 'BEGIN { ms = int(s * 1000 + 0.5);
		printf "%02d:%02d:%02d,%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000 }'
}

# Writes the cue(s) of one sentence: split in two cues when it needs more
# than two subtitle lines, preferably after a punctuation mark or before a
# conjunction near the middle, timed by share of characters.
write_cues() { # srt text start end
	local srt=$1 text=$2 start=$3 end=$4 k pos=0 d score best=-1 bestscore=999999
	local -a l words
	mapfile -t l < <(wrap 42 "$text")
	if [ ${#l[@]} -le 2 ]; then
		CUE=$((CUE + 1))
		printf '%d\n%s --> %s\n%s\n\n' "$CUE" "$(srt_time "$start")" \
			"$(srt_time "$end")" "$(printf '%s\n' "${l[@]}")" >>"$srt"
		return
	fi
	IFS=' ' read -r -a words <<<"$text"
	for ((k = 0; k < ${#words[@]} - 1; k++)); do
		pos=$((pos + ${#words[k]} + 1))
		d=$((pos * 2 - ${#text})); d=${d#-}
		score=$d
		case ${words[k]},${words[k + 1]} in
		*[,:\;?!.],*) ;;
		*,und | *,oder | *,aber | *,et | *,ou | *,mais | *,and | *,or | *,but)
			score=$((d + ${#text} / 5)) ;;
		*) score=$((d + ${#text} / 2)) ;;
		esac
		if [ "$score" -lt "$bestscore" ]; then best=$k bestscore=$score; fi
	done
	local a="${words[*]:0:best+1}" b="${words[*]:best+1}" mid
	mid=$(awk -v s="$start" -v e="$end" -v a="${#a}" -v b="${#b}" \
		'BEGIN { printf "%.3f", s + (e - s) * a / (a + b) }')
	write_cues "$srt" "$a" "$start" "$mid"
	write_cues "$srt" "$b" "$mid" "$end"
}

make_clip() { # chapter-number lang
	local ch=$1 lang=$2 script=$SCRIPTS/ch$1.$2.txt
	local t i=0 line card shown spoken dur cd start=0 total vf inputs concat
	lang_setup "$lang"
	t=$(mktemp -d)
	# shellcheck disable=SC2064
	trap "rm -rf '$t'" RETURN
	local srt=$t/out.srt out=$MOD/videos/ch$ch-$lang.mp4
	: >"$srt"
	: >"$t/audio.list"
	CUE=0
	inputs=() vf="" concat="" keys=0
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in '' | '#'*) continue ;; esac
		card=${line%% | *}
		shown=${card#* >> } # the words, without their speaker
		spoken=$shown
		[ "$line" != "$card" ] && spoken=${line#* | }
		if [ "$i" -eq 0 ]; then
			# The title card: silent, no subtitle.
			cd=$TITLE
			"${FF[@]}" -f lavfi -i "anullsrc=r=48000:cl=mono" -t "$cd" \
				-c:a pcm_s16le "$t/a$i.wav"
		else
			for_voice "$spoken" >"$t/s$i.txt"
			espeak-ng -v "$VOICE" -s "$RATE" -w "$t/s$i.wav" -f "$t/s$i.txt"
			dur=$(seconds "$t/s$i.wav")
			# Card length in whole frames, so audio and video stay in step.
			cd=$(awk -v d="$dur" -v l="$LEAD" -v t="$TAIL" -v f="$FPS" \
				'BEGIN { x = l + d + t; n = int(x * f);
				if (n < x * f) n++; printf "%.2f", n / f }')
			"${FF[@]}" -i "$t/s$i.wav" -af "adelay=$LEAD_MS,apad,atrim=end=$cd" \
				-ar 48000 -ac 1 -c:a pcm_s16le "$t/a$i.wav"
			write_cues "$srt" "$shown" \
				"$(awk -v s="$start" -v l="$LEAD" 'BEGIN { printf "%.3f", s + l }')" \
				"$(awk -v s="$start" -v l="$LEAD" -v d="$dur" 'BEGIN { printf "%.3f", s + l + d }')"
		fi
		echo "file 'a$i.wav'" >>"$t/audio.list"
		make_card "$t" "$card" "$i"
		inputs+=(-loop 1 -framerate "$FPS" -t "$cd" -i "$t/card$i.png")
		vf+="[$((i + 1)):v]format=rgba,fade=t=in:st=0:d=$FADE:alpha=1"
		vf+=",fade=t=out:st=$(awk -v c="$cd" -v f="$FADE" 'BEGIN { print c - f }'):d=$FADE:alpha=1[c$i];"
		concat+="[c$i]"
		start=$(awk -v s="$start" -v c="$cd" 'BEGIN { printf "%.2f", s + c }')
		keys+=",$start"
		i=$((i + 1))
	done <"$script"
	[ "$i" -gt 1 ] || die "$script: no sentences"
	total=$start
	awk -v t="$total" 'BEGIN { exit !(t <= 45) }' ||
		die "$script: the scene lasts ${total}s, over 45 s: shorten it"

	# The background carries the header, so only the sentence fades.
	header_filter "$t"
	render "$DT" "$t/bg.png"
	"${FF[@]}" -f concat -safe 0 -i "$t/audio.list" \
		-af "loudnorm=I=-16:TP=-1.5:LRA=11" -ar 48000 -ac 1 "$t/voice.wav"
	vf+="${concat}concat=n=$i:v=1:a=0[txt];[0:v][txt]overlay=0:0:format=auto,format=yuv420p[v]"
	"${FF[@]}" -loop 1 -framerate "$FPS" -t "$total" -i "$t/bg.png" "${inputs[@]}" \
		-i "$t/voice.wav" -filter_complex "$vf" -map "[v]" -map "$((i + 1)):a" \
		-c:v libx264 -preset "${PRESET:-slow}" -tune stillimage -crf "$CRF" -profile:v main \
		-pix_fmt yuv420p -r "$FPS" -g $((FPS * 4)) -force_key_frames "$keys" \
		-c:a aac -b:a "$ABITRATE" -ar 48000 -ac 1 -t "$total" \
		-metadata title="$(head -n 1 "$script" | sed 's/ | .*//')" \
		-metadata comment="voiceover sha256 $(sha256sum <"$script" | cut -d' ' -f1)" \
		-metadata:s:a:0 language="$ISO" -movflags +faststart "$t/out.mp4"
	mv "$t/out.mp4" "$out"
	mv "$srt" "$MOD/subtitles/ch$ch.$lang.srt"
	if [ ! -e "$MOD/images/ch$ch.png" ] || [ -n "${POSTERS:-}" ] || [ "$lang" = fr ]; then
		make_poster "$ch" "$MOD/images/ch$ch.png" "$t"
	fi
	printf 'ch%s-%s.mp4  %5.1f s  %d cues\n' "$ch" "$lang" "$total" "$CUE"
}

mkdir -p "$MOD/videos" "$MOD/subtitles" "$MOD/images"
LEAD_MS=$(awk -v l="$LEAD" 'BEGIN { printf "%d", l * 1000 }')
for script in "$SCRIPTS"/ch*.*.txt; do
	name=$(basename "$script" .txt) # chN.LANG
	match=$(($# == 0))
	for w in "$@"; do
		case $name in "$w" | "$w".*) match=1 ;; esac
	done
	[ "$match" = 1 ] || continue
	ch=${name%%.*}; ch=${ch#ch}
	make_clip "$ch" "${name#*.}"
done
