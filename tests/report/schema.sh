#!/bin/sh
# docs/report.schema.json: a valid JSON Schema that fails a report with an
# undocumented, missing or renamed field, and whose every name is
# documented in docs/reports.md. (Every JSON report the suites write is
# validated against it: tests/tools/report_checked.sh.)
. tests/lib.sh
R=$REPORT
T=$TMP
SCHEMA="$ROOT/docs/report.schema.json"

# A report with every section filled, hidden figures and no-label rows.
sh tests/tools/demo_day.sh | sed 's/kiosk=accueil-2/kiosk=accueil-2 label=accueil-12-mars/' >"$T/demo.spec"
# Three in German: their average score is masked (fewer than K).
echo "n=3 day=2024-03-12 kiosk=accueil-1 lang=de module=tu-me-suis stage=result end=finished score=50 ans=q-goal-first:goals:1:1" >>"$T/demo.spec"
"$GEN" -o "$T/d.db" <"$T/demo.spec" 2>/dev/null
"$REPORT_BIN" "$T/d.db" --content assets/modules/tu-me-suis --format json -o "$T/d.json"
check "a full report is valid" python3 tests/tools/json_schema.py "$SCHEMA" "$T/d.json"
grep -q '"avg_suppressed": true' "$T/d.json" && grep -q '"key": null' "$T/d.json" &&
	grep -q '"perturbed": true' "$T/d.json" &&
	pass "it has perturbed and hidden figures and a no-label row" || fail "it has perturbed and hidden figures and a no-label row" "$(head -c 300 "$T/d.json")"

# The schema is strict: each of these changes must make the report invalid.
mutate() { # name python-statement
	python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
$2
json.dump(d, open(sys.argv[2], 'w'))" "$T/d.json" "$T/bad.json"
	if python3 tests/tools/json_schema.py "$SCHEMA" "$T/bad.json" >"$T/bad.out" 2>&1; then
		fail "schema refuses: $1" "accepted"
	else
		pass "schema refuses: $1"
	fi
}
mutate "an undocumented field" 'd["total"]["avg_duration_s"] = 1'
mutate "a missing field" 'del d["chapters"][0]["opened_pct"]'
mutate "an old name (score_bins)" 'd["score_bins"] = d.pop("scores")'
mutate "a count that is not a number" 'd["days"][0]["sessions"] = "12"'
mutate "a percentage over 100" 'd["questions"][0]["right_pct"] = 100.5'
mutate "an unknown item flag" 'd["items"][0]["flags"] = ["weak"]'
mutate "the stored no-label key" 'd["labels"][0]["key"] = "'"'"'-"'

# Every name the schema allows is documented in docs/reports.md, as
# `name`; and every key of the JSON section's table is in the schema.
if python3 - "$SCHEMA" docs/reports.md >"$T/names.out" 2>&1 <<'PY'
import json, re, sys
schema = json.load(open(sys.argv[1]))
doc = open(sys.argv[2], encoding="utf-8").read()
names = set()
def walk(node):
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            names.add(k)
        for v in node.values():
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)
walk(schema)
missing = sorted(n for n in names if f"`{n}`" not in doc)
json_part = doc[doc.index("## JSON"):]
json_part = json_part[:json_part.find("\n## ", 1) if "\n## " in json_part[1:] else len(json_part)]
# The keys of the JSON table (its first column) exist in the schema.
keys = set()
for row in json_part.split("| Key |", 1)[-1].splitlines():
    if row.startswith("| "):
        keys |= set(re.findall(r"`([a-z_]+)`", row.split("|")[1]))
extra = sorted(keys - names)
if missing or extra:
    print("not in docs/reports.md:", missing, "documented but not in the schema:", extra)
    sys.exit(1)
print(len(names), "names")
PY
then pass "every JSON name is documented ($(cat "$T/names.out"))"; else fail "every JSON name is documented" "$(cat "$T/names.out")"; fi
