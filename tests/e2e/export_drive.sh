#!/bin/sh
# « Exporter » to prepared USB drives (issue 21): a symbolic link at every
# name the export uses (the kiosk's own PIN lockout file among the targets),
# a FIFO, a folder, a read-only, a full and a pulled-out drive. The kiosk
# writes only plain new files inside the drive, never waits, says why and
# leaves no temporary file.
. tests/lib.sh
T=$TMP
yesterday=$(date -d yesterday +%F)
"$GEN" -o "$T/kiosk.db" <<SPEC || fail "sessions of closed days" "gen_sessions failed"
n=6 day=$yesterday stage=result end=finished score=80 passed=1
n=5 day=$yesterday stage=result end=finished score=40 passed=0
SPEC
conf() { # drive-folder > settings
	cat <<YAML
kiosk_id: accueil-1
database: $T/kiosk.db
trainer_pin: '$TRAINER_PIN_HASH'
export_dir: $1
YAML
}
export_to() { # name drive [env...]: exports everything to the drive; rc in $rc
	name=$1 drive=$2
	shift 2
	conf "$drive" >"$T/$name.yaml"
	printf 'hold 0.05 0.05 3500\nexpect trainer-pin\npress 2\npress 4\npress 6\npress 8\npress 1\npress 3\npress OK\nexpect trainer\npress Exporter\npress Exporter tout\nexpect trainer\n' >"$T/$name.script"
	env "$@" timeout 60 "$KIOSK" --headless --script "$T/$name.script" --size 1280x720 \
		--config "$T/$name.yaml" --content "$MINI" >"$T/$name.trace" 2>"$T/$name.err"
	rc=$?
}
NAMES="kiosk-accueil-1-tout.html kiosk-accueil-1-tout.csv kiosk-accueil-1-tout.db"
PARTS=".kiosk-accueil-1-tout.html.part .kiosk-accueil-1-tout.csv.part .kiosk-accueil-1-tout.db.part"

# A symbolic link at every name, to the PIN lockout file (writing it would
# lift the lockout) or to a new file outside the drive.
mkdir -p "$T/links" "$T/outside"
echo "failures 0 locks 0 until 0" >"$T/kiosk.db.pin-lock"
cp "$T/kiosk.db.pin-lock" "$T/pin-lock.before"
i=0
for n in $NAMES $PARTS; do
	i=$((i + 1))
	if [ $((i % 2)) = 1 ]; then ln -s "$T/kiosk.db.pin-lock" "$T/links/$n"; else ln -s "$T/outside/new-$i" "$T/links/$n"; fi
done
export_to links "$T/links"
check "links: the kiosk carries on" test "$rc" -eq 0
cmp -s "$T/kiosk.db.pin-lock" "$T/pin-lock.before" && pass "links: the PIN lockout file outside the drive is untouched" ||
	fail "links: the PIN lockout file outside the drive is untouched" "now: $(head -c 200 "$T/kiosk.db.pin-lock")"
out=$(ls -A "$T/outside")
[ -z "$out" ] && pass "links: nothing created outside the drive" || fail "links: nothing created outside the drive" "$out"
for n in kiosk-accueil-1-tout.html kiosk-accueil-1-tout.csv; do
	if [ -f "$T/links/$n" ] && [ ! -L "$T/links/$n" ] && [ -s "$T/links/$n" ]; then pass "links: $n is a plain file on the drive"; else fail "links: $n is a plain file on the drive" "$(ls -l "$T/links/$n" 2>&1)"; fi
done
left=$(ls -A "$T/links" | grep '\.part$' | while read -r p; do [ -L "$T/links/$p" ] || echo "$p"; done)
[ -z "$left" ] && pass "links: no temporary file of the kiosk left" || fail "links: no temporary file left" "$left"

# A FIFO at a temporary name and at a final name: opening it for writing
# would wait for a reader for ever (the watchdog would kill the kiosk).
mkdir -p "$T/fifo"
mkfifo "$T/fifo/.kiosk-accueil-1-tout.html.part" "$T/fifo/kiosk-accueil-1-tout.csv"
export_to fifo "$T/fifo"
[ "$rc" = 0 ] && pass "FIFO: the kiosk never waits on it" || fail "FIFO: the kiosk never waits on it" "exit $rc (124: still waiting after 60 s)"
for n in kiosk-accueil-1-tout.html kiosk-accueil-1-tout.csv; do
	if [ -f "$T/fifo/$n" ] && [ ! -p "$T/fifo/$n" ]; then pass "FIFO: $n written"; else fail "FIFO: $n written" "$(ls -la "$T/fifo" 2>&1 | tr '\n' ' ')"; fi
done

# A folder at a temporary name, then at a final name: a clear message,
# the folder and its content untouched, nothing else left.
for where in .kiosk-accueil-1-tout.csv.part kiosk-accueil-1-tout.csv; do
	rm -rf "$T/dir"
	mkdir -p "$T/dir/$where"
	echo keep >"$T/dir/$where/inside"
	export_to dir "$T/dir"
	check "folder at $where: the kiosk carries on" test "$rc" -eq 0
	has "folder at $where: the trainer is told what is in the way" "$T/dir.err" "« $where », qui n'est pas un fichier ordinaire"
	has "folder at $where: its content untouched" "$T/dir/$where/inside" keep
	left=$(ls -A "$T/dir" | grep -vxF "$where")
	[ -z "$left" ] && pass "folder at $where: no file left, complete or not" || fail "folder at $where: files left" "$left"
