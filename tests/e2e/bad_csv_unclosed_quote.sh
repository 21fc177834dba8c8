# A quoted field that is never closed.
. "$ROOT/tests/e2e_lib.sh"
copy_input
set_line "$TMP/in/antwoorden.csv" 40 "R039,GM0106,\"beleidsmedewerker,ja,ja"
expect_input_error 'antwoorden\.csv:40: a quoted field in this row is not closed'
