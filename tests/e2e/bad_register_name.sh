# A gemeentenaam that is empty, and one that appears twice.
. "$ROOT/tests/e2e_lib.sh"
copy_input
sed -i '6s/^\(GM[0-9]*\),[^,]*,/\1,,/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:6: empty gemeentenaam for GM[0-9]{4}; expected the name of the gemeente"
copy_input
sed -i '7s/^\(GM[0-9]*\),[^,]*,/\1,Appingedam,/' "$TMP/in/gemeenten-2013.csv"
expect_input_error "gemeenten-2013\.csv:7: gemeentenaam 'Appingedam' \(GM[0-9]{4}\) also on line 2 \(GM0003\); expected a unique name per gemeente"
