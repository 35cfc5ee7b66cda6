#!/bin/sh
# kiosk-report --content DIR: chapters, questions, the most chosen wrong
# answer and objectives named by their texts, in the text and HTML reports.
. tests/lib.sh
R=$REPORT
T=$TMP

"$GEN" -o "$T/m.db" <<'SPEC' 2>/dev/null
n=8 day=2024-05-02 lang=fr module=mini stage=result end=finished score=67 ch=public:1:100,reflexes:1:-1 ans=q-public:share:0:0,q-capture:share:1:1,q-doute:doubt:1:1
n=6 day=2024-05-02 lang=en module=mini stage=result end=finished score=100 passed=1 ch=public:1:100,reflexes:1:-1 ans=q-public:share:1:1,q-capture:share:1:1,q-doute:doubt:1:1
SPEC

"$R" "$T/m.db" --content "$MINI" >"$T/t.txt" 2>"$T/t.err"
check "text: exits 0 with --content" test $? -eq 0
has "text: the question's text" "$T/t.txt" "« Qui peut lire un message public ? »"
has "text: the most chosen wrong answer's text" "$T/t.txt" "réponse A : « Seulement mes amis »"
line_has "text: the chapter's title on its row" "$T/t.txt" "  public " "Qui me voit ?"
"$R" "$T/m.db" >"$T/plain.txt" 2>&1
check "text: without --content, ids only" sh -c "! grep -q 'Qui peut lire' $T/plain.txt"
"$R" "$T/m.db" --content "$MINI" --format html -o "$T/r.html"
has "html: the question's text" "$T/r.html" "Qui peut lire un message public ?"
has "html: the wrong answer's text" "$T/r.html" "« Seulement mes amis »"
"$R" "$T/m.db" --content "$MINI" --format csv >"$T/c.csv"
"$R" "$T/m.db" --format csv >"$T/c0.csv"
# The same rows: --content only puts them in the module's order.
sort "$T/c.csv" >"$T/c.sorted"
sort "$T/c0.csv" >"$T/c0.sorted"
check "csv: the same rows with or without --content" cmp -s "$T/c.sorted" "$T/c0.sorted"
"$R" "$T/m.db" --content "$TMP/nowhere" >"$T/bad.txt" 2>&1
check "a folder that is not a module: exit 2 with the reason" sh -c \
	"[ $? -eq 2 ] && grep -q 'nowhere/module.yaml' $T/bad.txt"
