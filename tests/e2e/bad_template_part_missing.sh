# A <deel bestand> naming a file that is not there is an error of
# rapport.xml, at the line of that <deel>, with the reason.
. "$ROOT/tests/e2e_lib.sh"
copy_input
cp -r "$ROOT/templates" "$TMP/templates"
line=$(grep -n 'bestand="4-behoefte.xml"' "$TMP/templates/rapport.xml" | cut -d: -f1)
sed -i 's/bestand="4-behoefte.xml"/bestand="4-behoefte-oud.xml"/' "$TMP/templates/rapport.xml"
cd "$TMP"
TPL=templates/ expect_input_error "^templates/rapport\.xml:$line: <deel bestand=\"4-behoefte-oud\.xml\">: cannot open templates/4-behoefte-oud\.xml: No such file or directory; expected a template part in templates/"
