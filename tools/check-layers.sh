#!/usr/bin/env bash
# check-layers.sh: the generator's stages may only include downwards.
#
# gen/ has one folder per stage of the pipeline (README.md, "How it is built").
# A file may include headers of its own stage and of the stages below it,
# never of a stage above: the numbers do not know about templates, the
# document tree does not know about its writers, a writer does not know
# about publishing. html and pdf are two writers of the same rank and may
# not include each other. charts/ is the chart library: it uses gen/base/
# (allocation, strings) and nothing else of gen/. gen/main.c and gen/sav_export_main.c sit on top.
#
#   tools/check-layers.sh [ROOT]    prints each breach; exit 1 if any
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2

rank() {
	case $1 in
	base) echo 0 ;; charts) echo 1 ;; input) echo 2 ;; numbers) echo 3 ;;
	document) echo 4 ;; template) echo 5 ;; html | pdf) echo 6 ;; site) echo 7 ;;
	main) echo 8 ;; *) echo -1 ;;
	esac
}

# header name -> the stage that owns it
declare -A owner
for h in gen/*/*.h charts/*.h; do
	d=$(dirname "$h")
	owner[$(basename "$h")]=$(basename "$d")
done

bad=0
for f in gen/*/*.[ch] gen/*.c charts/*.[ch]; do
	case $f in
	gen/*/*) stage=$(basename "$(dirname "$f")") ;;
	gen/*) stage=main ;;
	charts/*) stage=charts ;;
	esac
	r=$(rank "$stage")
	if [ "$r" -lt 0 ]; then
		echo "$f: folder gen/$stage is not a known stage; add it to tools/check-layers.sh"
		bad=1
		continue
	fi
	while IFS=: read -r line inc; do
		h=${inc#*\"}
		h=${h%\"*}
		o=${owner[$h]:-}
		[ -n "$o" ] || { echo "$f:$line: includes \"$h\", which is in no stage folder"; bad=1; continue; }
		[ "$o" = "$stage" ] && continue
		ro=$(rank "$o")
		if [ "$ro" -gt "$r" ] || { [ "$ro" -eq "$r" ] && [ "$o" != "$stage" ]; }; then
			echo "$f:$line: $stage includes \"$h\" of $o (a higher or sibling stage)"
			bad=1
		fi
	done < <(grep -n '^#include "' "$f" | sed 's/^\([0-9]*\):/\1:/')
done
[ "$bad" -eq 0 ] && echo "layers: every include points down (base < charts < input < numbers < document < template < html, pdf < site < main)"
exit "$bad"
