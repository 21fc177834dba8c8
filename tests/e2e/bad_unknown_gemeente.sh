# A gemeentecode that is not in the register.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '7s/^\(R[0-9]*\),GM[0-9]*,/\1,GM9999,/' "$TMP/in/antwoorden.csv"
expect_input_error "antwoorden\.csv:7: unknown gemeentecode 'GM9999'"
