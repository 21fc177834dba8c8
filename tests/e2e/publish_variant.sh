# Per-edition publishing: --variant X replaces edition X only (every other
# edition byte-identical), and the landing page lists every edition present.
. "$ROOT/tests/e2e_lib.sh"
copy_input
for v in nederland gelderland friesland; do
	"$GEN" --input "$TMP/in" --variant $v --out "$TMP/out" 2>/dev/null
done
for v in nederland gelderland friesland; do
	grep -q "href=\"$v/index.html\"" "$TMP/out/index.html" || { echo "landing page misses $v"; exit 1; }
done
ned=$(tree_hash "$TMP/out/nederland")
fri=$(tree_hash "$TMP/out/friesland")
gld=$(tree_hash "$TMP/out/gelderland")
# the editions the landing page lists (it also shows each PDF's size, which
# does change with the edition)
listed() { grep -o '<span class="naam"><a href="[a-z-]*/index.html">' "$TMP/out/index.html" | sort | sha256sum; }
landing=$(listed)
# new data, then only Gelderland
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.sociale_samenhang")
for r in rows[1:]:
    r[col] = "nee"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
# (the changed data make a statement false: the draft mode publishes anyway)
"$GEN" --concept --input "$TMP/in" --variant gelderland --out "$TMP/out" 2>/dev/null
[ "$(tree_hash "$TMP/out/nederland")" = "$ned" ] || { echo "nederland changed"; exit 1; }
[ "$(tree_hash "$TMP/out/friesland")" = "$fri" ] || { echo "friesland changed"; exit 1; }
[ "$(tree_hash "$TMP/out/gelderland")" != "$gld" ] || { echo "gelderland not replaced"; exit 1; }
[ "$(listed)" = "$landing" ] || { echo "landing page lists other editions although the editions present did not change"; exit 1; }
grep -q "klopt niet meer" "$TMP/out/gelderland/wijzigingen.txt"
# the landing page names the editions as before (Nederland, Gelderland, Friesland)
grep -q ">Gelderland</a>" "$TMP/out/index.html"
grep -q ">Nederland</a>" "$TMP/out/index.html"
# a directory that is not ours is left alone and not listed
mkdir "$TMP/out/eigen-map"
echo keep > "$TMP/out/eigen-map/x"
"$GEN" --concept --input "$TMP/in" --variant friesland --out "$TMP/out" 2>/dev/null
[ "$(cat "$TMP/out/eigen-map/x")" = keep ]
if grep -q "eigen-map" "$TMP/out/index.html"; then echo "a foreign directory is listed"; exit 1; fi
echo "info: nederland and friesland byte-identical after --variant gelderland"
