#!/bin/sh
# Statistics v2 (issue 21, PRIVACY.md): attacks on what leaves the kiosk.
# Each of these singled a person out before closed batches and cell-key
# noise: export or outbox before and after one person, a one-visitor day in
# the outbox, label and kiosk subtraction, five people who all failed. The
# exhaustive small-cohort check is tests/unit/test_cellkey.c.
. tests/lib.sh
R=$REPORT
T=$TMP
EXPORT="$ROOT/$BUILD/kiosk-export"
json() { # file expression: python3 on the report's JSON (d)
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}
cat >"$T/k.yaml" <<YAML
kiosk_id: hall
database: $T/k.db
YAML

# 1. Before and after one person. Two closed batches, then one person
# today (open), then that day closed with fewer than K sessions.
"$GEN" -o "$T/k.db" --kiosk-id hall 2>/dev/null <<'SPEC'
n=9 day=2024-05-02 lang=fr kiosk=hall stage=result score=80 passed=1 ans=q1:o1:0:1,q2:o2:1:0 ch=c1:1:100 label=mardi cq=c1:q6:1:1
n=6 day=2024-05-03 lang=en kiosk=hall stage=result score=40 passed=0 ans=q1:o1:2:0,q2:o2:1:1 ch=c1:1:50 cq=c1:q6:0:0
SPEC
snap() { # name: every output that leaves the kiosk, into $T/name/
	mkdir -p "$T/$1"
	for f in text csv html json; do
		"$R" "$T/k.db" --format $f -o "$T/$1/report.$f" 2>>"$T/$1/err"
	done
	"$EXPORT" --outbox "$T/$1/out" --config "$T/k.yaml" --day 2024-06-01 --no-journal \
		>/dev/null 2>>"$T/$1/err"
	sqlite3 "$T/$1/out/hall-2024-06-01.db" \
		"SELECT * FROM b_batch; SELECT * FROM b_day; SELECT * FROM b_score; SELECT * FROM b_chapter;
		 SELECT * FROM b_answer; SELECT * FROM b_label; SELECT * FROM b_item;
		 SELECT * FROM b_chapter_answer;" >"$T/$1/batches.txt"
	grep -v '^written:\|^disk_free' "$T/$1/out/hall.health" >"$T/$1/health.txt"
	rm -rf "$T/$1/out"
}
same() { # name a b
	if diff -r "$T/$2" "$T/$3" >"$T/diff.out" 2>&1; then pass "$1"; else fail "$1" "$(head -c 600 "$T/diff.out")"; fi
}
snap before
echo "# before: $(json "$T/before/report.json" "d['total']")"
[ -s "$T/before/batches.txt" ] && pass "the closed batches leave the kiosk ($(wc -l <"$T/before/batches.txt") rows of counters)" ||
	fail "batches" "$(cat "$T/before/err")"
echo 'n=1 day=2024-05-04 lang=de kiosk=hall stage=result score=30 passed=0 ans=q1:o1:3:0,q2:o2:3:0 ch=c1:1:10 cq=c1:q6:2:0' |
	"$GEN" -o "$T/k.db" --no-close 2>/dev/null
snap after-open
same "one more person, day still open: every report format, the batch file and the health file unchanged" before after-open
"$GEN" -o "$T/k.db" --close 2024-05-04 --kiosk-id hall </dev/null 2>/dev/null
snap after-close
same "that day closed with one visitor (fewer than K): still in no file that leaves the kiosk" before after-close
# K - 1 more people the next day: the pending days become one batch of K.
echo 'n=4 day=2024-05-05 lang=fr kiosk=hall stage=result score=60 passed=0 ans=q1:o1:0:1,q2:o2:3:0 ch=c1:1:100' |
	"$GEN" -o "$T/k.db" --close 2024-05-05 --kiosk-id hall 2>/dev/null
spans=$(sqlite3 "$T/k.db" "SELECT group_concat(first_day || '..' || last_day || ':' || size, ' ') FROM batch")
[ "$spans" = "2024-05-02..2024-05-02:9 2024-05-03..2024-05-03:6 2024-05-04..2024-05-05:5" ] &&
	pass "the one-visitor day is published only inside a batch of K ($spans)" || fail "merged batch" "$spans"

# 2. Labels never split a batch below K: « jeudi » has 2 people in a batch
# of 20; its own row would be those two. It is pooled (row « * ») with the
# smallest other label, so the pool too holds K or more.
"$GEN" -o "$T/l.db" 2>/dev/null <<'SPEC'
n=12 day=2024-05-02 stage=result score=80 passed=1 label=mardi
n=2 day=2024-05-02 stage=result score=10 passed=0 label=jeudi
n=6 day=2024-05-02 stage=result score=50 passed=0 label=vendredi
SPEC
"$R" "$T/l.db" --format json -o "$T/l.json"
labels=$(json "$T/l.json" "' '.join(sorted('%s=%s' % (g['key'], g['sessions']) for g in d['labels']))")
echo "# label rows: $labels"
case " $labels " in
*" jeudi="* | *" vendredi="*) fail "a label row under K, or one that subtracts to it" "$labels" ;;
*" mardi="*" * "* | *"*="*" mardi="*) pass "jeudi (2) pooled with vendredi (6) in « * »; mardi shown ($labels)" ;;
*) fail "label rows" "$labels" ;;
esac

