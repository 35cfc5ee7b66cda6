#!/bin/sh
# The layers of kiosk/ (docs/design.md), from the bottom up. A folder may
# include headers of its own folder and of folders before it in this list,
# never of one after it: so no folder uses one above it, and no circle
# between folders can form (a circle needs an upward include). Files at the
# top of kiosk/ (main.c) are the folder "main". This list is the one place
# the order is written; the Makefile runs this script with every build and
# with `make lint`.
LAYERS="core platform report trainer context screens app check headless main bundle export"
# Owned state other folders reach only through calls: "member:folder"
# means that `->member->` may be written in that folder only (struct ui is
# screens/ui.c's, struct loop is app/app.c's).
PRIVATE="ui:screens loop:app"
#
# usage: sh tools/layers.sh [--print] [ROOT]   (ROOT: the checkout, default .)
#        sh tools/layers.sh --calls OBJDIR OBJECT...  (OBJDIR: BUILD/obj)
# --print also lists each folder and the folders it includes.
# --calls reads the compiled objects instead (nm): a function or variable
# that an object of one folder uses and an object of a folder above defines
# is refused too, whichever header declared it.
# Exit 0 when every include (or call) goes down or sideways within its
# folder; 1 with one line per offending one (FILE:LINE: why) otherwise.
if [ "$1" = "--calls" ]; then
	objdir=$2
	shift 2
	# "D folder symbol" for what an object defines, "U folder symbol file"
	# for what it uses.
	for o in "$@"; do
		rel=${o#"$objdir"/kiosk/}
		case $rel in */*) f=${rel%%/*} ;; *) f=main ;; esac
		nm --defined-only "$o" | awk -v f="$f" '$2 ~ /^[TDBR]$/ { print "D", f, $3 }'
		nm -u "$o" | awk -v f="$f" -v o="$rel" '{ print "U", f, $2, o }'
	done | awk -v layers="$LAYERS" '
	BEGIN {
		n = split(layers, l, " ")
		for (i = 1; i <= n; i++)
			rank[l[i]] = i
		bad = 0
	}
	$1 == "D" {
		# A name two folders define (each program'"'"'s main) tells nothing.
		if (($3 in def) && def[$3] != $2)
			twice[$3] = 1
		def[$3] = $2
		next
	}
	{ use[NR] = $0 }
	END {
		for (i in use) {
			split(use[i], u, " ")
			if (!(u[3] in def) || (u[3] in twice))
				continue # a library'"'"'s
			to = def[u[3]]
			if (!(u[2] in rank) || !(to in rank)) {
				printf "kiosk/%s: folder not in LAYERS (tools/layers.sh)\n", u[4]
				bad = 1
			} else if (rank[to] > rank[u[2]]) {
				printf "kiosk/%s: %s (layer %d) calls %s of %s (layer %d), above it\n", \
				    u[4], u[2], rank[u[2]], u[3], to, rank[to]
				bad = 1
			}
		}
		exit bad
	}'
	exit $?
fi
print=0
if [ "$1" = "--print" ]; then
	print=1
	shift
fi
root=${1:-.}
cd "$root" || exit 2
[ -d kiosk ] || {
	echo "layers: no kiosk/ folder in $root" >&2
	exit 2
}
find kiosk -name '*.[ch]' | LC_ALL=C sort | xargs grep -Hn -e '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' \
	-e '->[a-z_]*->' /dev/null |
	awk -v layers="$LAYERS" -v private="$PRIVATE" -v show="$print" '
	BEGIN {
		n = split(layers, l, " ")
		for (i = 1; i <= n; i++)
			rank[l[i]] = i
		np = split(private, p, " ")
		for (i = 1; i <= np; i++) {
			split(p[i], kv, ":")
			owner[kv[1]] = kv[2]
		}
		while (("find kiosk -name \"*.h\"" | getline h) > 0)
			header[h] = 1
		bad = 0
	}
	function folder(path,   parts, m) {
		m = split(path, parts, "/")
		return m == 2 ? "main" : parts[2]
	}
	{
		# FILE:LINE:TEXT
		file = $0; sub(/:.*/, "", file)
		rest = substr($0, length(file) + 2)
		line = rest; sub(/:.*/, "", line)
		text = substr(rest, length(line) + 2)
		from = folder(file)
		if (!(from in rank)) {
			if (!(from in told)) {
				printf "%s: folder kiosk/%s is not in LAYERS (tools/layers.sh): place it\n", file, from
				told[from] = 1
			}
			bad = 1
			next
		}
		if (text ~ /#[ \t]*include/) {
			inc = text
			sub(/^[^"]*"/, "", inc)
			sub(/".*$/, "", inc)
			dir = file; sub(/\/[^\/]*$/, "", dir)
			# As the compiler finds it: beside the file, else from -Ikiosk.
			if ((dir "/" inc) in header)
				to = folder(dir "/" inc)
			else if (("kiosk/" inc) in header)
				to = folder("kiosk/" inc)
			else
				next # not a header of kiosk/ (a system or test path)
			if (to != from)
				uses[from " " to] = 1
			if (rank[to] > rank[from]) {
				printf "%s:%s: %s (layer %d) includes %s of %s (layer %d), above it\n", \
				    file, line, from, rank[from], inc, to, rank[to]
				bad = 1
			}
			next
		}
		s = text
		while (match(s, /->[a-z_]+->/)) {
			m = substr(s, RSTART + 2, RLENGTH - 4)
			if ((m in owner) && owner[m] != from) {
				printf "%s:%s: ->%s-> is the state of kiosk/%s: use its calls\n", \
				    file, line, m, owner[m]
				bad = 1
			}
			s = substr(s, RSTART + RLENGTH - 2)
		}
	}
	END {
		if (show)
			for (i = n; i >= 1; i--) {
				list = ""
				for (j = i - 1; j >= 1; j--)
					if ((l[i] " " l[j]) in uses)
						list = list " " l[j]
				printf "%-9s ->%s\n", l[i], list == "" ? " (nothing)" : list
			}
		exit bad
	}'
