# A row with fewer fields than the header.
. "$ROOT/tests/e2e_lib.sh"
copy_input
set_line "$TMP/in/antwoorden.csv" 12 "R011,GM0106,beleidsmedewerker,ja,nee"
expect_input_error 'antwoorden\.csv:12: 5 fields; expected [0-9]+'
