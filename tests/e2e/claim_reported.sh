# A statement of the report that the data no longer support fails the run:
# every failing claim is listed with its template file and line, exit 1, and
# out/ stays as it was. --concept writes the edition with each failing claim
# marked, explained in a footnote and listed in a legend, in HTML and PDF.
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
make_published_out
before=$(tree_hash "$TMP/out")
if "$GEN" --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/out" --variant nederland 2>"$TMP/err"; then
	echo "a failing claim should fail the run"; exit 1
fi
cat "$TMP/err"
grep -Eq '^[^ ]*templates/[0-9a-z-]+\.xml:[0-9]+: claim does not hold' "$TMP/err"
grep -q 'claim(s) do not hold on the data' "$TMP/err"
[ "$(tree_hash "$TMP/out")" = "$before" ]
ls "$TMP" | grep -q staging && { echo "staging left behind"; exit 1; }
# --concept: written, marked, explained, with a legend
"$GEN" --concept --input "$TMP/in" --templates "$ROOT/templates" --out "$TMP/concept" --variant nederland 2>"$TMP/err2"
grep -q 'gen: draft: 1 claim(s) do not hold' "$TMP/err2"
html="$TMP/concept/nederland/index.html"
grep -q 'class="claim-failed"' "$html"
grep -q 'id="concept-legenda"' "$html"
grep -q 'Concept – deze bewering klopt niet voor Nederland' "$html"
pdftotext "$TMP/concept/nederland/rapport.pdf" "$TMP/c.txt"
grep -q 'Concept – niet publiceren' "$TMP/c.txt"
grep -q 'deze bewering klopt niet voor Nederland' "$TMP/c.txt"
grep -q ',nee,' "$TMP/concept.state/nederland/beweringen.csv"
# and on the real data no claim fails, in the default mode
"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/real" --variant nederland
! grep -q ',nee,' "$TMP/real.state/nederland/beweringen.csv"
echo "info: $(grep -c 'claim does not hold' "$TMP/err") claim(s) fail the run on the changed data; --concept marks them; none on the real data"
