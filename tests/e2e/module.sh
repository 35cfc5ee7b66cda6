#!/bin/sh
# The bundled module, played through headless in each of its languages:
# every chapter and its question if it has one, then the final quiz drawn from its own
# pool in a shuffled order (answer finds the right choice wherever it is);
# all answers right ends passed, all wrong ends failed.
. tests/lib.sh
M="$ROOT/assets/modules/tu-me-suis"

play() { # name size language answers
	{
		echo "tap 0.5 0.5"
		echo "press $3"
		echo "expect home"
		# Chapter 1 presents the campaign and asks nothing.
		echo "press @chapter.1"
		echo "expect chapter"
		echo "shot chapter-1"
		echo "press @ui.chapter_done"
		echo "expect home"
		# Chapters 2, 4 and 7 end with a question; 3, 5 and 6 do not (their
		# objectives are tested by the final quiz only: the time budget).
		for c in 2 3 4 5 6 7; do
			echo "press @chapter.$c"
			echo "expect chapter"
			echo "shot chapter-$c"
			case $c in
			2 | 4 | 7) echo "press @ui.chapter_questions" && echo "answer-all $4" ;;
			*) echo "press @ui.chapter_done" ;;
			esac
			echo "expect home"
		done
		echo "shot home"
		echo "press @ui.start_quiz"
		echo "answer-all $4"
		echo "expect result"
		echo "shot result"
		echo "press @ui.finish"
		echo "expect attract"
	} | run_script "$1" "$2" --content "$M"
}

for run in "fr-right 1920x1080 Français right" "en-right 1080x1920 English right" \
	"de-right 1920x1080 Deutsch right" "fr-wrong 1080x1920 Français wrong" \
	"en-wrong 1920x1080 English wrong" "de-wrong 1080x1920 Deutsch wrong"; do
	set -- $run
	play "$1" "$2" "$3" "$4"
	rc=$?
	check "$1 ($2): every chapter, its questions and the final quiz" test "$rc" -eq 0
	[ "$rc" -eq 0 ] || sed 's/^/    /' "$TMP/$1.err" | head -8
	green=$($PROBE count "$TMP/$1/result.png" 0 0.08 1 0.3 30 123 79 6 2>/dev/null || echo 0)
	if [ "$4" = right ]; then
		check "$1: the result says passed (green banner)" test "${green:-0}" -gt 10000
	else
		check "$1: the result says not passed (no green banner)" test "${green:-1}" -lt 100
	fi
	check "$1: all seven chapters ticked on the home screen" sh -c \
		"[ \"\$($PROBE count $TMP/$1/home.png 0 0.1 1 0.9 30 123 79 6)\" -gt 3000 ]"
done
check "the database holds 3 passed and 3 failed sessions, all finished" sh -c \
	"[ \"\$(sqlite3 $TMP/kiosk.db 'select sum(passed), sum(not passed), sum(ended = 0), min(score), max(score) from session')\" = '3|3|6|0|100' ]"
