# A questionnaire that is well-formed but breaks the schema: a question
# with an unknown kind.
. "$ROOT/tests/e2e_lib.sh"
copy_input
line=$(grep -n 'id="aandacht" figuur="3.1"' "$TMP/in/vragenlijst.xml" | cut -d: -f1)
sed -i "${line}s/soort=\"raster\"/soort=\"schuifregelaar\"/" "$TMP/in/vragenlijst.xml"
expect_input_error "vragenlijst\.xml:$line: Element vraag failed to validate attributes; expected what .*vragenlijst\.rng allows"
