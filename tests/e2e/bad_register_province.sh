# A province typo in the register: the gemeente would silently drop out of
# its province's edition (66 instead of 67 in Noord-Brabant). The areas are
# the register's own (Fryslân is as good as Friesland), so a slip is caught
# as an area too many (a thirteenth beside the twelve) or as an area that
# no <uitgave> names.
. "$ROOT/tests/e2e_lib.sh"
copy_input
line=$(grep -n '^GM0794,' "$TMP/in/gemeenten-2013.csv" | cut -d: -f1)
sed -i "${line}s/,Noord-Brabant,/,Noord-Brqbant,/" "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:$line: provincie 'Noord-Brqbant' \(1 gemeente\) is one of 13 areas; expected at most 12, each spelled one way"
# every Zeeland row misspelt: an edition that names Zeeland finds none
copy_input
first=$(grep -n ',Zeeland,' "$TMP/in/gemeenten-2013.csv" | head -1 | cut -d: -f1)
sed -i 's/,Zeeland,/,Zeland,/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "rapport\.xml:[0-9]+: province 'Zeeland' is not in the register; expected a province as spelled in .*gemeenten-2013\.csv"
# ... and with templates that name no Zeeland, twelve areas of which one
# no edition names: said on stderr (a report may leave an area to the
# national edition), the run goes on
rm -rf "$TMP/tpl"
cp -r "$ROOT/templates" "$TMP/tpl"
sed -i 's|<provincie>Zeeland</provincie>||; /id="zeeland"/d' "$TMP/tpl/rapport.xml"
"$GEN" --input "$TMP/in" --templates "$TMP/tpl" --out "$TMP/z" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
grep -Eq "gemeenten-2013\.csv:$first: note: province 'Zeland' is in no <uitgave> of .*rapport\.xml \(a spelling slip\?\)" "$TMP/err" ||
	{ cat "$TMP/err"; echo "no word on the area that no edition names"; exit 1; }
# a province with a space around it is a slip too
copy_input
rm -rf "$TMP/out"
sed -i "${line}s/,Noord-Brabant,/,Noord-Brabant ,/" "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:$line: provincie 'Noord-Brabant ' for GM0794; expected the name of its province, without spaces around it"
