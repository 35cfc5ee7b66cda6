#!/bin/sh
# Prints a gen_sessions spec of two welcome days on a module, read from its
# module.yaml (its chapters and questions as they are today): 24 people a
# day of eight levels (0..7), three each. A question of difficulty d is
# right for levels >= d; the first question of the final quiz is right for
# everyone (too easy), the last only for the weaker levels (negative
# discrimination: a key to check), so both are questions to rewrite. The
# chapters' own questions (those with a `chapter:`) are answered at the
# end of their chapter, first try right for levels >= 1 + their rank (in a
# module without final_quiz they are in the final quiz too).
#   trainer_day.sh MODULE_DIR DAY1 DAY2 [KIOSK]
awk -v day1="$2" -v day2="$3" -v kiosk="${4:-accueil-1}" -v module="$(basename "$1")" '
/^chapters:/ { sec = "c"; next }
/^questions:/ { sec = "q"; next }
/^final_quiz:/ { final = 1 }
/^[a-z_]+:/ { sec = ""; next }
sec == "c" && /^  - id: / { nc++; ch[nc] = $3 }
sec == "q" && /^  - id: / { nq++; q[nq] = $3; nch[nq] = 0; inch = 0; qch[nq] = "" }
sec == "q" && /^    chapter: / { qch[nq] = $2 }
sec == "q" && /^    objective: / { obj[nq] = $2 }
sec == "q" && /^    answer: / { key[nq] = $2 - 1 }
sec == "q" && /^    choices:/ { inch = 1; next }
sec == "q" && inch && /^      - / { nch[nq]++; next }
sec == "q" && inch && /^    [a-z]/ { inch = 0 }
END {
	for (i = 1; i <= nq; i++) if (qch[i] == "" || !final) last = i
	for (d = 1; d <= 2; d++)
	for (a = 0; a <= 7; a++) {
		right = 0; ans = ""; cq = ""; fi = 0; ci = 0
		for (i = 1; i <= nq; i++) {
			if (qch[i] != "") {
				ci++
				ok = a >= 1 + ci
				c = ok ? key[i] : (key[i] + 1 + (a % 2)) % nch[i]
				if (!ok && c == key[i]) c = (c + 1) % nch[i]
				cq = cq (ci > 1 ? "," : "") qch[i] ":" q[i] ":" c ":" ok
				if (final)
					continue
			}
			fi++
			diff = fi == 1 ? -1 : 1 + (fi * 3) % 5
			ok = i == last ? (a < 4) : (a >= diff)
			c = ok ? key[i] : (key[i] + 1 + (a % 2)) % nch[i]
			if (!ok && c == key[i]) c = (c + 1) % nch[i]
			ans = ans (fi > 1 ? "," : "") q[i] ":" obj[i] ":" c ":" ok
			right += ok
		}
		score = int(100 * right / fi + 0.5)
		chs = ""
		for (j = 1; j <= nc; j++)
			chs = chs (j > 1 ? "," : "") ch[j] ":" (j <= a ? 1 : 0) ":" (j <= a ? 100 : -1)
		printf "n=3 day=%s kiosk=%s module=%s stage=result end=finished dur=%d score=%d passed=%d ch=%s ans=%s%s\n",
			d == 1 ? day1 : day2, kiosk, module, 300 + 60 * a, score, (score >= 70), chs, ans,
			ci ? " cq=" cq : ""
	}
}' "$1/module.yaml"
