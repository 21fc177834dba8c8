# A statement of the report that the data no longer support is reported with
# its template file and line, marked in the HTML, and fatal with --strict.
. "$ROOT/tests/e2e_lib.sh"
copy_input
# Make 'sociale samenhang' rarer than every other form: most gemeenten now say no.
python3 - "$TMP/in/antwoorden.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
col = rows[0].index("vormen.sociale_samenhang")
for r in rows[1:]:
    r[col] = "nee"
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
"$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland 2>"$TMP/err"
cat "$TMP/err"
grep -Eq '^[^ ]*templates/[0-9a-z-]+\.xml:[0-9]+: bewering klopt niet' "$TMP/err"
grep -q 'class="claim-failed"' "$TMP/out/nederland/index.html"
# --strict: an error, and out/ stays as it was
before=$(tree_hash "$TMP/out")
if "$GEN" --strict --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland 2>"$TMP/err2"; then
	echo "--strict should fail"; exit 1
fi
grep -q 'bewering klopt niet' "$TMP/err2"
[ "$(tree_hash "$TMP/out")" = "$before" ]
# and on the real data no claim fails
"$GEN" --strict --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/real" --variant nederland
echo "info: $(grep -c 'bewering klopt niet' "$TMP/err") claim(s) reported on the changed data, none on the real data"
