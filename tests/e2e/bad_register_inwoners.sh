# Inhabitants that are not a positive whole number: a thousands separator,
# zero, a negative number, and one too large for any integer.
. "$ROOT/tests/e2e_lib.sh"
for bad in 12.050 0 -500 99999999999999999999999; do
	copy_input
	sed -i "3s/,[0-9]*,2013\$/,$bad,2013/" "$TMP/in/gemeenten-2013.csv"
	expect_input_error "gemeenten-2013\.csv:3: inwoners '$bad' for GM0005; expected a positive whole number, digits only"
done
