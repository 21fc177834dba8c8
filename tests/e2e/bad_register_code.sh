# A gemeentecode that is not GM + four digits, and one that appears twice.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '5s/^GM\([0-9]*\),/GM\1x,/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:5: gemeentecode 'GM[0-9]{4}x'; expected GM followed by four digits"
copy_input
sed -i '9s/^GM[0-9]*,/GM0003,/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:9: gemeentecode GM0003 also on line 2; expected each gemeente once"
