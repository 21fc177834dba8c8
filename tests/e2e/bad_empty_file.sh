# An empty responses file.
. "$ROOT/tests/e2e_lib.sh"
copy_input
: > "$TMP/in/antwoorden.csv"
expect_input_error 'antwoorden\.csv: file is empty; expected a header line'
