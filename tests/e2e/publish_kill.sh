# kill -9 at several moments of a run leaves the old or the new complete
# edition, never none; the next run removes the debris of the killed runs
# (<out>.staging-PID of a dead PID) and nothing else.
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
mkdir "$TMP/out.staging-1" "$TMP/out.staging-abc" "$TMP/out-kopie.staging-999999" "$TMP/out.bak"
killed=0
for moment in early building staged; do
	"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>/dev/null &
	pid=$!
	stage="$TMP/out.staging-$pid"
	case $moment in
	early) sleep 0.5 ;;
	building) for i in $(seq 600); do [ -d "$stage/nederland/figuren" ] && break; sleep 0.05; done ;;
	staged) for i in $(seq 1200); do [ -f "$stage/nederland/wijzigingen.html" ] && break; sleep 0.02; done ;;
	esac
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null || true
	[ -f "$TMP/out/index.html" ] || { echo "$moment: out/index.html missing"; exit 1; }
	[ -f "$TMP/out/nederland/index.html" ] || { echo "$moment: out/nederland/index.html missing"; exit 1; }
	now=$(hash_nw "$TMP/out/nederland")
	[ "$now" = "$old" ] || [ "$now" = "$new" ] || { echo "$moment: out/nederland is neither the old nor the new edition"; exit 1; }
	echo "killed at $moment: $([ "$now" = "$old" ] && echo old || echo new) edition published; debris: $(ls -d "$TMP"/out.staging-* | wc -l) names"
done
[ "$killed" -ge 2 ] || { echo "the runs ended before they could be killed"; exit 1; }
# the next run removes the debris of the killed runs, and only that (a run
# killed before it made its staging directory, or a slow machine where the
# run finished first, leaves none to remove)
debris=$(($(ls -d "$TMP"/out.staging-* | wc -l) - 2))
"$GEN" --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err"
grep "verwijdert" "$TMP/err" || true
[ "$debris" -eq 0 ] || grep -q "achtergelaten door afgebroken proces" "$TMP/err"
left=$(cd "$TMP" && ls -d out.staging-* | sort | tr '\n' ' ')
[ "$left" = "out.staging-1 out.staging-abc " ] || { echo "left: $left"; exit 1; }
[ -d "$TMP/out-kopie.staging-999999" ] && [ -d "$TMP/out.bak" ]
[ "$(hash_nw "$TMP/out/nederland")" = "$new" ]
echo "info: $killed runs killed with -9; out/ complete each time; debris removed by the next run"
