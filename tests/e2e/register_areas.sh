# The provinces are whatever the register says, spelled as it says: a
# register that writes Fryslân (official since 2022) with templates whose
# editions name Fryslân builds, and the edition counts the same gemeenten
# as Friesland did; its slug folds the accent (fryslan) where the
# templates leave the id to the generator.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i 's/,Friesland,/,Fryslân,/' "$TMP/in/gemeenten-2013.csv"
n_reg=$(grep -c ',Fryslân,' "$TMP/in/gemeenten-2013.csv")
[ "$n_reg" -gt 20 ] || { echo "the register copy has $n_reg rows for Fryslân"; exit 1; }
cp -r "$ROOT/templates" "$TMP/tpl"
sed -i 's|<provincie>Friesland</provincie>|<provincie>Fryslân</provincie>|g; s|id="friesland" soort="provincie" naam="Friesland"|id="fryslan" soort="provincie" naam="Fryslân"|' "$TMP/tpl/rapport.xml"
grep -q 'naam="Fryslân"' "$TMP/tpl/rapport.xml" || { echo "rapport.xml copy does not declare Fryslân"; exit 1; }
"$GEN" --input "$TMP/in" --templates "$TMP/tpl" --out "$TMP/out" --variant fryslan 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
page="$TMP/out/fryslan/index.html"
[ -s "$page" ] || { echo "no edition page at fryslan/"; cat "$TMP/err"; exit 1; }
grep -q 'Fryslân' "$page" || { echo "the edition page does not name Fryslân"; exit 1; }
# the same gemeenten as the shipped Friesland edition: the Kern's base line
"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/ref" --variant friesland 2>"$TMP/err.ref" || { cat "$TMP/err.ref"; exit 1; }
want=$(grep -o 'Van de [0-9]* gemeenten in dit gebied deden er [0-9]* mee' "$TMP/ref/friesland/index.html" | head -1)
got=$(grep -o 'Van de [0-9]* gemeenten in dit gebied deden er [0-9]* mee' "$page" | head -1)
[ -n "$want" ] && [ "$want" = "$got" ] || { echo "base differs: Friesland '$want', Fryslân '$got'"; exit 1; }
echo "info: Fryslân edition built from the register's spelling: $got"
