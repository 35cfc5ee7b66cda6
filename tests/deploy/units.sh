#!/bin/sh
# systemd-analyze verify on every unit, and the offline security exposure of
# kiosk.service (printed, and held at or below 3.0).
BUILD=${BUILD:-build}
tmp=$(mktemp -d /tmp/kiosk-units.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

if ! command -v systemd-analyze >/dev/null 2>&1; then
	echo "FAIL units: systemd-analyze missing (Debian package systemd)"
	exit 0
fi
if [ ! -x "$BUILD/kiosk" ]; then
	echo "FAIL units: $BUILD/kiosk not built"
	exit 0
fi
repo=$(pwd)
for unit in systemd/*.service systemd/*.socket systemd/*.timer systemd/*.path; do
	[ -f "$unit" ] || continue
	name=${unit##*/}
	# The unit names the installed binary; point it at the built one so
	# verify checks that every command exists without an install.
	sed "s#/usr/bin/kiosk#$repo/$BUILD/kiosk#g" "$unit" >"$tmp/$name"
	if out=$(systemd-analyze verify --man=no "$tmp/$name" 2>&1) && [ -z "$out" ]; then
		echo "PASS verify $name"
	else
		echo "FAIL verify $name: $(echo "$out" | tr '\n' ' ')"
	fi
done

out=$(systemd-analyze security --offline=true --no-pager systemd/kiosk.service 2>&1)
figure=$(echo "$out" | sed -n 's/.*Overall exposure level for kiosk.service: \([0-9.]*\).*/\1/p')
if [ -z "$figure" ]; then
	echo "FAIL security: no exposure figure: $(echo "$out" | tail -3 | tr '\n' ' ')"
elif awk -v f="$figure" 'BEGIN { exit !(f <= 3.0) }'; then
	echo "PASS security: kiosk.service exposure $figure (target <= 3.0)"
else
	echo "FAIL security: kiosk.service exposure $figure, above 3.0"
fi
echo "$out" | grep '^✗' | sed 's/^/  open: /'

# The settings the package installs must keep what the unit relies on.
for key in 'Type=notify' 'NotifyAccess=all' 'WatchdogSec=' 'Restart=always' \
	'User=kiosk' 'StateDirectory=kiosk' 'ConfigurationDirectory=kiosk' \
	'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateNetwork=yes' 'NoNewPrivileges=yes'; do
	grep -q "^$key" systemd/kiosk.service || echo "FAIL unit: $key missing"
done
# A PAM session would move cage and the kiosk out of the service's cgroup,
# and READY=1 / WATCHDOG=1 would never reach it.
if grep -q '^PAMName=' systemd/kiosk.service; then
	echo "FAIL unit: PAMName= breaks NotifyAccess=all"
else
	echo "PASS unit: notify, watchdog, restart and sandbox settings present"
fi
