# rapport.xml names its input files (<invoer>): a register of another year
# and responses under another name build the same report; the responses
# reader follows the extension (.sav: SPSS); a file that is not there says
# which file was expected and where its name comes from, default or
# rapport.xml:LINE, and leaves out/ as it was.
. "$ROOT/tests/e2e_lib.sh"
copy_input
mv "$TMP/in/gemeenten-2013.csv" "$TMP/in/register-2026.csv"
mv "$TMP/in/antwoorden.csv" "$TMP/in/enquete.csv"
cp "$ROOT/input/antwoorden.sav" "$TMP/in/enquete-spss.sav"
rm -rf "$TMP/tpl"
cp -r "$ROOT/templates" "$TMP/tpl"
sed -i 's|</meta>|</meta>\n  <invoer register="register-2026.csv" antwoorden="enquete.csv"/>|' "$TMP/tpl/rapport.xml"
line=$(grep -n '<invoer ' "$TMP/tpl/rapport.xml" | cut -d: -f1)
[ -n "$line" ] || { echo "no <invoer> in the templates copy"; exit 1; }
"$GEN" --input "$TMP/in" --templates "$TMP/tpl" --out "$TMP/a" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
"$GEN" --input "$ROOT/input" --templates "$ROOT/templates" --out "$TMP/ref" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
cmp "$TMP/a/nederland/cijfers.csv" "$TMP/ref/nederland/cijfers.csv" || { echo "named inputs give other numbers"; exit 1; }
# the .sav by its extension
sed -i 's|antwoorden="enquete.csv"|antwoorden="enquete-spss.sav"|' "$TMP/tpl/rapport.xml"
"$GEN" --input "$TMP/in" --templates "$TMP/tpl" --out "$TMP/b" --variant nederland 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
cmp "$TMP/b/nederland/cijfers.csv" "$TMP/ref/nederland/cijfers.csv" || { echo "the named .sav gives other numbers"; exit 1; }
# a named file that is not there: the message points at rapport.xml:LINE
sed -i 's|register="register-2026.csv"|register="register-2027.csv"|' "$TMP/tpl/rapport.xml"
TPL="$TMP/tpl" expect_input_error "register-2027\.csv: cannot read the register: No such file or directory; expected the file that .*/rapport\.xml:$line names \(<invoer register=\"register-2027\.csv\">\)"
# the default name, when the report names none
TPL= expect_input_error "gemeenten-2013\.csv: cannot read the register: No such file or directory; expected gemeenten-2013\.csv in the input folder .* \(the default name; <invoer register=\"\.\.\.\"/> in .*/rapport\.xml names another\)"
# a path is not a file name: refused by the schema, with its line
sed -i 's|register="register-2027.csv"|register="../elders/register.csv"|' "$TMP/tpl/rapport.xml"
TPL="$TMP/tpl" expect_input_error "rapport\.xml:[0-9]+: Invalid attribute register for element invoer"
echo "info: register and responses named in rapport.xml (CSV and .sav), missing files named with their source"
