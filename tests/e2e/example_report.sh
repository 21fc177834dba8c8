# The example report (examples/monitor): a survey that is not the 2013 one,
# written from docs/templates.md, builds with no workaround: its own
# questionnaire, a 2026 register under its own file name (named in
# rapport.xml) with Fryslân as the register spells it, a breakdown by a
# categorical register column, no stijl.css of its own, a termen.xml with
# only the words it says otherwise. Its text passes the
# lint, its PDFs pass the PDF/UA checks, and its numbers carry the declared
# groups.
. "$ROOT/tests/e2e_lib.sh"
EX="$ROOT/examples/monitor"
"$GEN" --input "$EX/input" --templates "$EX/templates" --out "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
for ed in nederland noord-nederland oost-nederland west-nederland zuid-nederland fryslan; do
	for f in index.html rapport.pdf cijfers.csv codeboek.csv stijl.css; do
		[ -s "$TMP/out/$ed/$f" ] || { echo "$ed/$f missing"; cat "$TMP/err"; exit 1; }
	done
done
grep -q 'Editie provincie Fryslân' "$TMP/out/fryslan/index.html" || { echo "the Fryslân edition does not name itself"; exit 1; }
# the declared groups, and no trace of the 2013 classes
for g in sterk matig weinig; do
	grep -q "^2\.1,visie,ja,$g," "$TMP/out/nederland/cijfers.csv" || { echo "cijfers.csv has no group $g"; exit 1; }
done
if grep -q '20k' "$TMP/out/nederland/cijfers.csv"; then echo "cijfers.csv has a 2013 size class"; exit 1; fi
grep -q '^groep,,sterk,sterk stedelijk' "$TMP/out/nederland/codeboek.csv" || { echo "codeboek.csv does not explain the group sterk"; exit 1; }
grep -q 'Respons naar stedelijkheidsklasse' "$TMP/out/nederland/index.html" || { echo "the annex does not name the breakdown"; exit 1; }
# the source line under the figures is the report's (<bron>), not the 2013 survey's
grep -q 'Bron: voorbeeldmonitor onder gemeenten, Voorbeeldbureau (2026)' "$TMP/out/nederland/index.html" || { echo "the figures' source line is not the report's <bron>"; exit 1; }
if grep -q 'online enquête onder gemeenten' "$TMP/out/nederland/index.html"; then echo "the 2013 survey's source line in the example"; exit 1; fi
# its own words where its termen.xml has them, the default's elsewhere
grep -q 'Vragenlijst onder gemeenten, ingevuld van 1 september 2026 tot en met 13 oktober 2026' "$TMP/out/nederland/index.html" ||
	{ echo "the example's own colofon term is not used"; exit 1; }
grep -q 'per landsdeel en voor Fryslân' "$TMP/out/index.html" || { echo "the example's own landing prose is not used"; exit 1; }
grep -q '>Alle cijfers<' "$TMP/out/index.html" || { echo "the example's own download label is not on the landing page"; exit 1; }
grep -q '>Codeboek<' "$TMP/out/index.html" || { echo "a term the example leaves out is not the default"; exit 1; }
# a bureau that is its own author and publisher is named once on the cover
[ "$(pdftotext -f 1 -l 1 "$TMP/out/nederland/rapport.pdf" - | grep -c '^Voorbeeldbureau$')" -eq 1 ] ||
	{ echo "the cover names the author-publisher twice"; exit 1; }
# the text: every sentence of every edition
"$GEN" --input "$EX/input" --templates "$EX/templates" --controleer 2>"$TMP/lint" || { cat "$TMP/lint"; exit 1; }
grep -q 'check: 0 finding(s)' "$TMP/lint" || { cat "$TMP/lint"; exit 1; }
# the PDFs: the same PDF/UA checks as the 2013 report's
python3 "$ROOT/tests/pdfua_check.py" "$TMP"/out/*/rapport.pdf > "$TMP/ua.log" || { cat "$TMP/ua.log"; exit 1; }
# the data are what maak-gegevens.py writes
cp -r "$EX" "$TMP/ex"
python3 "$TMP/ex/maak-gegevens.py"
for f in gemeenten-2026.csv enquete.csv; do
	cmp -s "$TMP/ex/input/$f" "$EX/input/$f" || { echo "examples/monitor/input/$f is not what maak-gegevens.py writes"; exit 1; }
done
echo "info: example report: $(ls -d "$TMP"/out/*/ | wc -l) editions, groups sterk/matig/weinig, Fryslân, lint clean, PDF/UA clean"
