# One publisher at a time: a run that finds out/ locked by another says so
# ("out/ is being updated by process N") and waits; its publication is
# not lost, and its account of changes compares against the other's.
. "$ROOT/tests/e2e_lib.sh"
copy_input
cp -r "$TMP/in" "$TMP/new"
python3 - "$TMP/new/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.sociale_samenhang")
for r in rows[1:]:
    r[col] = "nee"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
# new data first, then (while that run holds the lock) a run on the old data
"$GEN" --concept --input "$TMP/new" --variant nederland --out "$TMP/out" 2>"$TMP/err.a" &
a=$!
for i in $(seq 400); do [ "$(cat "$TMP/out.lock" 2>/dev/null)" = "$a" ] && break; sleep 0.05; done
[ "$(cat "$TMP/out.lock")" = "$a" ] || { echo "first run never took the lock"; exit 1; }
# (the difference moves a few gemeenten in and out of size-class bases, which
# the disclosure decision refuses by default: --update-weglaten withholds them)
"$GEN" --update-weglaten --input "$TMP/in" --variant nederland --out "$TMP/out" 2>"$TMP/err.b" &
b=$!
wait "$a"
wait "$b"
cat "$TMP/err.b" | grep -v "claim does not hold" || true
grep -q "$TMP/out/ is being updated by process $a; waiting" "$TMP/err.b"
# the later run's data are published ...
grep -q '^2.2,sociale_samenhang,ja,totaal,.*,94,$' "$TMP/out/nederland/cijfers.csv"
# ... and its account says what changed against the earlier run's publication
grep -q "gewijzigd: figuur 2.2, sociale_samenhang, ja, totaal: 0% -> 94%" "$TMP/out/nederland/wijzigingen.txt"
grep -q "klopt weer:" "$TMP/out/nederland/wijzigingen.txt"
echo "info: second run waited for process $a, then published; its wijzigingen.txt compares against the first"