# 3. Three kiosks of one day, 20/14/6 people (the 6 all failed): the
# merged report and the report of the two big ones do not subtract to the
# small one.
for k in a:20:1 b:14:1 c:6:0; do
	id=${k%%:*} rest=${k#*:} n=${rest%%:*} p=${rest#*:}
	echo "n=$n day=2024-05-02 kiosk=site-$id stage=result score=$((40 + 40 * p)) passed=$p ans=q1:o1:$((1 - p)):$p" |
		"$GEN" -o "$T/$id.db" --seed $n 2>/dev/null
done
"$R" "$T/a.db" "$T/b.db" "$T/c.db" --format json -o "$T/abc.json"
"$R" "$T/a.db" "$T/b.db" --format json -o "$T/ab.json"
echo "# a+b+c: $(json "$T/abc.json" "d['total']")"
echo "# a+b:   $(json "$T/ab.json" "d['total']")"
for f in sessions quiz_taken; do
	lo=$(json "$T/abc.json" "d['total']['$f'] - $(json "$T/ab.json" "d['total']['$f']") - 4")
	hi=$((lo + 8))
	[ "$lo" -lt 6 ] && [ "$hi" -gt 6 ] &&
		pass "kiosk subtraction: the small kiosk's $f lies anywhere in $lo..$hi (it has 6)" ||
		fail "kiosk subtraction $f" "$lo..$hi"
done
shown=$(json "$T/abc.json" "all(g['sessions'] is not None and g['pass_rate_pct'] is not None for g in d['kiosks'])")
[ "$shown" = True ] && pass "each kiosk's row is shown, perturbed: $(json "$T/abc.json" "[(g['key'], g['sessions'], g['pass_rate_pct']) for g in d['kiosks']]")" ||
	fail "kiosk rows" "$(json "$T/abc.json" "d['kiosks']")"

# 4. Five people, all failed, all chose B on q2. A published 0 % could
# come from 1 who passed: other cohorts with one success publish the same.
twin() { # name expression five-spec alt-spec: a seed whose alt cohort publishes what five does
	printf '%b' "$3" | "$GEN" -o "$T/$1.db" 2>/dev/null
	"$R" "$T/$1.db" --format json -o "$T/$1.json"
	rate=$(json "$T/$1.json" "$2")
	twin=""
	for s in $(seq 1 60); do
		rm -f "$T/alt.db"
		printf '%b' "$4" | "$GEN" -o "$T/alt.db" --seed "$s" 2>/dev/null
		"$R" "$T/alt.db" --format json -o "$T/alt.json"
		if [ "$(json "$T/alt.json" "$2")" = "$rate" ]; then twin=$s; break; fi
	done
}
twin five "d['total']['pass_rate_pct']" 'n=5 day=2024-05-02 stage=result score=40 passed=0 ans=q2:o1:1:0\n' \
	'n=4 day=2024-05-02 stage=result score=40 passed=0 ans=q2:o1:1:0\nn=1 day=2024-05-02 stage=result score=80 passed=1 ans=q2:o1:0:1\n'
[ -n "$twin" ] && pass "five who failed publish a pass rate of $rate %; so does a cohort where one passed (seed $twin): nothing certain" ||
	fail "five failed" "no cohort with a success publishes $rate % (60 tried)"
# The same for a chapter's question: five wrong at their first try.
twin five-c "d['chapter_questions'][0]['right_pct']" 'n=5 day=2024-05-02 stage=chapter cq=c1:q6:2:0\n' \
	'n=4 day=2024-05-02 stage=chapter cq=c1:q6:2:0\nn=1 day=2024-05-02 stage=chapter cq=c1:q6:1:1\n'
[ -n "$twin" ] && pass "five wrong on a chapter's question publish $rate % right; so does a cohort where one was right (seed $twin): nothing certain" ||
	fail "five wrong on a chapter question" "no cohort with one right publishes $rate % (60 tried)"

# 5. The same cell, the same deviation: every run, every format.
"$R" "$T/k.db" --format json -o "$T/r1.json"
"$R" "$T/k.db" --format json -o "$T/r2.json"
cmp -s "$T/r1.json" "$T/r2.json" && pass "two runs: the same published figures" || fail "reruns" "differ"
n=$(json "$T/r1.json" "d['total']['sessions']")
"$R" "$T/k.db" --format csv -o "$T/r.csv"
"$R" "$T/k.db" --format text -o "$T/r.txt"
grep -q "total[;,]$n[;,]" "$T/r.csv" && grep -Eq "Sessions[ .]+(≈ *)?$n\$" "$T/r.txt" &&
	pass "the total's $n sessions: the same in JSON, CSV and text" ||
	fail "formats" "json $n; csv: $(grep total "$T/r.csv" | head -1); text: $(grep Sessions "$T/r.txt" | head -1)"
# A chapter question's published answers and rate: the same deviation in
# JSON, CSV, text and HTML.
"$R" "$T/k.db" --format html -o "$T/r.html"
a=$(json "$T/r1.json" "d['chapter_questions'][0]['answered']")
p=$(json "$T/r1.json" "('%.1f' % d['chapter_questions'][0]['right_pct']).replace('.', ',')")
pc=$(echo "$p" | tr , .)
if grep -q "^tu-me-suis,c1,q6,$a,$pc," "$T/r.csv" &&
	grep -Eq "^  q6 +c1 +≈ $a +≈ $p %" "$T/r.txt" &&
	grep -q "<td>q6</td><td class='l'>c1</td><td>≈ $a</td><td>≈ $p %</td>" "$T/r.html"; then
	pass "chapter question q6: ≈ $a answers, ≈ $p % right, the same in JSON, CSV, text and HTML"
else
	fail "chapter question formats" "json $a $p; csv: $(grep ',q6,' "$T/r.csv"); text: $(grep '^  q6' "$T/r.txt"); html: $(grep -o '<td>q6</td>.\{0,80\}' "$T/r.html")"
fi
