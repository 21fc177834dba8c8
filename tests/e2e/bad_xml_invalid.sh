# A questionnaire that is not well-formed XML.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '47s|</item>|</itm>|' "$TMP/in/vragenlijst.xml"
grep -q '</itm>' "$TMP/in/vragenlijst.xml"
expect_input_error 'vragenlijst\.xml:47: .*(mismatch|Opening and ending tag)'
