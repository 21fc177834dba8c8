# kill -9 at several moments of a run leaves the old or the new complete
# edition, never none; the next run removes the debris of the killed runs
# (<out>.staging-PID-XXXXXX of a dead PID, with the marker the run wrote into
# it) and nothing else: not a user's out.old-20240101 nor a directory with a
# staging name made by hand.
. "$ROOT/tests/e2e_lib.sh"
copy_input
# the edition without its account of changes (which depends on what it replaced)
hash_nw() {
	(cd "$1" && find . -type f ! -name 'wijzigingen.*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum
}
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null
old=$(hash_nw "$TMP/out/nederland")
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.zelfbeheer")
for r in rows[1:40]:
    r[col] = "nee"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/ref" 2>/dev/null
new=$(hash_nw "$TMP/ref/nederland")
[ "$old" != "$new" ]
# names that look like ours but are not debris of a dead run, and others
mkdir "$TMP/out.staging-1" "$TMP/out.staging-abc" "$TMP/out-kopie.staging-999999" "$TMP/out.bak" \
	"$TMP/out.old-20240101" "$TMP/out.staging-999999-abcdef"
killed=0
# a poll also ends when the run has ended (it may finish before the moment)
for moment in early staged building; do
	"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null &
	pid=$!
	stage="$TMP/out.staging-$pid-"
	case $moment in
	early) sleep 0.5 ;;
	building) for i in $(seq 2400); do [ -d "$stage"*/nederland/figuren ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done ;;
	staged) for i in $(seq 6000); do [ -f "$stage"*/nederland/wijzigingen.html ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done ;;
	esac
	kill -9 "$pid" 2>/dev/null || true
	rc=0
	wait "$pid" 2>/dev/null || rc=$?
	# 137: killed by SIGKILL (a run may also have finished just before)
	[ "$rc" -eq 137 ] && killed=$((killed + 1))
	[ -f "$TMP/out/index.html" ] || { echo "$moment: out/index.html missing"; exit 1; }
	[ -f "$TMP/out/nederland/index.html" ] || { echo "$moment: out/nederland/index.html missing"; exit 1; }
	now=$(hash_nw "$TMP/out/nederland")
	[ "$now" = "$old" ] || [ "$now" = "$new" ] || { echo "$moment: out/nederland is neither the old nor the new edition"; exit 1; }
	echo "$moment: exit $rc, $([ "$now" = "$old" ] && echo old || echo new) edition published; $(ls -d "$TMP"/out.staging-* | wc -l) staging names"
done
[ "$killed" -ge 2 ] || { echo "the runs ended before they could be killed"; exit 1; }
# the next run removes the debris of the killed runs, and only that
debris=$(cd "$TMP" && ls -d out.staging-* | grep -v -x -e out.staging-1 -e out.staging-abc -e out.staging-999999-abcdef || true)
# the last run was killed while building: its staging directory is there
[ -n "$debris" ] || { echo "no debris to remove: the killed runs left none"; exit 1; }
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err"
grep "gen: removing" "$TMP/err" || true
for d in $debris; do
	p=${d#out.staging-}
	grep -q "removing $TMP/$d, left behind by interrupted process ${p%%-*}" "$TMP/err" ||
		{ echo "debris $d not removed"; exit 1; }
done
left=$(cd "$TMP" && ls -d out.staging-* | sort | tr '\n' ' ')
[ "$left" = "out.staging-1 out.staging-999999-abcdef out.staging-abc " ] || { echo "left: $left"; exit 1; }
[ -d "$TMP/out-kopie.staging-999999" ] && [ -d "$TMP/out.bak" ] && [ -d "$TMP/out.old-20240101" ]
[ "$(hash_nw "$TMP/out/nederland")" = "$new" ]
echo "info: $killed runs killed with -9; out/ complete each time; debris removed by the next run"
