#!/bin/sh
# Prints a gen_sessions spec for the bundled module: 48 people of eight
# levels (0..7), six each, on two kiosks and two welcome days. A question
# of difficulty d is right for levels >= d, so most questions discriminate;
# q-goal-first is right for everyone (too easy) and q-hacked only for the
# weaker levels (negative: a key to check). Used by tests/report/print.sh
# and for the README's picture of the printed report.
awk 'BEGIN {
	split("q-goal-first q-one-account q-disclaimer q-restraint q-user-case q-mock-colleague q-check-image q-linkedin-post q-x-resident q-phishing q-two-factor q-hacked", q, " ")
	split("goals accounts accounts duties duties duties watch pro-use pro-use security security security", o, " ")
	split("2 3 2 1 3 1 2 1 2 2 3 1", key, " ")
	split("-1 2 3 4 5 6 6 1 3 5 7 0", diff, " ")
	split("pourquoi comptes expression veille linkedin-x securite", ch, " ")
	for (a = 0; a <= 7; a++) {
		right = 0; ans = ""
		for (i = 1; i <= 12; i++) {
			ok = i == 12 ? (a < 4) : (a >= diff[i])
			c = key[i] - 1
			if (!ok) c = (c + 1 + (a % 2)) % 3
			if (!ok && c == key[i] - 1) c = (c + 1) % 3
			ans = ans (i > 1 ? "," : "") q[i] ":" o[i] ":" c ":" ok
			right += ok
		}
		score = int(100 * right / 12 + 0.5)
		chs = ""
		for (j = 1; j <= 6; j++)
			chs = chs (j > 1 ? "," : "") ch[j] ":" (j <= a ? 1 : 0) ":" (j <= a ? 100 : -1)
		for (k = 1; k <= 2; k++)
			printf "n=3 day=2024-03-1%d kiosk=accueil-%d module=tu-me-suis stage=result end=finished dur=%d score=%d passed=%d ch=%s ans=%s\n",
				1 + k, k, 300 + 60 * a, score, (score >= 70), chs, ans
	}
}'
