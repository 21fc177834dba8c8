# The same respondent id twice.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '20s/^R[0-9]*,/R003,/' "$TMP/in/antwoorden.csv"
expect_input_error "antwoorden\.csv:20: respondent id 'R003' also on line 4"
