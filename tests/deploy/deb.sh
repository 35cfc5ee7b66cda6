#!/bin/sh
# `make deb`, then (as root) install it with apt like a fresh kiosk would,
# run the installed `kiosk --check` as the kiosk user with the installed
# paths, and purge it: every file must be gone.
BUILD=${BUILD:-build}
tmp=$(mktemp -d /tmp/kiosk-deb.XXXXXX)
# What this run installed, it purges however it ends (a suite stopped half
# way left the package installed, and every later run skipped the install).
ours=""
trap '[ -n "$ours" ] && dpkg --purge kiosk >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

if [ -n "${KIOSK_ASAN:-}" ]; then
	echo "SKIP deb: the package is built from the normal build, not the sanitizer one"
	exit 0
fi
if ! make --no-print-directory BUILD="$BUILD" deb >"$tmp/make.log" 2>&1; then
	echo "FAIL deb build: $(tail -5 "$tmp/make.log" | tr '\n' ' ')"
	exit 0
fi
deb=$(ls "$BUILD"/kiosk_*_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
	echo "FAIL deb build: no $BUILD/kiosk_*.deb"
	exit 0
fi
echo "PASS deb build: $deb ($(du -k "$deb" | cut -f1) KiB)"

dpkg-deb -f "$deb" Depends >"$tmp/depends"
missing=""
for p in cage xwayland seatd vlc-plugin-base libvlc-bin libsdl2-2.0-0 libsdl2-ttf-2.0-0 libvlc5 libsqlite3-0 libsystemd0; do
	grep -Eq "(^|, )$p( |,|$)" "$tmp/depends" || missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "PASS deb depends: $(cat "$tmp/depends")"
else
	echo "FAIL deb depends: missing$missing in: $(cat "$tmp/depends")"
fi

dpkg-deb -e "$deb" "$tmp/control"
if grep -qx /etc/kiosk/kiosk.yaml "$tmp/control/conffiles"; then
	echo "PASS deb conffiles: $(tr '\n' ' ' <"$tmp/control/conffiles")"
else
	echo "FAIL deb conffiles: /etc/kiosk/kiosk.yaml not a conffile"
fi
dpkg-deb -x "$deb" "$tmp/root"
yaml="$tmp/root/etc/kiosk/kiosk.yaml"
if grep -q '^content: */usr/share/kiosk/modules/' "$yaml" &&
	grep -q '^database: */var/lib/kiosk/kiosk.db' "$yaml"; then
	echo "PASS deb settings: content and database point at the installed paths"
else
	echo "FAIL deb settings: $(grep -E '^(content|database):' "$yaml" | tr '\n' ' ')"
fi
bad=""
for f in usr/bin/kiosk usr/bin/kiosk-report lib/systemd/system/kiosk.service \
	usr/lib/sysusers.d/kiosk.conf usr/share/man/man1/kiosk.1.gz \
	usr/share/man/man1/kiosk-report.1.gz usr/share/kiosk/modules etc/default/kiosk \
	lib/systemd/system/kiosk-retry.service lib/systemd/system/kiosk-retry.timer \
	usr/lib/sysctl.d/90-kiosk.conf usr/lib/systemd/system.conf.d/kiosk.conf \
	usr/share/kiosk/boot/grub-password usr/lib/kiosk/kiosk-cage usr/lib/kiosk/kiosk-guard \
	lib/systemd/system/kiosk-console.service etc/default/grub.d/kiosk.cfg \
	lib/systemd/system/kiosk-out-of-order.service \
	usr/share/polkit-1/rules.d/50-kiosk-retry.rules lib/systemd/system/kiosk-drive@.service \
	lib/udev/rules.d/80-kiosk-drive.rules usr/lib/tmpfiles.d/kiosk.conf \
	lib/systemd/system/kiosk-sync.service usr/lib/kiosk/kiosk-sync-setup; do
	[ -e "$tmp/root/$f" ] || bad="$bad $f"
done
[ -z "$bad" ] && echo "PASS deb layout: binaries, units, module, man pages, boot hardening" ||
	echo "FAIL deb layout: missing$bad"

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP deb install: needs root"
	exit 0
fi
# Two test runs on one machine (a clean clone's `make test` beside another)
# take turns from here to the purge: the second waits, then installs its
# own package, instead of failing on dpkg's lock or finding the first's.
exec 9>/run/lock/kiosk-test-deb.lock
if ! flock -w 1800 9; then
	echo "FAIL deb install: another run held /run/lock/kiosk-test-deb.lock for 30 minutes"
	exit 0
fi
if dpkg-query -W -f='${Status}' kiosk 2>/dev/null | grep -q 'ok installed'; then
	echo "SKIP deb install: a kiosk package is already installed here; not touching it"
	exit 0
fi

abs=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
# A mask of Ctrl+Alt+Del the admin made before is theirs: kept on remove.
cad_before=$(readlink /etc/systemd/system/ctrl-alt-del.target 2>/dev/null || true)
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "$abs" \
	>"$tmp/apt.log" 2>&1; then
	ours=yes
	echo "PASS deb install: apt-get install ./$(basename "$deb")"
else
	echo "FAIL deb install: $(tail -5 "$tmp/apt.log" | tr '\n' ' ')"
	dpkg --purge kiosk >/dev/null 2>&1
	exit 0
fi

if getent passwd kiosk >/dev/null && [ "$(stat -c %U /var/lib/kiosk 2>/dev/null)" = kiosk ] &&
	[ "$(stat -c %G:%a /etc/kiosk/kiosk.yaml)" = kiosk:640 ]; then
	echo "PASS deb postinst: kiosk user, /var/lib/kiosk, settings readable by kiosk only"
else
	echo "FAIL deb postinst: user $(getent passwd kiosk), state $(ls -ld /var/lib/kiosk 2>&1), settings $(stat -c %G:%a /etc/kiosk/kiosk.yaml 2>&1)"
fi
if [ -L /etc/systemd/system/graphical.target.wants/kiosk.service ]; then
	echo "PASS deb enable: kiosk.service starts at boot"
else
	echo "FAIL deb enable: kiosk.service not enabled"
fi
man_check=--man=no
command -v man >/dev/null 2>&1 && man_check=--man=yes
if out=$(systemd-analyze verify $man_check /lib/systemd/system/kiosk.service \
	/lib/systemd/system/kiosk-retry.service /lib/systemd/system/kiosk-retry.timer \
	/lib/systemd/system/kiosk-console.service /lib/systemd/system/kiosk-out-of-order.service 2>&1) &&
	[ -z "$out" ]; then
	echo "PASS deb unit: installed kiosk.service and kiosk-retry.* verify ($man_check)"
else
	echo "FAIL deb unit: $(echo "$out" | tr '\n' ' ')"
fi
# As the service runs it: the kiosk user, the installed settings.
if out=$(cd / && runuser -u kiosk -- /usr/bin/kiosk --check --config /etc/kiosk/kiosk.yaml 2>&1); then
	echo "PASS deb check: installed kiosk --check passes"
else
	echo "FAIL deb check: $(echo "$out" | head -5 | tr '\n' ' ')"
fi

# Boot hardening in place: Ctrl+Alt+Del masked, SysRq off at boot.
if [ "$(readlink /etc/systemd/system/ctrl-alt-del.target)" = /dev/null ] &&
	grep -qx 'kernel.sysrq = 0' /usr/lib/sysctl.d/90-kiosk.conf &&
	grep -qx 'CtrlAltDelBurstAction=none' /usr/lib/systemd/system.conf.d/kiosk.conf; then
	echo "PASS deb hardening: ctrl-alt-del.target masked, burst action off, kernel.sysrq = 0"
else
	echo "FAIL deb hardening: ctrl-alt-del.target -> $(readlink /etc/systemd/system/ctrl-alt-del.target), $(cat /usr/lib/sysctl.d/90-kiosk.conf 2>&1 | grep sysrq)"
fi

# The screen at boot: the kernel command line update-grub reads, the
# console units and settings.
cmdline=$(GRUB_CMDLINE_LINUX_DEFAULT=quiet sh -c '. /etc/default/grub.d/kiosk.cfg; echo "$GRUB_CMDLINE_LINUX_DEFAULT"' 2>&1)
if [ "$cmdline" = "quiet loglevel=3 vt.global_cursor_default=0" ] &&
	grep -qx 'ShowStatus=no' /usr/lib/systemd/system.conf.d/kiosk.conf &&
	grep -qx 'kernel.printk = 3 4 1 3' /usr/lib/sysctl.d/90-kiosk.conf &&
	grep -q '^Wants=kiosk-console.service' /lib/systemd/system/kiosk.service; then
	echo "PASS deb console: GRUB's kernel command line '$cmdline', ShowStatus=no, kernel.printk 3, kiosk-console.service wanted"
else
	echo "FAIL deb console: command line '$cmdline'; $(grep -h 'ShowStatus\|printk' /usr/lib/systemd/system.conf.d/kiosk.conf /usr/lib/sysctl.d/90-kiosk.conf | tr '\n' ' ')"
fi

# Remove, then install again: enabled again, not left masked.
if dpkg --remove kiosk >"$tmp/remove.log" 2>&1 && [ ! -e /usr/bin/kiosk ] &&
	{ [ -n "$cad_before" ] || [ ! -L /etc/systemd/system/ctrl-alt-del.target ]; } &&
	grep -q '/var/lib/kiosk' "$tmp/remove.log"; then
	echo "PASS deb remove: binaries gone, Ctrl+Alt+Del given back, says the statistics stay in /var/lib/kiosk"
else
	echo "FAIL deb remove: $(tail -3 "$tmp/remove.log" | tr '\n' ' ') ctrl-alt-del: $(readlink /etc/systemd/system/ctrl-alt-del.target)"
fi
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "$abs" \
	>"$tmp/apt2.log" 2>&1 && [ -L /etc/systemd/system/graphical.target.wants/kiosk.service ] &&
	[ "$(readlink /etc/systemd/system/kiosk.service 2>/dev/null)" != /dev/null ]; then
	echo "PASS deb reinstall: after remove, install again leaves kiosk.service enabled, not masked"
else
	echo "FAIL deb reinstall: wants link: $(ls -l /etc/systemd/system/graphical.target.wants/kiosk.service 2>&1), mask: $(ls -l /etc/systemd/system/kiosk.service 2>&1) $(tail -2 "$tmp/apt2.log" | tr '\n' ' ')"
fi

if dpkg --purge kiosk >"$tmp/purge.log" 2>&1; then
	ours=""
	echo "PASS deb purge: dpkg --purge kiosk"
else
	echo "FAIL deb purge: $(tail -3 "$tmp/purge.log" | tr '\n' ' ')"
fi
left=""
for f in /usr/bin/kiosk /usr/bin/kiosk-report /lib/systemd/system/kiosk.service \
	/usr/share/kiosk /usr/share/doc/kiosk /etc/kiosk /etc/default/kiosk /var/lib/kiosk \
	/var/cache/kiosk /usr/lib/sysusers.d/kiosk.conf /usr/share/man/man1/kiosk.1.gz \
	/etc/systemd/system/graphical.target.wants/kiosk.service /etc/systemd/system/kiosk.service \
	/etc/systemd/system/ctrl-alt-del.target /usr/lib/sysctl.d/90-kiosk.conf \
	/usr/lib/systemd/system.conf.d/kiosk.conf /lib/systemd/system/kiosk-retry.timer; do
	[ -e "$f" ] || [ -L "$f" ] && left="$left $f"
done
[ -z "$left" ] && echo "PASS deb removed: no file left" || echo "FAIL deb removed: left$left"
if grep -q 'purge deletes the anonymous statistics in /var/lib/kiosk' "$tmp/purge.log"; then
	echo "PASS deb purge message: says where the statistics were before deleting them"
else
	echo "FAIL deb purge message: $(head -3 "$tmp/purge.log" | tr '\n' ' ')"
fi
