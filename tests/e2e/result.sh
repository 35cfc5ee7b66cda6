#!/bin/sh
# The result screen (issue 22 item 6): a failed final quiz offers « Refaire
# le quiz »; the retake goes straight to a new quiz, whose result, passed,
# offers only « Terminer ». (The chapters to revisit: tests/unit/test_flow.c;
# that a retake records nothing more: test_record_at_result_once.)
. tests/lib.sh

# controls_of_last_result TRACE: the controls listed on the last result.
controls_of_last_result() {
	awk '/^screen / { s = $2; if (s == "result") { n = 0; delete c } }
	     /^control / && s == "result" { c[++n] = $0 }
	     END { for (i = 1; i <= n; i++) print c[i] }' "$1"
}

run_script failed 1920x1080 <<'S'
tap 0.5 0.5
press Français
expect home
press @ui.start_quiz
expect quiz
answer-all wrong
expect result
controls
S
check "a failed quiz: the script runs (exit 0)" test $? -eq 0
controls_of_last_result "$TMP/failed.trace" >"$TMP/failed.controls"
has "failed: « Refaire le quiz » is offered" "$TMP/failed.controls" " Refaire le quiz"
has "failed: « Terminer » too" "$TMP/failed.controls" " Terminer"

run_script retake 1080x1920 <<'S'
tap 0.5 0.5
press Français
expect home
press @ui.start_quiz
expect quiz
answer-all wrong
expect result
press @ui.retake
expect quiz
answer-all right
expect result
controls
press @ui.finish
expect attract
S
check "the retake, passed: the script runs (exit 0)" test $? -eq 0
controls_of_last_result "$TMP/retake.trace" >"$TMP/retake.controls"
has "passed: « Terminer »" "$TMP/retake.controls" " Terminer"
check "passed: no « Refaire le quiz »" sh -c "! grep -q 'Refaire le quiz' '$TMP/retake.controls'"
