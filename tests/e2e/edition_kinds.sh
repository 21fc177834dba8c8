# Edition kinds are data: <uitgave soort="..."> in rapport.xml decides how
# the cover, running header, title page, colofon, citation and description
# name the edition: a landsdeel is not called a province, and any named
# kind of area works.
. "$ROOT/tests/e2e_lib.sh"
"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/o" --variant noord-nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
h="$TMP/o/noord-nederland/index.html"
! grep -q 'Editie provincie Noord-Nederland' "$h" || { echo "a landsdeel called a province"; exit 1; }
[ "$(grep -c 'Editie Noord-Nederland (landsdeel)' "$h")" -ge 3 ] || { echo "title page, colofon and description should name the landsdeel"; exit 1; }
pdftotext "$TMP/o/noord-nederland/rapport.pdf" "$TMP/nn.txt"
grep -q '^Editie Noord-Nederland (landsdeel)$' "$TMP/nn.txt"                 # cover
grep -q '‘doe-democratie’ – Editie Noord-Nederland (landsdeel)$' "$TMP/nn.txt" # running header
"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/o" --variant gelderland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -q 'Editie provincie Gelderland' "$TMP/o/gelderland/index.html"
# any kind of area: a region declared in the templates
cp -r "$ROOT/templates" "$TMP/t"
sed -i 's|<uitgave id="zuid-nederland" soort="landsdeel" naam="Zuid-Nederland">|<uitgave id="zuid-nederland" soort="regio" naam="Zuid-Nederland">|' "$TMP/t/rapport.xml"
grep -q 'soort="regio"' "$TMP/t/rapport.xml"
"$GEN" --input "$ROOT/input" --templates "$TMP/t" --out "$TMP/o2" --variant zuid-nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -q 'Editie Zuid-Nederland (regio)' "$TMP/o2/zuid-nederland/index.html"
echo "info: landsdeel, provincie and a declared regio named on cover, running header, title page and colofon"
