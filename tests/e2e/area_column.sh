# Areas from any register column (issue #22): <uitgaven kolom="regio">
# makes the values of that column the areas the editions name (<gebied>),
# with the same checks as provinces: an area the register lacks, or a
# column it lacks, is an input error with file:line. The example report,
# its register given a column of two regions that cut across provinces.
. "$ROOT/tests/e2e_lib.sh"
EX=$TMP/ex
rm -rf "$EX"
cp -r "$ROOT/examples/monitor" "$EX"
python3 - "$EX/input/gemeenten-2026.csv" <<'PY'
import csv, sys
path = sys.argv[1]
rows = list(csv.reader(open(path, encoding="utf-8")))
coast = {"Fryslân", "Groningen", "Noord-Holland", "Zuid-Holland", "Zeeland"}
rows[0].append("regio")
for r in rows[1:]:
    r.append("Kustregio" if r[2] in coast else "Binnenland")
csv.writer(open(path, "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
python3 - "$EX/templates/rapport.xml" <<'PY'
import re, sys
path = sys.argv[1]
s = open(path, encoding="utf-8").read()
s = re.sub(r"<uitgaven>.*?</uitgaven>", """<uitgaven kolom="regio">
    <uitgave id="nederland" naam="Nederland" soort="land"/>
    <uitgave id="kust" naam="Kustregio"><gebied>Kustregio</gebied></uitgave>
    <uitgave id="binnenland" naam="Binnenland"><gebied>Binnenland</gebied></uitgave>
  </uitgaven>""", s, flags=re.S)
open(path, "w", encoding="utf-8").write(s)
PY
"$GEN" --input "$EX/input" --templates "$EX/templates" --out "$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
[ "$(ls -d "$TMP"/out/*/ | xargs -n1 basename | tr '\n' ' ')" = "binnenland kust nederland " ] ||
	{ ls "$TMP/out"; echo "expected the editions nederland, kust and binnenland"; exit 1; }
grep -q 'Editie Kustregio (regio)' "$TMP/out/kust/index.html" || { echo "the region's edition does not name itself"; exit 1; }
grep -q 'Respons naar regio' "$TMP/out/nederland/index.html" || { echo "the response annex is not per region"; exit 1; }
# the region's edition counts exactly the register's gemeenten of that region
want=$(python3 -c "
import csv; rows = list(csv.DictReader(open('$EX/input/gemeenten-2026.csv', encoding='utf-8')))
print(sum(r['regio'] == 'Kustregio' for r in rows))")
grep -q "^text,gemeenten_totaal,count,totaal,$want,$want,100," "$TMP/out/kust/cijfers.csv" ||
	{ grep gemeenten_totaal "$TMP/out/kust/cijfers.csv"; echo "the region's edition does not count its $want gemeenten"; exit 1; }
# a slip in an area's name, and a column the register lacks
rm -rf "$TMP/in" && cp -r "$EX/input" "$TMP/in"
export TPL=$TMP/tpl
rm -rf "$TPL" && cp -r "$EX/templates" "$TPL"
sed -i 's|<gebied>Kustregio</gebied>|<gebied>Kustrgio</gebied>|' "$TPL/rapport.xml"
line=$(grep -n 'Kustrgio' "$TPL/rapport.xml" | cut -d: -f1)
expect_input_error "rapport.xml:$line: area 'Kustrgio' is not in the register's column 'regio'; expected a value of that column"
sed -i 's|<gebied>Kustrgio</gebied>|<gebied>Kustregio</gebied>|; s|<uitgaven kolom="regio">|<uitgaven kolom="streek">|' "$TPL/rapport.xml"
expect_input_error "gemeenten-2026\.csv:1: no column 'streek'; expected the column the editions' areas come from \(<uitgaven kolom=\"streek\"> in rapport\.xml\)"
echo "info: editions per region (a register column of its own): kust, binnenland; slips are input errors"