done

# The drive's folder itself a link: refused (a drive is mounted on a
# folder, never on a link).
mkdir -p "$T/real"
ln -s "$T/real" "$T/linked-drive"
export_to linked "$T/linked-drive"
check "a link as the drive folder: the kiosk carries on" test "$rc" -eq 0
left=$(ls -A "$T/real")
[ -z "$left" ] && pass "a link as the drive folder: not followed" || fail "a link as the drive folder: not followed" "$left"

# Read-only and full drives: a real tmpfs (this needs root, as CI is).
drive_fault() { # name mount-options expected-log
	mkdir -p "$T/$1-usb"
	if ! mount -t tmpfs -o "$2" tmpfs "$T/$1-usb" 2>"$T/$1.mount"; then
		fail "export to a $1 drive" "cannot mount a tmpfs here ($(cat "$T/$1.mount")); run as root"
		return
	fi
	export_to "$1" "$T/$1-usb"
	left=$(ls -A "$T/$1-usb")
	umount "$T/$1-usb"
	check "export to a $1 drive: the kiosk carries on" test "$rc" -eq 0
	has "export to a $1 drive: the reason is logged" "$T/$1.err" "$3"
	[ -z "$left" ] && pass "export to a $1 drive: no file left, complete or not" || fail "export to a $1 drive: files left" "$left"
}
drive_fault read-only ro,size=1m "Read-only file system"
drive_fault full size=12k "No space left on device"

# No drive plugged in, under kiosk.service's sandbox: ReadWritePaths=
# bind-mounts the system disk's /media/kiosk on itself, so /proc/self/mounts
# lists it with no drive there. The export must say there is no drive, not
# write to the kiosk's own disk and say it is done; a drive mounted there
# then gets the files. In a mount namespace of its own (root, as above).
conf "" | grep -v '^export_dir:' >"$T/nodrive.yaml"
unlock >"$T/nodrive.script" && printf 'press Exporter\npress Exporter tout\nexpect trainer\n' >>"$T/nodrive.script"
cat >"$T/nodrive.sh" <<EOF
mount -t tmpfs tmpfs /media && mkdir /media/kiosk && mount --bind /media/kiosk /media/kiosk || exit 99
run() { timeout 60 "$KIOSK" --headless --script "$T/nodrive.script" --size 1280x720 --config "$T/nodrive.yaml" --content "$MINI" >"$T/\$1.trace" 2>"$T/\$1.err"; }
run nodrive; echo "\$?" >"$T/nodrive.rc"; ls -A /media/kiosk >"$T/nodrive.ls"
mount -t tmpfs -o size=4m tmpfs /media/kiosk && run drive; echo "\$?" >"$T/drive.rc"; ls -A /media/kiosk >"$T/drive.ls"
EOF
if unshare --mount --propagation private sh "$T/nodrive.sh" 2>"$T/nodrive.ns"; then
	check "no drive, /media/kiosk bind-mounted as the unit does: the kiosk carries on" test "$(cat "$T/nodrive.rc")" -eq 0
	has "no drive: the trainer is told to plug one in" "$T/nodrive.err" "Aucune clé USB trouvée"
	[ ! -s "$T/nodrive.ls" ] && pass "no drive: nothing written to the system disk's /media/kiosk" ||
		fail "no drive: nothing written to the system disk's /media/kiosk" "$(tr '\n' ' ' <"$T/nodrive.ls")"
	check "a drive then mounted there: the kiosk carries on" test "$(cat "$T/drive.rc")" -eq 0
	for n in kiosk-accueil-1-tout.html kiosk-accueil-1-tout.csv; do
		has "a drive mounted at /media/kiosk: $n written to it" "$T/drive.ls" "$n"
	done
else
	fail "no drive under the unit's bind mount" "cannot make a mount namespace here ($(cat "$T/nodrive.ns")); run as root"
fi

# A drive pulled out mid-write: every write and sync under it fails with
# EIO after the first 2 KiB (tests/preload/eio.c).
mkdir -p "$T/pulled-usb"
if cc -shared -fPIC -O2 -o "$T/eio.so" tests/preload/eio.c -ldl 2>"$T/eio.cc"; then
	export_to pulled "$T/pulled-usb" KIOSK_FAULT_DIR="$T/pulled-usb" KIOSK_FAULT_AFTER=2048 LD_PRELOAD="$T/eio.so"
	check "export to a drive pulled out: the kiosk carries on" test "$rc" -eq 0
	has "export to a drive pulled out: the reason is logged" "$T/pulled.err" "Input/output error"
	left=$(ls -A "$T/pulled-usb")
	[ -z "$left" ] && pass "export to a drive pulled out: no file left, complete or not" || fail "export to a drive pulled out: files left" "$left"
else
	fail "export to a drive pulled out" "cannot build the fault library: $(cat "$T/eio.cc")"
fi
exit 0
