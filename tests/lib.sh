# Shared by the shell suites: run from the repo root by tests/run.sh.
# Each suite prints "PASS name" or "FAIL name: why" per test.
ROOT=$(pwd)
BUILD=${BUILD:-build}
KIOSK="$ROOT/$BUILD/kiosk"
# Every JSON report the suites write is checked against its schema
# (tests/tools/report_checked.sh): the verdicts go to descriptor 9, the
# suite's output.
REPORT_BIN="$ROOT/$BUILD/kiosk-report"
REPORT_ROOT=$ROOT
export REPORT_BIN REPORT_ROOT
REPORT="$ROOT/tests/tools/report_checked.sh"
exec 9>&1
PROBE="$ROOT/$BUILD/tools/pngprobe"
[ -x "$PROBE" ] || PROBE="$ROOT/build/tools/pngprobe"
MINI="$ROOT/tests/fixtures/mini"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-test.XXXXXX")
[ -n "${KEEP_TMP:-}" ] && echo "# keeping $TMP" >&2 || trap 'rm -rf "$TMP"' EXIT
export SDL_AUDIODRIVER=dummy

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
# check NAME COMMAND...: PASS if the command succeeds.
check() {
	name=$1
	shift
	if "$@" >"$TMP/check.out" 2>&1; then pass "$name"; else fail "$name" "$(head -c 600 "$TMP/check.out" | tr '\n' ' ')"; fi
}

# has NAME FILE TEXT: PASS if FILE contains TEXT.
has() { # name file text
	if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1" "'$3' not in $2: $(head -c 600 "$2")"; fi
}
# line_has NAME FILE SELECTOR TEXT...: the first line of FILE with SELECTOR
# contains every TEXT.
line_has() { # name file line-selector text...
	name=$1 file=$2 sel=$3
	shift 3
	l=$(grep -F -- "$sel" "$file" | head -1)
	for want in "$@"; do
		case "$l" in *"$want"*) ;; *) fail "$name" "'$want' not in: $l"; return ;; esac
	done
	pass "$name"
}
GEN="$ROOT/$BUILD/tools/gen_sessions"

# wait_for FILE TEXT [SECONDS]: wait until FILE holds TEXT (a trace or log
# line: the event itself, not a guess of how long a loaded machine takes).
# SECONDS (default 120) only catches a hang; status 1 then.
wait_for() {
	_n=$((${3:-120} * 20))
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		_n=$((_n - 1))
		[ "$_n" -gt 0 ] || return 1
		sleep 0.05
	done
}

# unlock: the script lines that open the trainer screen (the 3 s hold in
# the corner, the test PIN 246813 of $TMP/kiosk.yaml, OK).
unlock() {
	printf 'hold 0.05 0.05 3500\nexpect trainer-pin\npress 2\npress 4\npress 6\npress 8\npress 1\npress 3\npress OK\nexpect trainer\n'
}

# content_root DIR: a content root as kiosk-bundle lays it out, the test
# module as versions/mini-3 (current) and versions/mini-4 (to swap to).
content_root() {
	mkdir -p "$1/versions"
	cp -R "$MINI" "$1/versions/mini-3"
	cp -R "$MINI" "$1/versions/mini-4"
	sed -i 's/^version: .*/version: 4/' "$1/versions/mini-4/module.yaml"
	ln -s versions/mini-3 "$1/current"
}

# start_xvfb: an Xvfb on a display number nobody uses (-displayfd), ready
# when this returns; sets $display and $xpid (stop it with kill $xpid).
start_xvfb() {
	Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$TMP/xvfb.display" >/dev/null 2>&1 &
	xpid=$!
	wait_for "$TMP/xvfb.display" "" 60 && _d=$(head -1 "$TMP/xvfb.display")
	while [ -z "${_d:-}" ] && kill -0 "$xpid" 2>/dev/null; do
		sleep 0.05
		_d=$(head -1 "$TMP/xvfb.display")
	done
	display=:$_d
	unset _d
}

# A settings file for tests: no opening hours, a database in $TMP, the
# trainer PIN 246813 (its Argon2id hash: kiosk --hash-pin).
TRAINER_PIN_HASH='$argon2id$v=19$m=65536,t=2,p=1$LdVC73yqtsQWu8ggxR/TEw$dBFkr1hWkDNX8A5XPETLwRDc5nzEt8uhSX8yDpnGt7w'
cat >"$TMP/kiosk.yaml" <<YAML
kiosk_id: test
database: $TMP/kiosk.db
trainer_pin: '$TRAINER_PIN_HASH'
idle_timeout_s: 90
still_there_s: 20
YAML

# run_script NAME SIZE [kiosk args...] < script: runs the headless kiosk,
# screenshots in $TMP/NAME/, trace in $TMP/NAME.trace, stderr in $TMP/NAME.err.
run_script() {
	name=$1
	size=$2
	shift 2
	mkdir -p "$TMP/$name"
	cat >"$TMP/$name.script"
	"$KIOSK" --headless --script "$TMP/$name.script" --size "$size" --trace \
		--config "$TMP/kiosk.yaml" --content "$MINI" --shots "$TMP/$name" "$@" \
		>"$TMP/$name.trace" 2>"$TMP/$name.err"
}

# The colour of one pixel ("R G B") of a screenshot, at fractions of its size.
pixel_at() {
	set -- "$1" "$2" "$3" "$($PROBE size "$1")"
	w=${4% *}
	h=${4#* }
	$PROBE pixel "$1" "$(awk "BEGIN{print int($2*$w)}")" "$(awk "BEGIN{print int($3*$h)}")"
}
