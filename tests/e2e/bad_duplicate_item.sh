# The same item id twice in a question (this error path used to leak the
# item's strings; under LeakSanitizer that now fails the test).
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '47s/<item id="vrijwilligerswerk"/<item id="netwerken_coalities"/' "$TMP/in/vragenlijst.xml"
grep -q "^ *<item id=\"netwerken_coalities\"" <(sed -n 47p "$TMP/in/vragenlijst.xml")
expect_input_error "vragenlijst\.xml:47: item 'netwerken_coalities' appears twice in question '[a-z_]+'; expected unique item ids"
