# The title page has room for three title lines and seven authors; more
# used to be dropped without a word. Now the schema refuses them, with the
# line in rapport.xml.
. "$ROOT/tests/e2e_lib.sh"
rm -rf "$TMP/tpl"
cp -r "$ROOT/templates" "$TMP/tpl"
last=$(grep -n '<titelregel>' "$TMP/tpl/rapport.xml" | tail -1 | cut -d: -f1)
n=$(grep -c '<titelregel>' "$TMP/tpl/rapport.xml")
for i in $(seq "$n" 3); do sed -i "${last}a\\    <titelregel>Nog een regel</titelregel>" "$TMP/tpl/rapport.xml"; done
[ "$(grep -c '<titelregel>' "$TMP/tpl/rapport.xml")" -eq 4 ] || { echo "the copy does not have four title lines"; exit 1; }
TPL="$TMP/tpl" expect_input_error "rapport\.xml:[0-9]+: .*titelregel"
rm -rf "$TMP/tpl"
cp -r "$ROOT/templates" "$TMP/tpl"
last=$(grep -n '<auteur>' "$TMP/tpl/rapport.xml" | tail -1 | cut -d: -f1)
n=$(grep -c '<auteur>' "$TMP/tpl/rapport.xml")
for i in $(seq "$n" 7); do sed -i "${last}a\\    <auteur>A. Nderen</auteur>" "$TMP/tpl/rapport.xml"; done
[ "$(grep -c '<auteur>' "$TMP/tpl/rapport.xml")" -eq 8 ] || { echo "the copy does not have eight authors"; exit 1; }
TPL="$TMP/tpl" expect_input_error "rapport\.xml:[0-9]+: .*auteur"
