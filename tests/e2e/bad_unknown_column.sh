# A column for a question that is not in the questionnaire.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '1s/vormen\.zelfbeheer/vormen.tuinieren/' "$TMP/in/antwoorden.csv"
expect_input_error "antwoorden\.csv:1: column 'vormen\.tuinieren' is not a question item"
