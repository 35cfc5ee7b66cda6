#!/bin/sh
# unit_filter.sh UNIT: prints the system calls UNIT's SystemCallFilter=
# lines leave allowed, one a line, for tests/tools/seccomp_run.c. Read as
# systemd.exec(5) says: the first line decides the mode (an allow list
# here; the unit's must start with one), @default is always allowed in that
# mode, and each later line adds its calls or, with "~", takes them away, in
# order. Groups (@system-service) are expanded with systemd-analyze
# syscall-filter, which needs no running systemd.
set -e
unit=$1
[ -f "$unit" ] || { echo "unit_filter: no unit file '$unit'" >&2; exit 2; }
command -v systemd-analyze >/dev/null || { echo "unit_filter: systemd-analyze missing" >&2; exit 2; }

# expand NAME...: the system calls of each group (recursively) or name.
expand() {
	for name in "$@"; do
		case "$name" in
		@*)
			systemd-analyze syscall-filter --no-pager "$name" |
				sed -n '2,$ { s/^ *//; /^#/d; /^$/d; p }' |
				while read -r item; do expand "$item"; done
			;;
		*) echo "$name" ;;
		esac
	done
}

set_file=$(mktemp)
trap 'rm -f "$set_file" "$set_file.new"' EXIT
first=yes
grep '^SystemCallFilter=' "$unit" | sed 's/^SystemCallFilter=//' | while read -r line; do
	case "$line" in
	"~"*)
		[ $first = no ] || { echo "unit_filter: $unit starts with a deny list" >&2; exit 2; }
		# shellcheck disable=SC2086
		expand ${line#\~} | sort -u >"$set_file.new"
		sort -u "$set_file" | comm -23 - "$set_file.new" >"$set_file.tmp"
		mv "$set_file.tmp" "$set_file"
		;;
	*)
		[ $first = no ] || expand @default >"$set_file"
		# shellcheck disable=SC2086
		expand $line >>"$set_file"
		;;
	esac
	first=no
done
sort -u "$set_file"
